import type { RouteObject } from 'react-router';
import { EVERYONE, OPERATOR, RequireRole } from '../../auth/RequireRole';
import { FilePepinPage } from './FilePepinPage';
import { MyPepinsPage } from './MyPepinsPage';
import { NotificationsPage } from './NotificationsPage';
import { PepinDetailPage } from './PepinDetailPage';

export const operatorRoutes: RouteObject[] = [
  {
    path: 'pepins/new',
    element: (
      <RequireRole roles={OPERATOR}>
        <FilePepinPage />
      </RequireRole>
    ),
  },
  {
    path: 'my-pepins',
    element: (
      <RequireRole roles={OPERATOR}>
        <MyPepinsPage />
      </RequireRole>
    ),
  },
  {
    path: 'my-pepins/:id',
    element: (
      <RequireRole roles={OPERATOR}>
        <PepinDetailPage />
      </RequireRole>
    ),
  },
  {
    path: 'notifications',
    element: (
      <RequireRole roles={EVERYONE}>
        <NotificationsPage />
      </RequireRole>
    ),
  },
];
