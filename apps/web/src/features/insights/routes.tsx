import type { RouteObject } from 'react-router';
import { MANAGERS, guardedRoute } from '../../auth/RequireRole';
import { InsightsPage } from './InsightsPage';

export const insightsRoutes: RouteObject[] = [guardedRoute('insights', MANAGERS, <InsightsPage />)];
