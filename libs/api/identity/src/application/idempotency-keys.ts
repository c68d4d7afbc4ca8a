import { IDEMPOTENCY_KEY_FORMAT, runIdempotent, type IdempotentRequest } from '@pepite/api/database';
import { DomainError, ErrorCode } from '@pepite/api/errors';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { IdentityErrors } from '../identity.errors';

/** Same wording as the other keyed mutations' descriptions. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Send the same key when retrying (8 to 100 of A-Z a-z 0-9 . _ : -, kept 24 h): you get the same result back and nothing new is made; the same key with other input is a CONFLICT.';

/** Who asks, with which key (optional): keys are per user and per operation. */
export interface IdempotencyOptions {
  readonly actor: AuthenticatedUser;
  readonly idempotencyKey?: string | null;
}

/** The idempotency record of a keyed request, or null without a key. A malformed key is BAD_USER_INPUT. */
export function keyedRequest(
  scope: string,
  options: IdempotencyOptions | undefined,
  request: unknown,
): IdempotentRequest | null {
  const trimmed = options?.idempotencyKey?.trim();
  if (!options || !trimmed) return null;
  if (!IDEMPOTENCY_KEY_FORMAT.test(trimmed)) {
    const fr = 'La clé d’idempotence fait 8 à 100 caractères parmi A-Z a-z 0-9 . _ : -.';
    const en = 'The idempotency key has 8 to 100 characters among A-Z a-z 0-9 . _ : -.';
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      { fr, en },
      { reason: 'invalidIdempotencyKey', fields: [{ field: 'idempotencyKey', constraint: 'INVALID_FORMAT', fr, en }] },
    );
  }
  return { scope, ownerId: options.actor.id, key: trimmed, request };
}

/**
 * Runs `create` in a transaction; with a key, once per key (24 h): a retry gets back what the
 * first attempt created (read again by `reload`) and creates nothing.
 */
export async function createOnce<T extends { id: string }>(
  dataSource: DataSource,
  idempotent: IdempotentRequest | null,
  create: (manager: EntityManager) => Promise<T>,
  reload: (manager: EntityManager, id: string) => Promise<T | null>,
): Promise<T> {
  if (!idempotent) return dataSource.transaction(create);
  const outcome = await runIdempotent(
    dataSource,
    idempotent,
    () => IdentityErrors.idempotencyConflict(),
    async (tx) => {
      const created = await create(tx);
      return { value: created, result: { id: created.id } };
    },
  );
  if (!outcome.replayed) return outcome.value;
  const earlier = await reload(dataSource.manager, (outcome.result as { id: string }).id);
  if (!earlier) throw IdentityErrors.idempotencyConflict();
  return earlier;
}
