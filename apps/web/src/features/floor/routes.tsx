import type { RouteObject } from 'react-router';
import { MANAGERS, guardedRoute } from '../../auth/RequireRole';
import { FloorPage } from './FloorPage';

export const floorRoutes: RouteObject[] = [guardedRoute('floor', MANAGERS, <FloorPage />)];
