import type { RouteObject } from 'react-router';
import { MANAGERS, RequireRole } from '../../auth/RequireRole';
import { Page } from '../../ui/page';

// Placeholder: replaced by the triage screens.
export const triageRoutes: RouteObject[] = [
  { path: 'triage', element: <RequireRole roles={MANAGERS}><Page title="File de tri">…</Page></RequireRole> },
];
