/**
 * Turning what an operator is typing into a full-text query for "similar pépins".
 *
 * Words are letters and digits only, so the result is always a valid `to_tsquery`
 * expression (nothing the user types can inject tsquery syntax). Every word must match
 * (AND), which keeps the candidates few at a million rows; a differently worded title is
 * found by the trigram side instead. The last word is a prefix because it is probably
 * still being typed. Accents, stop words and stemming are the database's job
 * (`pepite_unaccent`, the `french` configuration).
 */
export const SIMILAR_SEARCH = {
  /** Fewer characters than this and nothing is searched. */
  minTextLength: 3,
  /** The first words only: a long description adds noise, not precision. */
  maxTerms: 8,
  /** A prefix shorter than this would match half the table. */
  minPrefixLength: 3,
  /** Longer input is cut before anything else (the trigram side compares against titles). */
  maxTextLength: 300,
  defaultLimit: 5,
  maxLimit: 20,
  /**
   * Trigram similarity a title needs (pg_trgm's default is 0.3): high enough that a short
   * common word does not make half the table a candidate.
   */
  trigramThreshold: 0.45,
  /** At most this many full-text matches are ranked: a bound on the work whatever is typed. */
  maxCandidates: 1000,
  /**
   * Titles are compared in trigrams with this many of the site's most recent open pépins:
   * the same work at ten thousand pépins and at a million (the full-text side sees them all).
   */
  trigramWindow: 5_000,
} as const;

export interface SimilarSearchQuery {
  /** For `to_tsquery('french', pepite_unaccent(…))`; null when no word is usable. */
  readonly tsquery: string | null;
  /** For trigram similarity against titles: lower case, single spaces. */
  readonly trigramText: string;
}

export function similarSearchQuery(text: string): SimilarSearchQuery | null {
  const clipped = [...text].slice(0, SIMILAR_SEARCH.maxTextLength).join('');
  const trigramText = clipped.toLowerCase().replace(/\s+/g, ' ').trim();
  if ([...trigramText].length < SIMILAR_SEARCH.minTextLength) return null;
  const words = [
    ...new Set((trigramText.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => [...word].length >= 2)),
  ].slice(0, SIMILAR_SEARCH.maxTerms);
  const typingLast = !/[\s\p{P}]$/u.test(clipped);
  const terms = words.map((word, index) => {
    const isLast = index === words.length - 1;
    return isLast && typingLast && [...word].length >= SIMILAR_SEARCH.minPrefixLength ? `${word}:*` : word;
  });
  return { tsquery: terms.length > 0 ? terms.join(' & ') : null, trigramText };
}
