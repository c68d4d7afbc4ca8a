import { IDEMPOTENCY_KEY_FORMAT, type IdempotentRequest } from '@pepite/api/database';
import { DomainError, ErrorCode } from '@pepite/api/errors';
import type { AuthenticatedUser } from '@pepite/api/identity';
import { VotingErrors } from '../voting.errors';

/** Same wording as the other keyed mutations' descriptions. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Send the same key when retrying (8 to 100 of A-Z a-z 0-9 . _ : -, kept 24 h): you get the same result back and nothing new is made; the same key with other input is a CONFLICT.';

/**
 * The idempotency record of a keyed request of `actor` (keys are per user and per
 * operation, kept 24 h), or null without a key. A malformed key is BAD_USER_INPUT.
 */
export function keyedRequest(
  scope: string,
  actor: AuthenticatedUser,
  key: string | null | undefined,
  request: unknown,
): IdempotentRequest | null {
  const trimmed = key?.trim();
  if (!trimmed) return null;
  if (!IDEMPOTENCY_KEY_FORMAT.test(trimmed)) {
    const fr = 'La clé d’idempotence fait 8 à 100 caractères parmi A-Z a-z 0-9 . _ : -.';
    const en = 'The idempotency key has 8 to 100 characters among A-Z a-z 0-9 . _ : -.';
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      { fr, en },
      { reason: 'invalidIdempotencyKey', fields: [{ field: 'idempotencyKey', constraint: 'INVALID_FORMAT', fr, en }] },
    );
  }
  return { scope, ownerId: actor.id, key: trimmed, request };
}

export const idempotencyConflict = (): Error => VotingErrors.idempotencyConflict();
