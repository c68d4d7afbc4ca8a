import type { RouteObject } from 'react-router';
import { EVERYONE, RequireRole } from '../../auth/RequireRole';
import { NotificationPreferencesPage } from './NotificationPreferencesPage';

export const settingsRoutes: RouteObject[] = [
  {
    path: 'settings/notifications',
    element: (
      <RequireRole roles={EVERYONE}>
        <NotificationPreferencesPage />
      </RequireRole>
    ),
  },
];
