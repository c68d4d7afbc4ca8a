import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';
import { OPEN_STATUSES } from '../domain/pepin-status';
import { SIMILAR_SEARCH, type SimilarSearchQuery } from '../domain/similar-search';
import { PEPIN_COLUMNS, pepinOf, type PepinRow } from './pepin-store';

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * The typed stems (`$9`) that are not common in the table, ORed, as a tsquery; null when
 * every stem is common. "Common": alone it would bring more than `$10` pépins (more than
 * are ranked), by the column's own statistics (`pg_stats.most_common_elems` of
 * `pepin.search` and the table's row estimate, kept by ANALYZE): an inverse document
 * frequency PostgreSQL maintains for free. Without statistics (a new table), nothing is.
 */
const RARE_STEMS = `SELECT string_agg(quote_literal(stem.lexeme), ' | ')::tsquery
  FROM unnest(tsvector_to_array(to_tsvector('french', pepite_unaccent($9)))) AS stem(lexeme)
  WHERE NOT EXISTS (
    SELECT 1 FROM pg_stats s
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
    WHERE s.schemaname = current_schema() AND s.tablename = 'pepin' AND s.attname = 'search'
      AND e.lexeme = stem.lexeme AND e.share * (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'pepin'::regclass) > $10
  )`;

/**
 * Open pépins of a site close to what an operator is typing. Candidates come from two
 * bounded sides, then all are scored the same way:
 *
 * - the rule: the `SIMILAR_SEARCH.maxCandidates` most recent open pépins on the typed rule
 *   key (`pepin_open_rule_idx`);
 * - full text: the `SIMILAR_SEARCH.maxCandidates` best pépins sharing a typed French stem
 *   that is not common (`RARE_STEMS`; any typed stem when every one is), ranked by
 *   `ts_rank_cd` on every typed stem, among every open pépin however old (`pepin_search_idx`;
 *   at most `SIMILAR_SEARCH.maxRanked` matches are ranked).
 *
 * Score (0 to 1): `(1 - ruleWeight) × text + ruleWeight × rule`, where text is the better of
 * the full-text rank and the title's trigram similarity (typos: "paiment", "relai"), and rule
 * is 1 on the same key (any version: the rule's version family), `familyShare` on the same
 * key family (REFUND-…), else 0.
 *
 * Titles are no longer searched in trigrams among the site's 5,000 most recent open pépins:
 * comparing 5,000 titles cost several times the whole full-text search, and found nothing the
 * stems did not (bench/similar-recall.mjs, test/api/pepins-similar-recall.e2e-spec.ts).
 */
function similarSql(siteId: string, query: SimilarSearchQuery, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [
    siteId,
    query.trigramText,
    limit,
    SIMILAR_SEARCH.maxCandidates,
    query.ruleKey,
    query.ruleFamily,
  ];
  const open = `p.site_id = $1 AND p.status IN (${OPEN})`;
  // Always present (a null key finds nothing, at once) so that every parameter is used.
  const sides = [`SELECT p.id FROM pepin p WHERE ${open} AND p.rule_key = $5 ORDER BY p.created_at DESC LIMIT $4`];
  let textRank = '0';
  if (query.tsquery !== null) {
    params.push(query.tsquery, SIMILAR_SEARCH.maxRanked, query.stemText, SIMILAR_SEARCH.maxRanked);
    const tsquery = `to_tsquery('french', pepite_unaccent($7))`;
    textRank = `ts_rank_cd(p.search, ${tsquery}, 32)`;
    sides.push(`SELECT m.id FROM (
       SELECT p.id, p.search FROM pepin p WHERE ${open} AND p.search @@ coalesce((${RARE_STEMS}), ${tsquery}) LIMIT $8
     ) m ORDER BY ts_rank_cd(m.search, ${tsquery}, 32) DESC LIMIT $4`);
  }
  const text = `greatest(${textRank}, similarity(pepite_unaccent(lower(p.title)), pepite_unaccent($2)))`;
  const rule = `CASE WHEN p.rule_key = $5 THEN 1
    WHEN $6::text IS NOT NULL AND p.rule_key LIKE $6::text || '%' THEN ${SIMILAR_SEARCH.familyShare} ELSE 0 END`;
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

export async function similarPepins(
  manager: EntityManager,
  siteId: string,
  query: SimilarSearchQuery,
  limit: number,
): Promise<{ pepin: Pepin; score: number }[]> {
  const { sql, params } = similarSql(siteId, query, limit);
  const rows: (PepinRow & { score: number })[] = await manager.query(sql, params);
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
  const rows: { 'QUERY PLAN': unknown }[] = await manager.query(
    `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT JSON) ${sql}`,
    params,
  );
  return rows[0]?.['QUERY PLAN'];
}
