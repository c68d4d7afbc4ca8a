import type { RouteObject } from 'react-router';
import { MANAGERS, RequireRole } from '../../auth/RequireRole';
import { InsightsPage } from './InsightsPage';

export const insightsRoutes: RouteObject[] = [
  {
    path: 'insights',
    element: (
      <RequireRole roles={MANAGERS}>
        <InsightsPage />
      </RequireRole>
    ),
  },
];
