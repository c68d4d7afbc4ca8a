import type { RouteObject } from 'react-router';
import { ADMIN, RequireRole } from '../../auth/RequireRole';
import { GroupMappingsPage } from './GroupMappingsPage';
import { SitesPage } from './SitesPage';
import { UsersPage } from './UsersPage';

export const adminRoutes: RouteObject[] = [
  { path: 'admin/users', element: <RequireRole roles={ADMIN}><UsersPage /></RequireRole> },
  { path: 'admin/sites', element: <RequireRole roles={ADMIN}><SitesPage /></RequireRole> },
  { path: 'admin/sso', element: <RequireRole roles={ADMIN}><GroupMappingsPage /></RequireRole> },
];
