import type { RouteObject } from 'react-router';
import { EVERYONE, guardedRoute } from '../../auth/RequireRole';
import { NotificationPreferencesPage } from './NotificationPreferencesPage';

export const settingsRoutes: RouteObject[] = [
  guardedRoute('settings/notifications', EVERYONE, <NotificationPreferencesPage />),
];
