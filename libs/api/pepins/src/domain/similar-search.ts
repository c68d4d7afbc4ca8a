/**
 * Turning what an operator is typing (title, description, the rule they were reading) into
 * a query for "similar pépins".
 *
 * Words are letters and digits only, so the result is always a valid `to_tsquery`
 * expression (nothing the user types can inject tsquery syntax). Words are ORed: two
 * operators describe one snag with different words, and a pépin is ranked by how many of
 * the typed words' French stems it shares (`ts_rank`), so requiring every word (as this
 * search did first) found almost no twin (recall 0.10 on test/fixtures/similar-pepin-pairs.json).
 * The last title word is a prefix because it is probably still being typed. Accents, stop
 * words and stemming are the database's job (`pepite_unaccent`, the `french` configuration).
 */
export const SIMILAR_SEARCH = {
  /** Fewer characters than this in the title and the description together: nothing is searched. */
  minTextLength: 3,
  /** The first words only (title first, then description): a long description adds noise, not precision. */
  maxTerms: 24,
  /** A prefix shorter than this would match half the table. */
  minPrefixLength: 3,
  /** Longer input is cut before anything else (per field). */
  maxTextLength: 300,
  defaultLimit: 5,
  maxLimit: 20,
  /** The best full-text matches (by rank) kept as candidates, and the same-rule pépins kept. */
  maxCandidates: 200,
  /**
   * At most this many full-text matches are ranked: a bound on the work when a common word
   * matches most of a million pépins (then an arbitrary part of them is ranked). A stem that
   * alone matches more pépins than this does not bring candidates (it still counts in the rank).
   */
  maxRanked: 5_000,
  /**
   * At most this many matches are ranked when every typed stem is common (alone it would
   * bring more than `maxRanked` pépins): then the matches ranked are an arbitrary part of
   * tens of thousands, and ranking more of them guarantees nothing more.
   */
  maxRankedCommon: 200,
  /**
   * Weight of the rule in the score (0 to 1), the rest being the text's closeness: a pépin on
   * the same rule (any of its versions) gets all of it, one of the same family (the key
   * without its number, e.g. REFUND-…) a fifth.
   */
  ruleWeight: 0.4,
  familyShare: 0.2,
  /**
   * Within the text's closeness, the share of the shared French stems (weighed by their
   * rarity, title stems counting double); the rest is the titles' trigram similarity, which
   * catches typos and words of one family that stem apart ("curatelle", "curateur").
   * Recall on test/fixtures/similar-pepin-pairs.json is 1.000 in both modes for any share
   * from 0.5 to 0.7; 0.6 sits in the middle (0.8: 0.988, stems alone: 0.988).
   */
  stemShare: 0.6,
} as const;

export interface SimilarSearchInput {
  /** The title being typed (or any text when the caller has no separate fields). */
  readonly text: string;
  readonly description?: string | null;
  /** The rule the operator was reading, e.g. SUBSCRIPTION-001. */
  readonly ruleKey?: string | null;
}

export interface SimilarSearchQuery {
  /** For `to_tsquery('french', pepite_unaccent(…))`, the words ORed; null when no word is usable. */
  readonly tsquery: string | null;
  /**
   * The same words ANDed, none a prefix (null with `tsquery`): the first try when every typed
   * stem is common. Then the last word's own stem is common too, so the word is most likely
   * whole, and a prefix would make the index collect every stem it begins (twice the time).
   */
  readonly everyWordTsquery: string | null;
  /** For the trigram similarity of titles in the score: the typed title, lower case, single spaces. */
  readonly trigramText: string;
  /** The same words, whole, for `to_tsvector`: their stems find the candidates. */
  readonly stemText: string;
  /** The typed title and description (cut, lower case) whose stems are compared with each candidate's. */
  readonly titleText: string;
  readonly descriptionText: string;
  /** Upper case, or null. */
  readonly ruleKey: string | null;
  /** The key without its trailing number (REFUND-001 → REFUND), or null. */
  readonly ruleFamily: string | null;
}

function clip(text: string): string {
  return [...text].slice(0, SIMILAR_SEARCH.maxTextLength).join('').toLowerCase().replace(/\s+/g, ' ').trim();
}

function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => [...word].length >= 2);
}

export function ruleFamilyOf(ruleKey: string): string | null {
  const family = /^(.*[A-Z])[-_.]?\d+$/.exec(ruleKey)?.[1];
  return family && family.length >= 2 ? family : null;
}

export function similarSearchQuery(input: SimilarSearchInput): SimilarSearchQuery | null {
  const title = clip(input.text);
  const description = clip(input.description ?? '');
  if ([...`${title} ${description}`.trim()].length < SIMILAR_SEARCH.minTextLength) return null;
  const titleWords = wordsOf(title);
  const words = [...new Set([...titleWords, ...wordsOf(description)])].slice(0, SIMILAR_SEARCH.maxTerms);
  const lastTitleWord = titleWords.at(-1);
  const typingLast = !/[\s\p{P}]$/u.test(input.text) && description === '';
  const terms = words.map((word) =>
    word === lastTitleWord && typingLast && [...word].length >= SIMILAR_SEARCH.minPrefixLength ? `${word}:*` : word,
  );
  const ruleKey = input.ruleKey?.trim().toUpperCase() || null;
  return {
    tsquery: terms.length > 0 ? terms.join(' | ') : null,
    everyWordTsquery: words.length > 0 ? words.join(' & ') : null,
    trigramText: title,
    stemText: words.join(' '),
    titleText: title,
    descriptionText: description,
    ruleKey,
    ruleFamily: ruleKey === null ? null : ruleFamilyOf(ruleKey),
  };
}
