import { diffArrays } from 'diff';

export type DiffSegmentKind = 'SAME' | 'ADDED' | 'REMOVED';

export interface DiffSegment {
  readonly kind: DiffSegmentKind;
  readonly text: string;
}

/**
 * Words (letters and digits, so accented letters stay inside their word), white space that
 * breaks a line (a paragraph boundary, kept whole), other runs of white space, and each other
 * character alone (punctuation changes show as such, "14," → "14." marks only the comma).
 */
const TOKEN = /[\p{L}\p{N}]+|[^\S\n]*\n\s*|[^\S\n]+|[^\p{L}\p{N}\s]/gu;

const isLineBreak = (text: string) => text.includes('\n');

/**
 * A word-level diff that keeps paragraphs: SAME and REMOVED segments spell `before`, SAME and
 * ADDED spell `after`; in each changed stretch the removed words come before the added ones.
 * Paragraphs are matched first (jsdiff over whole paragraphs), then the words of each pair of
 * changed paragraphs (jsdiff over our tokens), so a word never moves from one paragraph to
 * another and a paragraph added or removed shows whole.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ kind: 'SAME', text: before }];
  const ops: DiffSegment[] = [];
  let removed: string[] = [];
  const flushRemoved = () => {
    for (const paragraph of removed) ops.push({ kind: 'REMOVED', text: paragraph });
    removed = [];
  };
  for (const change of diffArrays(paragraphsOf(before), paragraphsOf(after))) {
    if (change.removed) {
      removed.push(...change.value);
      continue;
    }
    if (change.added) {
      // The k-th removed paragraph of a stretch pairs with its k-th added one: an edit.
      change.value.forEach((paragraph, index) => {
        const previous = removed[index];
        if (previous === undefined) ops.push({ kind: 'ADDED', text: paragraph });
        else ops.push(...diffTokens(previous, paragraph));
      });
      removed = removed.slice(change.value.length);
      flushRemoved();
      continue;
    }
    flushRemoved();
    for (const paragraph of change.value) ops.push({ kind: 'SAME', text: paragraph });
  }
  flushRemoved();
  return mergeRuns(ops);
}

/** Each paragraph with the line break(s) that end it, so that the pieces spell the text. */
function paragraphsOf(text: string): string[] {
  return text.match(/[^\n]*(?:\n\s*|$)/g)?.filter((paragraph) => paragraph !== '') ?? [];
}

/**
 * Past this many token edits between two paragraphs the words have little in common, and
 * jsdiff's cost grows with the square of the edits (seconds for two unrelated 4,000-character
 * texts): the pair is shown as replaced whole instead, which is also what a reader sees.
 */
const MAX_EDITS = 300;

function diffTokens(before: string, after: string): DiffSegment[] {
  const changes = diffArrays(tokenize(before), tokenize(after), { maxEditLength: MAX_EDITS });
  if (!changes) {
    return [
      { kind: 'REMOVED', text: before },
      { kind: 'ADDED', text: after },
    ];
  }
  const ops: DiffSegment[] = [];
  for (const change of changes) {
    const kind: DiffSegmentKind = change.added ? 'ADDED' : change.removed ? 'REMOVED' : 'SAME';
    for (const text of change.value) ops.push({ kind, text });
  }
  return absorbLoneSpaces(ops);
}

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A lone space kept between two changes reads as noise ("−a ␣ −b"): it is folded into the
 * change on both sides, so the reader sees "−a b" / "+c d". A paragraph break is never folded.
 */
function absorbLoneSpaces(ops: readonly DiffSegment[]): DiffSegment[] {
  const result: DiffSegment[] = [];
  ops.forEach((op, index) => {
    const previous = ops[index - 1];
    const next = ops[index + 1];
    const lone =
      op.kind === 'SAME' &&
      /^\s+$/.test(op.text) &&
      !isLineBreak(op.text) &&
      previous !== undefined &&
      previous.kind !== 'SAME' &&
      next !== undefined &&
      next.kind !== 'SAME';
    if (lone) result.push({ kind: 'REMOVED', text: op.text }, { kind: 'ADDED', text: op.text });
    else result.push(op);
  });
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
    if (kept) segments.push({ kind: 'SAME', text: kept });
    kept = '';
    if (op.kind === 'REMOVED') removed += op.text;
    else added += op.text;
  }
  flushChanges();
  if (kept) segments.push({ kind: 'SAME', text: kept });
  return segments;
}

/**
 * The segments cut into paragraphs for display: every line break (in any segment) ends a
 * paragraph, and the break itself is dropped, so a view renders one block per paragraph with
 * its changed words marked inside. Empty paragraphs are left out.
 */
export function diffParagraphs(segments: readonly DiffSegment[]): DiffSegment[][] {
  const paragraphs: DiffSegment[][] = [[]];
  for (const segment of segments) {
    segment.text.split(/[^\S\n]*\n\s*/).forEach((text, index) => {
      if (index > 0) paragraphs.push([]);
      if (text) paragraphs[paragraphs.length - 1].push({ kind: segment.kind, text });
    });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

/** One side of a diff: what `before` (REMOVED kept) or `after` (ADDED kept) reads. */
export function sideOf(segments: readonly DiffSegment[], side: 'before' | 'after'): DiffSegment[] {
  const dropped: DiffSegmentKind = side === 'before' ? 'ADDED' : 'REMOVED';
  return segments.filter((segment) => segment.kind !== dropped);
}
