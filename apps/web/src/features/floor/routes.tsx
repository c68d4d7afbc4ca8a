import type { RouteObject } from 'react-router';
import { MANAGERS, RequireRole } from '../../auth/RequireRole';
import { FloorPage } from './FloorPage';

export const floorRoutes: RouteObject[] = [
  {
    path: 'floor',
    element: (
      <RequireRole roles={MANAGERS}>
        <FloorPage />
      </RequireRole>
    ),
  },
];
