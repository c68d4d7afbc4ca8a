import { SetMetadata } from '@nestjs/common';
import { ALL_ROLES, Role } from '../domain/role';

export const ACCESS_METADATA = 'pepite:access';

/** Who may call an operation. Every resolver method and route declares one (tested). */
export type AccessRule = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** Signed-in users with one of these roles. */
export const Access = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);

/** Any signed-in user, whatever the role. */
export const AnyRole = () => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles: ALL_ROLES } satisfies AccessRule);

/** Anyone, signed in or not (login, health). Say why next to each use. */
export const PublicAccess = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
