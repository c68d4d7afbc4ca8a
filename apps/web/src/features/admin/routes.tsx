import type { RouteObject } from 'react-router';
import { ADMIN, guardedRoute } from '../../auth/RequireRole';
import { GroupMappingsPage } from './GroupMappingsPage';
import { SitesPage } from './SitesPage';
import { UsersPage } from './UsersPage';

export const adminRoutes: RouteObject[] = [
  guardedRoute('admin/users', ADMIN, <UsersPage />),
  guardedRoute('admin/sites', ADMIN, <SitesPage />),
  guardedRoute('admin/sso', ADMIN, <GroupMappingsPage />),
];
