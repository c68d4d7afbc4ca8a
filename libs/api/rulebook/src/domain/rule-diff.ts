import { RULE_FIELDS, type RuleDraft, type RuleField } from './rule-draft';

export type DiffedRuleField = Exclude<RuleField, 'key'>;

/** The fields of a rule's wording that a diff compares: all but the key, in the order people read them. */
export const DIFFED_RULE_FIELDS: readonly DiffedRuleField[] = RULE_FIELDS.filter(
  (field): field is DiffedRuleField => field !== 'key',
);

/** Fields long enough that a reader needs to see which words changed, not just both versions. */
export const LONG_TEXT_FIELDS: ReadonlySet<DiffedRuleField> = new Set([
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
]);

export type DiffSegmentKind = 'SAME' | 'ADDED' | 'REMOVED';

export interface DiffSegment {
  readonly kind: DiffSegmentKind;
  readonly text: string;
}

export interface RuleFieldChange {
  readonly field: DiffedRuleField;
  /** Tags are shown joined by ", ". */
  readonly before: string;
  readonly after: string;
  /** Word-level diff of long text fields; null for the short ones. */
  readonly segments: readonly DiffSegment[] | null;
}

export type RuleWording = Pick<RuleDraft, DiffedRuleField>;

/** Past this many cells the LCS table is not built and the changed middle is shown whole. */
const MAX_LCS_CELLS = 4_000_000;

/** The fields that differ between two wordings of a rule, in reading order. */
export function diffRule(before: RuleWording, after: RuleWording): RuleFieldChange[] {
  const changes: RuleFieldChange[] = [];
  for (const field of DIFFED_RULE_FIELDS) {
    const from = fieldText(before, field);
    const to = fieldText(after, field);
    if (from === to) continue;
    changes.push({
      field,
      before: from,
      after: to,
      segments: LONG_TEXT_FIELDS.has(field) ? diffWords(from, to) : null,
    });
  }
  return changes;
}

function fieldText(wording: RuleWording, field: DiffedRuleField): string {
  return field === 'tags' ? wording.tags.join(', ') : wording[field];
}

/**
 * A word-level diff: SAME and REMOVED segments spell `before`, SAME and ADDED spell
 * `after`. In each changed stretch the removed words come before the added ones.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ kind: 'SAME', text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffSegment[] = [
    ...a.slice(0, start).map((text) => same(text)),
    ...middleOps(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map((text) => same(text)),
  ];
  return mergeRuns(absorbLoneSpaces(ops));
}

/** Words (letters and digits), runs of white space, and each other character alone. */
function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

const same = (text: string): DiffSegment => ({ kind: 'SAME', text });

/** Longest common subsequence of two token lists, as edit operations. */
function middleOps(a: readonly string[], b: readonly string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [
      ...a.map((text): DiffSegment => ({ kind: 'REMOVED', text })),
      ...b.map((text): DiffSegment => ({ kind: 'ADDED', text })),
    ];
  }
  // Tokens as small integers: the table's inner loop then compares numbers, not strings.
  const ids = new Map<string, number>();
  const idOf = (token: string) => ids.get(token) ?? ids.set(token, ids.size).get(token) ?? 0;
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);
  // lcs[i * (m + 1) + j] = length of the LCS of a[i..] and b[j..]; lengths fit in 16 bits
  // because the texts are at most a few thousand characters.
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    const xi = x[i];
    for (let j = m - 1; j >= 0; j--) {
      lcs[row + j] = xi === y[j] ? lcs[below + j + 1] + 1 : Math.max(lcs[below + j], lcs[row + j + 1]);
    }
  }
  const ops: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(same(a[i]));
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      ops.push({ kind: 'REMOVED', text: a[i++] });
    } else {
      ops.push({ kind: 'ADDED', text: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: 'REMOVED', text: a[i++] });
  while (j < m) ops.push({ kind: 'ADDED', text: b[j++] });
  return ops;
}

/**
 * A lone run of white space kept between two changes reads as noise ("−a ␣ −b"): it is
 * folded into the change on both sides, so the reader sees "−a b" / "+c d".
 */
function absorbLoneSpaces(ops: readonly DiffSegment[]): DiffSegment[] {
  const result: DiffSegment[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    const previous = ops[k - 1];
    const next = ops[k + 1];
    const isLoneSpace =
      op.kind === 'SAME' &&
      /^\s+$/.test(op.text) &&
      previous &&
      previous.kind !== 'SAME' &&
      next &&
      next.kind !== 'SAME';
    if (isLoneSpace) result.push({ kind: 'REMOVED', text: op.text }, { kind: 'ADDED', text: op.text });
    else result.push(op);
  }
  return result;
}

/** Joins consecutive tokens: each stretch of changes becomes one REMOVED then one ADDED segment. */
function mergeRuns(ops: readonly DiffSegment[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let removed = '';
  let added = '';
  let kept = '';
  const flushChanges = () => {
    if (removed) segments.push({ kind: 'REMOVED', text: removed });
    if (added) segments.push({ kind: 'ADDED', text: added });
    removed = '';
    added = '';
  };
  for (const op of ops) {
    if (op.kind === 'SAME') {
      flushChanges();
      kept += op.text;
      continue;
    }
    if (kept) segments.push(same(kept));
    kept = '';
    if (op.kind === 'REMOVED') removed += op.text;
    else added += op.text;
  }
  flushChanges();
  if (kept) segments.push(same(kept));
  return segments;
}
