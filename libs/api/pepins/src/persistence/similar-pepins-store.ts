import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';
import { OPEN_STATUSES } from '../domain/pepin-status';
import { SIMILAR_SEARCH, type SimilarSearchQuery } from '../domain/similar-search';
import { PEPIN_COLUMNS, pepinOf, type PepinRow } from './pepin-store';

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Open pépins of a site close to what an operator is typing. Candidates come from three
 * bounded sides, then all are scored the same way:
 *
 * - full text: the `SIMILAR_SEARCH.maxCandidates` best pépins sharing any typed French stem
 *   (`pepin_search_idx`), ranked by `ts_rank_cd`, among every open pépin however old;
 * - the rule: the most recent open pépins on the typed rule key (`pepin_open_rule_idx`);
 * - trigrams: titles close to the typed title among the site's `SIMILAR_SEARCH.trigramWindow`
 *   most recent open pépins (`pepin_open_age_idx`), for typos stems miss.
 *
 * Score (0 to 1): `(1 - ruleWeight) × text + ruleWeight × rule`, where text is the better of
 * the full-text rank and the title's trigram similarity, and rule is 1 on the same key (any
 * version: the rule's version family), `familyShare` on the same key family, else 0.
 *
 * Why a window for the trigram side: a trigram index scan reads the posting lists of every
 * trigram of the text, and common ones ("cli", "ent") list a good part of the table, so
 * its cost grows with the table (about 2 s at a million pépins, bench/similar-growth.mjs).
 * The full-text side, whose index stays fast, finds old twins (bench/similar-recall.mjs).
 */
function similarSql(siteId: string, query: SimilarSearchQuery, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [
    siteId,
    query.trigramText,
    limit,
    SIMILAR_SEARCH.trigramWindow,
    SIMILAR_SEARCH.maxCandidates,
    query.ruleKey,
    query.ruleFamily,
  ];
  const open = `p.site_id = $1 AND p.status IN (${OPEN})`;
  const typedTitle = `pepite_unaccent($2)`;
  const sides = [
    `SELECT w.id FROM (
       SELECT p.id, p.title FROM pepin p WHERE ${open} ORDER BY p.created_at DESC LIMIT $4
     ) w WHERE pepite_unaccent(lower(w.title)) % ${typedTitle}`,
  ];
  // Always present (a null key finds nothing, at once) so that every parameter is used.
  sides.push(`SELECT p.id FROM pepin p WHERE ${open} AND p.rule_key = $6 ORDER BY p.created_at DESC LIMIT $5`);
  let textRank = '0';
  if (query.tsquery !== null) {
    params.push(query.tsquery);
    const tsquery = `to_tsquery('french', pepite_unaccent($8))`;
    textRank = `ts_rank_cd(p.search, ${tsquery}, 32)`;
    sides.push(`SELECT p.id FROM pepin p WHERE ${open} AND p.search @@ ${tsquery} ORDER BY ${textRank} DESC LIMIT $5`);
  }
  const text = `greatest(${textRank}, similarity(pepite_unaccent(lower(p.title)), ${typedTitle}))`;
  const rule = `CASE WHEN p.rule_key = $6 THEN 1
    WHEN $7::text IS NOT NULL AND p.rule_key LIKE $7::text || '%' THEN ${SIMILAR_SEARCH.familyShare} ELSE 0 END`;
  return {
    sql: `SELECT ${PEPIN_COLUMNS},
        ${1 - SIMILAR_SEARCH.ruleWeight} * ${text} + ${SIMILAR_SEARCH.ruleWeight} * (${rule}) AS score
      FROM pepin p
      WHERE p.id IN (${sides.map((side) => `(${side})`).join(' UNION ')})
      ORDER BY score DESC, p.created_at DESC, p.id
      LIMIT $3`,
    params,
  };
}

/** Runs `work` with the trigram threshold of similar-pépin searches, for this transaction only. */
async function withThreshold<T>(manager: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return manager.transaction(async (tx) => {
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(SIMILAR_SEARCH.trigramThreshold),
    ]);
    return work(tx);
  });
}

export async function similarPepins(
  manager: EntityManager,
  siteId: string,
  query: SimilarSearchQuery,
  limit: number,
): Promise<{ pepin: Pepin; score: number }[]> {
  const { sql, params } = similarSql(siteId, query, limit);
  const rows: (PepinRow & { score: number })[] = await withThreshold(manager, (tx) => tx.query(sql, params));
  return rows.map((row) => ({ pepin: pepinOf(row), score: Number(row.score) }));
}

/** The plan PostgreSQL chooses for exactly that query (EXPLAIN, JSON format), for tests and benchmarks. */
export async function explainSimilarPepins(
  manager: EntityManager,
  siteId: string,
  query: SimilarSearchQuery,
  limit: number,
  analyze = false,
): Promise<unknown> {
  const { sql, params } = similarSql(siteId, query, limit);
  const rows: { 'QUERY PLAN': unknown }[] = await withThreshold(manager, (tx) =>
    tx.query(`EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT JSON) ${sql}`, params),
  );
  return rows[0]?.['QUERY PLAN'];
}
