import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';
import { OPEN_STATUSES } from '../domain/pepin-status';
import { SIMILAR_SEARCH, type SimilarSearchQuery } from '../domain/similar-search';
import { PEPIN_COLUMNS, pepinOf, type PepinRow } from './pepin-store';

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * How often each stem occurs in `pepin.search`, as PostgreSQL's own statistics know it
 * (`pg_stats.most_common_elems` and their frequencies, kept by ANALYZE and autovacuum): an
 * inverse document frequency maintained for free. A stem not listed is rarer than every
 * listed one (half the rarest share is assumed). Without statistics (a new table), every
 * stem weighs the same.
 */
const STEM_SHARES = `stem_share AS (
    SELECT e.lexeme, e.share FROM pg_stats s
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
    WHERE s.schemaname = current_schema() AND s.tablename = 'pepin' AND s.attname = 'search'
  ),
  rarest AS (SELECT coalesce(min(share) / 2, 1) AS share FROM stem_share)`;

/** A stem's weight: 1 for a stem in every pépin, more the rarer it is. */
const IDF = (share: string) => `(1 - ln(coalesce(${share}, (SELECT share FROM rarest))))`;

/** The typed stems (`$7` title, counting double, `$8` description) with their weights. */
const TYPED_STEMS = `typed AS (
    SELECT t.lexeme, max(t.w) AS w, ${IDF('max(st.share)')} AS idf FROM (
      SELECT lexeme, 2 AS w FROM unnest(to_tsvector('french', pepite_unaccent($7)))
      UNION ALL SELECT lexeme, 1 FROM unnest(to_tsvector('french', pepite_unaccent($8)))
    ) t LEFT JOIN stem_share st USING (lexeme) GROUP BY t.lexeme
  )`;

/**
 * Closeness of a candidate's stems to the typed ones (0 to 1): a Dice coefficient where each
 * stem weighs its rarity, and title stems (weight A in `pepin.search`) count double. Shared
 * rare stems ("décote", "médiateur") count; shared common ones ("client", "règle") hardly.
 */
const STEM_CLOSENESS = `coalesce((
    SELECT sum(CASE WHEN t.lexeme IS NULL THEN 0 ELSE c.idf * (c.w + t.w) END)
      / nullif(sum(c.idf * c.w) + (SELECT sum(idf * w) FROM typed), 0)
    FROM (
      SELECT c.lexeme, CASE WHEN 'A' = ANY(c.weights) THEN 2 ELSE 1 END AS w, ${IDF('st.share')} AS idf
      FROM unnest(p.search) c LEFT JOIN stem_share st USING (lexeme)
    ) c LEFT JOIN typed t USING (lexeme)
  ), 0)`;

/**
 * The typed stems (`$11`) that are not common in the table, ORed, as a tsquery; null when
 * every stem is common. "Common": alone it would bring more than `$12` pépins (more than
 * are ranked), by the statistics above and the table's row estimate. Without statistics,
 * nothing is.
 */
const RARE_STEMS = `SELECT string_agg(quote_literal(stem.lexeme), ' | ')::tsquery
  FROM unnest(tsvector_to_array(to_tsvector('french', pepite_unaccent($11)))) AS stem(lexeme)
  WHERE NOT EXISTS (
    SELECT 1 FROM stem_share e
    WHERE e.lexeme = stem.lexeme AND e.share * (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'pepin'::regclass) > $12
  )`;

