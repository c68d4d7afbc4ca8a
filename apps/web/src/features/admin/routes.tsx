import type { RouteObject } from 'react-router';
import { ADMIN, RequireRole } from '../../auth/RequireRole';
import { Page } from '../../ui/page';

// Placeholder: replaced by the admin screens.
export const adminRoutes: RouteObject[] = [
  { path: 'admin/users', element: <RequireRole roles={ADMIN}><Page title="Utilisateurs">…</Page></RequireRole> },
];
