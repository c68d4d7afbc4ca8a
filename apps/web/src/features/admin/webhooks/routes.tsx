import type { RouteObject } from 'react-router';
import { ADMIN, guardedRoute } from '../../../auth/RequireRole';
import { WebhooksPage } from './WebhooksPage';

export const webhookRoutes: RouteObject[] = [guardedRoute('admin/webhooks', ADMIN, <WebhooksPage />)];
