import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, type RouteObject } from 'react-router';
import type { Role } from '../gql/graphql';
import { Loading } from '../ui/states';
import { useAuth } from './auth-context';

/**
 * Screens state who may open them. The API enforces the same rule on every operation;
 * this only spares people a screen of FORBIDDEN errors.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  const { t } = useTranslation('auth');
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(user.role)) {
    return (
      <p role="alert" className="error-banner">
        {t('forbidden')}
      </p>
    );
  }
  return <>{children}</>;
}

export const OPERATOR: readonly Role[] = ['OPERATOR'];
export const MANAGERS: readonly Role[] = ['MANAGER', 'ADMIN'];
export const ADMIN: readonly Role[] = ['ADMIN'];
export const EVERYONE: readonly Role[] = ['OPERATOR', 'MANAGER', 'ADMIN'];

/** A screen at `path` that only `roles` may open: every feature's routes are a list of these. */
export function guardedRoute(path: string, roles: readonly Role[], screen: ReactNode): RouteObject {
  return { path, element: <RequireRole roles={roles}>{screen}</RequireRole> };
}
