import type { RouteObject } from 'react-router';
import { MANAGERS, guardedRoute } from '../../auth/RequireRole';
import { PepinDetailPage } from './PepinDetailPage';
import { TriageQueuePage } from './TriageQueuePage';

export const triageRoutes: RouteObject[] = [
  guardedRoute('triage', MANAGERS, <TriageQueuePage />),
  guardedRoute('triage/:id', MANAGERS, <PepinDetailPage />),
];
