import { keyedRequest as sharedKeyedRequest, type IdempotentRequest } from '@pepite/api/database';
import type { AuthenticatedUser } from '@pepite/api/identity';
import { PepinErrors } from '../pepins.errors';

/**
 * The idempotency record of a keyed request of `actor`, or null without a key (the shared
 * rule of libs/api/database; a malformed key is BAD_USER_INPUT).
 */
export function keyedRequest(
  scope: string,
  actor: AuthenticatedUser,
  key: string | null | undefined,
  request: unknown,
): IdempotentRequest | null {
  return sharedKeyedRequest(scope, actor.id, key, request);
}

export const idempotencyConflict = (): Error => PepinErrors.requestIdempotencyConflict();
