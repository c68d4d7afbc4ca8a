import type { RouteObject } from 'react-router';
import { EVERYONE, OPERATOR, guardedRoute } from '../../auth/RequireRole';
import { FilePepinPage } from './FilePepinPage';
import { MyPepinsPage } from './MyPepinsPage';
import { NotificationsPage } from './NotificationsPage';
import { PepinDetailPage } from './PepinDetailPage';

export const operatorRoutes: RouteObject[] = [
  guardedRoute('pepins/new', OPERATOR, <FilePepinPage />),
  guardedRoute('my-pepins', OPERATOR, <MyPepinsPage />),
  guardedRoute('my-pepins/:id', OPERATOR, <PepinDetailPage />),
  guardedRoute('notifications', EVERYONE, <NotificationsPage />),
];
