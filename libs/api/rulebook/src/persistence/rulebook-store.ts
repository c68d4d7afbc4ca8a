import type { EntityManager } from 'typeorm';
import type { RuleEntry } from '@pepite/rulebook-format';
import type { RuleInForce } from '../domain/release-plan';
import { ReleaseRuleEntity } from './release-rule.entity';
import { RuleVersionEntity } from './rule-version.entity';
import { RuleEntity } from './rule.entity';
import { ruleInForceOf } from './rule-rows';

/** PostgreSQL's bind-parameter ceiling is 65,535; rule versions have 12 columns. */
const INSERT_CHUNK = 2000;

export interface CounterRow {
  readonly lastRelease: number;
  readonly lastAdvisorySeq: number;
}

/**
 * Takes the counter row's lock until the transaction ends and bumps one of its numbers.
 * Concurrent publishers queue here; an aborted transaction gives its number back.
 */
export async function bumpCounter(manager: EntityManager, column: 'last_release' | 'last_advisory_seq'): Promise<CounterRow> {
  // A CTE makes it a SELECT, for which TypeORM returns plain rows (an UPDATE gives [rows, count]).
  const rows: { last_release: number; last_advisory_seq: number }[] = await manager.query(
    `WITH bumped AS (UPDATE rulebook_counter SET ${column} = ${column} + 1 WHERE id = 1 RETURNING last_release, last_advisory_seq)
     SELECT last_release, last_advisory_seq FROM bumped`,
  );
  const row = rows[0];
  if (!row) throw new Error('rulebook_counter has no row: the migrations did not run');
  return { lastRelease: row.last_release, lastAdvisorySeq: row.last_advisory_seq };
}

export async function rulesInForce(manager: EntityManager, release: number): Promise<Map<string, RuleInForce>> {
  if (release <= 0) return new Map();
  const rows = await manager
    .createQueryBuilder(RuleVersionEntity, 'v')
    .innerJoin(ReleaseRuleEntity, 'm', 'm.rule_version_id = v.id')
    .where('m.release_version = :release', { release })
    .orderBy('v.rule_key')
    .getMany();
  return new Map(rows.map((row) => [row.ruleKey, ruleInForceOf(row)]));
}

/** Highest revision ever stored per key, retired rules included. */
export async function lastRevisions(manager: EntityManager, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows: { rule_key: string; revision: number }[] = await manager.query(
    'SELECT rule_key, max(revision)::int AS revision FROM rule_version WHERE rule_key = ANY($1) GROUP BY rule_key',
    [keys],
  );
  return new Map(rows.map((row) => [row.rule_key, row.revision]));
}

/** Stores new wordings (and the rules they start); returns their ids by key. */
export async function insertRuleVersions(
  manager: EntityManager,
  release: number,
  entries: readonly RuleEntry[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
    const chunk = entries.slice(start, start + INSERT_CHUNK);
    await manager
      .createQueryBuilder()
      .insert()
      .into(RuleEntity)
      .values(chunk.map((entry) => ({ key: entry.key, firstRelease: release })))
      .orIgnore()
      .execute();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(RuleVersionEntity)
      .values(
        chunk.map((entry) => ({
          ruleKey: entry.key,
          revision: entry.revision,
          category: entry.category,
          title: entry.title,
          statement: entry.statement,
          rationale: entry.rationale,
          latitude: entry.latitude,
          escalation: entry.escalation,
          customerWording: entry.customerWording,
          tags: [...entry.tags],
          effectiveFrom: entry.effectiveFrom,
          createdInRelease: release,
        })),
      )
      .returning(['id', 'ruleKey'])
      .execute();
    for (const row of result.raw as { id: string; rule_key: string }[]) ids.set(row.rule_key, row.id);
  }
  return ids;
}

export async function insertMembership(manager: EntityManager, release: number, members: ReadonlyMap<string, string>): Promise<void> {
  await manager.query(
    'INSERT INTO release_rule (release_version, rule_key, rule_version_id) SELECT $1, k, v FROM unnest($2::varchar[], $3::uuid[]) AS m(k, v)',
    [release, [...members.keys()], [...members.values()]],
  );
}

/** Rule versions whose membership differs between two releases. */
export async function membershipDifference(
  manager: EntityManager,
  from: number,
  to: number,
): Promise<{ changed: RuleVersionEntity[]; retired: string[]; addedKeys: Set<string> }> {
  const rows: { rule_key: string; before: string | null; after: string | null }[] = await manager.query(
    `SELECT coalesce(a.rule_key, b.rule_key) AS rule_key, a.rule_version_id AS before, b.rule_version_id AS after
       FROM (SELECT rule_key, rule_version_id FROM release_rule WHERE release_version = $1) a
       FULL JOIN (SELECT rule_key, rule_version_id FROM release_rule WHERE release_version = $2) b USING (rule_key)
      WHERE a.rule_version_id IS DISTINCT FROM b.rule_version_id
      ORDER BY 1`,
    [from, to],
  );
  const afterIds = rows.flatMap((row) => (row.after ? [row.after] : []));
  const changed = afterIds.length
    ? await manager.createQueryBuilder(RuleVersionEntity, 'v').where('v.id IN (:...ids)', { ids: afterIds }).orderBy('v.rule_key').getMany()
    : [];
  return {
    changed,
    retired: rows.filter((row) => !row.after).map((row) => row.rule_key),
    addedKeys: new Set(rows.filter((row) => !row.before).map((row) => row.rule_key)),
  };
}
