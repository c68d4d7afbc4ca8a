import { foldText } from '@pepite/text-folding';
import type { RuleEntry } from '@pepite/rulebook-format';

export type SearchField = 'title' | 'key' | 'tags' | 'statement';

export interface SearchHit {
  readonly rule: RuleEntry;
  readonly score: number;
  /** Fields where at least one query term was found, best first. */
  readonly matched: readonly SearchField[];
}

export interface SearchOptions {
  /** At most this many hits (default 20). */
  readonly limit?: number;
}

/**
 * Weights are powers of two so one hit in a better field outranks any mix of hits in worse
 * ones: title > key > tags > statement, as agents scan titles first.
 */
const WEIGHTS: readonly (readonly [SearchField, number])[] = [
  ['title', 8],
  ['key', 4],
  ['tags', 2],
  ['statement', 1],
];

// The product's one folding (accents and case), also used by the console's filters.
export { foldText };

function terms(query: string): string[] {
  return [
    ...new Set(
      foldText(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((term) => term.length > 0),
    ),
  ];
}

type FoldedRule = { readonly rule: RuleEntry } & Readonly<Record<SearchField, string>>;

/** Folded fields of a release's rules, computed once per release rather than per keystroke. */
export class RuleIndex {
  private readonly folded: readonly FoldedRule[];

  constructor(rules: readonly RuleEntry[]) {
    this.folded = rules.map((rule) => ({
      rule,
      title: foldText(rule.title),
      key: foldText(rule.key),
      tags: rule.tags.map(foldText).join('\n'),
      statement: foldText(rule.statement),
    }));
  }

  /** Every term must appear in some field (substring match); hits sorted by score, then key. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const wanted = terms(query);
    if (wanted.length === 0 || limit <= 0) return [];
    const hits: SearchHit[] = [];
    for (const entry of this.folded) {
      let score = 0;
      const matched = new Set<SearchField>();
      let everyTerm = true;
      for (const term of wanted) {
        let termScore = 0;
        for (const [field, weight] of WEIGHTS) {
          if (entry[field].includes(term)) {
            termScore += weight;
            matched.add(field);
          }
        }
        if (termScore === 0) {
          everyTerm = false;
          break;
        }
        score += termScore;
      }
      if (everyTerm)
        hits.push({ rule: entry.rule, score, matched: WEIGHTS.map(([field]) => field).filter((f) => matched.has(f)) });
    }
    hits.sort((a, b) => b.score - a.score || (a.rule.key < b.rule.key ? -1 : a.rule.key > b.rule.key ? 1 : 0));
    return hits.slice(0, limit);
  }
}

export function searchRules(rules: readonly RuleEntry[], query: string, options: SearchOptions = {}): SearchHit[] {
  return new RuleIndex(rules).search(query, options);
}
