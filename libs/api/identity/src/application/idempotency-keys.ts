import { keyedRequest as sharedKeyedRequest, runIdempotent, type IdempotentRequest } from '@pepite/api/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { IdentityErrors } from '../identity.errors';

export { IDEMPOTENCY_KEY_DESCRIPTION } from '@pepite/api/database';

/** Who asks, with which key (optional): keys are per user and per operation. */
export interface IdempotencyOptions {
  readonly actor: AuthenticatedUser;
  readonly idempotencyKey?: string | null;
}

/** The idempotency record of a keyed request, or null without a key (shared rule: a malformed key is BAD_USER_INPUT). */
export function keyedRequest(
  scope: string,
  options: IdempotencyOptions | undefined,
  request: unknown,
): IdempotentRequest | null {
  return options ? sharedKeyedRequest(scope, options.actor, options.idempotencyKey, request) : null;
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
