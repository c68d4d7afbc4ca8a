import type { RouteObject } from 'react-router';
import { ADMIN, RequireRole } from '../../../auth/RequireRole';
import { WebhooksPage } from './WebhooksPage';

export const webhookRoutes: RouteObject[] = [
  { path: 'admin/webhooks', element: <RequireRole roles={ADMIN}><WebhooksPage /></RequireRole> },
];
