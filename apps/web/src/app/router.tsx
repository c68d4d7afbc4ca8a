import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { adminRoutes } from '../features/admin/routes';
import { webhookRoutes } from '../features/admin/webhooks/routes';
import { codesignRoutes } from '../features/codesign/routes';
import { insightsRoutes } from '../features/insights/routes';
import { floorRoutes } from '../features/floor/routes';
import { operatorRoutes } from '../features/operator/routes';
import { settingsRoutes } from '../features/settings/routes';
import { triageRoutes } from '../features/triage/routes';
import { Home } from './Home';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      ...operatorRoutes,
      ...triageRoutes,
      ...codesignRoutes,
      ...insightsRoutes,
      ...floorRoutes,
      ...adminRoutes,
      ...webhookRoutes,
      ...settingsRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);
