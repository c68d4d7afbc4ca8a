import type { RouteObject } from 'react-router';
import { MANAGERS, RequireRole } from '../../auth/RequireRole';
import { Page } from '../../ui/page';

// Placeholder: replaced by the insights screen.
export const insightsRoutes: RouteObject[] = [
  { path: 'insights', element: <RequireRole roles={MANAGERS}><Page title="Indicateurs">…</Page></RequireRole> },
];