/**
 * Open pépins of a site close to what an operator is typing. Candidates come from two
 * bounded sides, then all are scored the same way:
 *
 * - the rule: the `SIMILAR_SEARCH.maxCandidates` most recent open pépins on the typed rule
 *   key (`pepin_open_rule_idx`);
 * - full text: the `SIMILAR_SEARCH.maxCandidates` best pépins sharing a typed French stem
 *   that is not common (`RARE_STEMS`), ranked by `ts_rank` on every typed stem, among every
 *   open pépin however old (`pepin_search_idx`; at most `SIMILAR_SEARCH.maxRanked` matches are
 *   ranked). When every typed stem is common, relaxed step by step: first the pépins that
 *   have every typed stem (`every_word`), then, only if fewer than the page size have them,
 *   those with any; either way at most `SIMILAR_SEARCH.maxRankedCommon` matches are ranked.
 *   A twin shares most stems, and those ranked among tens of thousands of matches are an
 *   arbitrary part of them anyway. Ranking up to 5,000 of the OR of four common stems (233,000
 *   matches at 1,000,000 pépins) cost 57 ms of 62, where the 10,000-row table took 14: the
 *   index collected every match before the first was ranked (bench/similar-growth.mjs).
 *
 * Score (0 to 1): `(1 - ruleWeight) × text + ruleWeight × rule`, where text is
 * `stemShare × STEM_CLOSENESS + (1 - stemShare) × the titles' trigram similarity` (typos:
 * "paiment", "relai"; one family stemmed apart: "curatelle", "curateur"), and rule is 1 on the
 * same key (any version: the rule's version family), `familyShare` on the same key family
 * (REFUND-…), else 0. The rank only picks candidates: it counts every shared stem alike, so
 * "client" and "règle" made unrelated pépins outrank a twin that shared "décote" and "rayures"
 * (recall 0.930 from the title and description, test/api/pepins-similar-recall.e2e-spec.ts).
 * `ts_rank`, not `ts_rank_cd`: the cover density cost 0.13 ms a row on the planted pairs'
 * descriptions with the 20-odd stems of a typed description (5.5 ms for 43 rows, `ts_rank`
 * 0.07 ms), most of a search's execution, and picked no twin that `ts_rank` misses (recall
 * unchanged in bench/similar-recall.mjs and the e2e test).
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
    query.titleText,
    query.descriptionText,
  ];
  const open = `p.site_id = $1 AND p.status IN (${OPEN})`;
  // Always present (a null key finds nothing, at once) so that every parameter is used.
  const sides = [`SELECT p.id FROM pepin p WHERE ${open} AND p.rule_key = $5 ORDER BY p.created_at DESC LIMIT $4`];
  let ctes = '';
  if (query.tsquery !== null && query.everyWordTsquery !== null) {
    params.push(query.tsquery, SIMILAR_SEARCH.maxRanked, query.stemText, SIMILAR_SEARCH.maxRanked);
    params.push(query.everyWordTsquery, SIMILAR_SEARCH.maxRankedCommon);
    // Planned as InitPlans, evaluated once: the planner then assumes a few thousand matches
    // (the default for a non-constant query) and always reads them from the index. With the
    // constants, it estimated an OR of common stems at a tenth of the table and read the
    // table itself, which is right only if the stems are spread over every site.
    const anyWord = `(SELECT to_tsquery('french', pepite_unaccent($9)))`;
    const everyWord = `(SELECT to_tsquery('french', pepite_unaccent($13)))`;
    const best = (match: string, ranked: string) => `SELECT m.id FROM (
        SELECT p.id, p.search FROM pepin p WHERE ${open} AND ${match} LIMIT ${ranked}
      ) m ORDER BY ts_rank(m.search, ${anyWord}, 32) DESC LIMIT $4`;
    const common = '(SELECT query FROM rare) IS NULL';
    ctes = `, rare AS (SELECT (${RARE_STEMS}) AS query),
      every_word AS (${best(`${common} AND p.search @@ ${everyWord}`, '$14')})`;
    sides.push(
      best('p.search @@ (SELECT query FROM rare)', '$10'),
      'SELECT id FROM every_word',
      best(`${common} AND (SELECT count(*) FROM every_word) < $3 AND p.search @@ ${anyWord}`, '$14'),
    );
  }
  const trigram = `similarity(pepite_unaccent(lower(p.title)), pepite_unaccent($2))`;
  const text = `${SIMILAR_SEARCH.stemShare} * ${STEM_CLOSENESS} + ${1 - SIMILAR_SEARCH.stemShare} * ${trigram}`;
  const rule = `CASE WHEN p.rule_key = $5 THEN 1
    WHEN $6::text IS NOT NULL AND p.rule_key LIKE $6::text || '%' THEN ${SIMILAR_SEARCH.familyShare} ELSE 0 END`;
  return {
    sql: `WITH ${STEM_SHARES}, ${TYPED_STEMS}${ctes}
      SELECT ${PEPIN_COLUMNS},
        ${1 - SIMILAR_SEARCH.ruleWeight} * (${text}) + ${SIMILAR_SEARCH.ruleWeight} * (${rule}) AS score
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
