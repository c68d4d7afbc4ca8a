import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';
import { OPEN_STATUSES } from '../domain/pepin-status';
import { SIMILAR_SEARCH, type SimilarSearchQuery } from '../domain/similar-search';
import { PEPIN_COLUMNS, pepinOf, type PepinRow } from './pepin-store';

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Open pépins of a site close to a text: every word in the French full-text vector
 * (`pepin_search_idx`), or a title similar in trigrams (`pepin_title_trgm_idx`, at
 * `SIMILAR_SEARCH.trigramThreshold`). Both sides of the OR are indexable, so PostgreSQL
 * combines two bitmap index scans instead of reading the table; at most
 * `SIMILAR_SEARCH.maxCandidates` matches are then ranked, so a very common word costs a
 * bounded amount of work. The score is the better of the two measures, each 0 to 1.
 */
function similarSql(siteId: string, query: SimilarSearchQuery, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [siteId, query.trigramText, limit, SIMILAR_SEARCH.maxCandidates];
  const title = `pepite_unaccent(lower(p.title))`;
  const text = `pepite_unaccent($2)`;
  let textMatch = 'false';
  let textRank = '0';
  if (query.tsquery !== null) {
    params.push(query.tsquery);
    const tsquery = `to_tsquery('french', pepite_unaccent($5))`;
    textMatch = `p.search @@ ${tsquery}`;
    textRank = `ts_rank_cd(p.search, ${tsquery}, 32)`;
  }
  return {
    sql: `SELECT * FROM (
        SELECT ${PEPIN_COLUMNS}, greatest(${textRank}, similarity(${title}, ${text})) AS score
        FROM pepin p
        WHERE p.site_id = $1 AND p.status IN (${OPEN}) AND (${textMatch} OR ${title} % ${text})
        LIMIT $4
      ) candidates
      ORDER BY score DESC, created_at DESC, id
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
