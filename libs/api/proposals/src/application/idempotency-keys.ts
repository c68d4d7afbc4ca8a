import { IDEMPOTENCY_KEY_FORMAT, type IdempotentRequest } from '@pepite/api/database';
import type { AuthenticatedUser } from '@pepite/api/identity';
import { invalidProposalInput, ProposalErrors } from '../proposals.errors';

export { IDEMPOTENCY_KEY_DESCRIPTION } from '@pepite/api/database';

/**
 * The idempotency record of a keyed request of `actor` (keys are per user and per
 * operation), or null without a key. A malformed key is BAD_USER_INPUT.
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
    throw invalidProposalInput('request', [
      {
        field: 'idempotencyKey',
        reason: 'INVALID_FORMAT',
        fr: 'La clé d’idempotence fait 8 à 100 caractères parmi A-Z a-z 0-9 . _ : -.',
        en: 'The idempotency key has 8 to 100 characters among A-Z a-z 0-9 . _ : -.',
      },
    ]);
  }
  return { scope, ownerId: actor.id, key: trimmed, request };
}

export const idempotencyConflict = (): Error => ProposalErrors.idempotencyConflict();
