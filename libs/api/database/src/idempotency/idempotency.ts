import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '@pepite/api/errors';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';

/** What a key looks like: 8 to 100 of A-Z a-z 0-9 . _ : - (a UUID fits). */
export const IDEMPOTENCY_KEY_FORMAT = /^[A-Za-z0-9._:-]{8,100}$/;

/** How long a key is remembered, as the best payment APIs do: a retry within a day gets the same result. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * One idempotency key of one user for one operation: what the request was (its hash) and
 * what it produced (e.g. the created object's id). Written in the same transaction as the
 * operation's own writes, so it exists if and only if they committed.
 */
@Entity('idempotency_record')
@Index('idempotency_record_created_idx', ['createdAt'])
export class IdempotencyRecordEntity {
  /** The operation, e.g. `createProposal`. */
  @PrimaryColumn({ type: 'varchar', length: 60 })
  scope!: string;

  @PrimaryColumn({ type: 'uuid' })
  ownerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  /** SHA-256 of the request's canonical JSON: the same key with other input is a conflict. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const IDEMPOTENCY_ENTITIES = [IdempotencyRecordEntity];

export interface IdempotentRequest {
  readonly scope: string;
  readonly ownerId: string;
  readonly key: string;
  /** The input that must be the same on a retry (anything JSON; key order does not matter). */
  readonly request: unknown;
}

/** The wording every keyed mutation uses in its GraphQL description. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Send the same key when retrying (8 to 100 of A-Z a-z 0-9 . _ : -, kept 24 h): you get the same result back and nothing new is made; the same key with other input is a CONFLICT.';

/**
 * The idempotency record of `owner`'s keyed request (keys are per user and per operation,
 * kept 24 h), or null without a key. A malformed key is BAD_USER_INPUT. Every context's keyed
 * mutation goes through this one rule; `owner` is the signed-in user (or their id).
 */
export function keyedRequest(
  scope: string,
  owner: string | { readonly id: string },
  key: string | null | undefined,
  request: unknown,
): IdempotentRequest | null {
  const ownerId = typeof owner === 'string' ? owner : owner.id;
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
  return { scope, ownerId, key: trimmed, request };
}

export type IdempotentOutcome<T, R> =
  { readonly replayed: false; readonly value: T } | { readonly replayed: true; readonly result: R };

/** SHA-256 of the canonical JSON of `value` (object keys sorted, undefined left out). */
export function requestFingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const LIVE = `created_at > now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;

/**
 * The result a live (≤ 24 h) earlier request with this key produced, or undefined. The same
 * key with a different request throws `conflict()`. A cheap look-up before validation, so a
 * retry is answered even when its input would no longer pass (the rules changed since).
 */
export async function findIdempotent<R>(
  manager: EntityManager,
  request: IdempotentRequest,
  conflict: () => Error,
): Promise<R | undefined> {
  const rows: { request_hash: string; result: R }[] = await manager.query(
    `SELECT request_hash, result FROM idempotency_record WHERE scope = $1 AND owner_id = $2 AND key = $3 AND ${LIVE}`,
    [request.scope, request.ownerId, request.key],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.request_hash !== requestFingerprint(request.request)) throw conflict();
  return row.result;
}

/**
 * Runs `work` once per key: in one transaction, records the key (a concurrent retry's insert
 * waits for this transaction, then finds the record), runs the work, stores its result. A
 * retry gets `{ replayed: true, result }`; the same key with another request, `conflict()`.
 * Records older than 24 h are forgotten (and purged here, a few at a time).
 */
export async function runIdempotent<T, R>(
  dataSource: DataSource,
  request: IdempotentRequest,
  conflict: () => Error,
  work: (tx: EntityManager) => Promise<{ value: T; result: R }>,
): Promise<IdempotentOutcome<T, R>> {
  await dataSource
    .query(
      `DELETE FROM idempotency_record WHERE ctid = ANY(ARRAY(SELECT ctid FROM idempotency_record WHERE NOT (${LIVE}) LIMIT 100))`,
    )
    .catch(() => undefined);
  const hash = requestFingerprint(request.request);
  const key = [request.scope, request.ownerId, request.key];
  return dataSource.transaction(async (tx) => {
    await tx.query(
      `DELETE FROM idempotency_record WHERE scope = $1 AND owner_id = $2 AND key = $3 AND NOT (${LIVE})`,
      key,
    );
    const inserted: unknown[] = await tx.query(
      `INSERT INTO idempotency_record (scope, owner_id, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope, owner_id, key) DO NOTHING RETURNING key`,
      [...key, hash],
    );
    if (inserted.length === 0) {
      const earlier = await findIdempotent<R>(tx, request, conflict);
      if (earlier === undefined) throw conflict();
      return { replayed: true as const, result: earlier };
    }
    const done = await work(tx);
    await tx.query(`UPDATE idempotency_record SET result = $4 WHERE scope = $1 AND owner_id = $2 AND key = $3`, [
      ...key,
      JSON.stringify(done.result),
    ]);
    return { replayed: false as const, value: done.value };
  });
}
