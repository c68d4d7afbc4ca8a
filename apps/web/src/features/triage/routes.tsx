import type { RouteObject } from 'react-router';
import { MANAGERS, RequireRole } from '../../auth/RequireRole';
import { PepinDetailPage } from './PepinDetailPage';
import { TriageQueuePage } from './TriageQueuePage';

export const triageRoutes: RouteObject[] = [
  {
    path: 'triage',
    element: (
      <RequireRole roles={MANAGERS}>
        <TriageQueuePage />
      </RequireRole>
    ),
  },
  {
    path: 'triage/:id',
    element: (
      <RequireRole roles={MANAGERS}>
        <PepinDetailPage />
      </RequireRole>
    ),
  },
];
