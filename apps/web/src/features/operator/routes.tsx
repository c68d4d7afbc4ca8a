import type { RouteObject } from 'react-router';
import { OPERATOR, RequireRole } from '../../auth/RequireRole';
import { Page } from '../../ui/page';

// Placeholder: replaced by the operator screens.
export const operatorRoutes: RouteObject[] = [
  { path: 'pepins/new', element: <RequireRole roles={OPERATOR}><Page title="Signaler un pépin">…</Page></RequireRole> },
  { path: 'my-pepins', element: <RequireRole roles={OPERATOR}><Page title="Mes pépins">…</Page></RequireRole> },
];
