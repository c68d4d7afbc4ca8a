import type { RouteObject } from 'react-router';
import { EVERYONE, RequireRole } from '../../auth/RequireRole';
import { Page } from '../../ui/page';

// Placeholder: replaced by the co-design screens (proposals, vote, publish, releases).
export const codesignRoutes: RouteObject[] = [
  { path: 'proposals', element: <RequireRole roles={EVERYONE}><Page title="Propositions">…</Page></RequireRole> },
];
