import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';
import { OPEN_STATUSES } from '../domain/pepin-status';
import { SIMILAR_SEARCH, type SimilarSearchQuery } from '../domain/similar-search';
import { PEPIN_COLUMNS, pepinOf, type PepinRow } from './pepin-store';

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Open pépins of a site close to a text: every word in the French full-text vector
 * (`pepin_search_idx`, at most `SIMILAR_SEARCH.maxCandidates` matches), or a title similar
 * in trigrams (at `SIMILAR_SEARCH.trigramThreshold`) among the site's
 * `SIMILAR_SEARCH.trigramWindow` most recent open pépins (`pepin_open_age_idx`). The
 * candidates are then ranked; the score is the better of the two measures, each 0 to 1.
 *
 * Why a window for the trigram side: a trigram index scan reads the posting lists of every
 * trigram of the text, and common ones ("cli", "ent") list a good part of the table, so
 * its cost grows with the table (about 2 s at a million pépins, bench/similar-growth.mjs;
 * a GiST index ordered by distance was no faster). Comparing against a bounded number of
 * recent titles costs the same at ten thousand pépins and at a million, and the full-text
 * side, whose index stays fast, still searches them all.
 */
function similarSql(siteId: string, query: SimilarSearchQuery, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [siteId, query.trigramText, limit, SIMILAR_SEARCH.trigramWindow];
  const title = `pepite_unaccent(lower(p.title))`;
  const text = `pepite_unaccent($2)`;
  const open = `p.site_id = $1 AND p.status IN (${OPEN})`;
  const titleHits = `SELECT w.id FROM (
          SELECT p.id, p.title FROM pepin p WHERE ${open} ORDER BY p.created_at DESC LIMIT $4
        ) w WHERE pepite_unaccent(lower(w.title)) % ${text}`;
  let candidates = titleHits;
  let textRank = '0';
  if (query.tsquery !== null) {
    params.push(SIMILAR_SEARCH.maxCandidates, query.tsquery);
    const tsquery = `to_tsquery('french', pepite_unaccent($6))`;
    textRank = `ts_rank_cd(p.search, ${tsquery}, 32)`;
    candidates = `(SELECT p.id FROM pepin p WHERE ${open} AND p.search @@ ${tsquery} LIMIT $5) UNION (${titleHits})`;
  }
  return {
    sql: `SELECT ${PEPIN_COLUMNS}, greatest(${textRank}, similarity(${title}, ${text})) AS score
      FROM pepin p
      WHERE p.id IN (${candidates})
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
