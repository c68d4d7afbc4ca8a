// Where things are in an import document: the line and column of a node, and its path
// (`rules[3].title`), so that every error points at the place to fix.
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export interface DocumentError {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Where in the document: `rules[3].title` (0-based indexes), '' for the file itself. */
  readonly path: string;
  /** Stable machine code: a RuleProblem reason or a document-level one (SYNTAX_ERROR, FORMAT_MISSING…). */
  readonly reason: string;
  readonly fr: string;
  readonly en: string;
}

export type PathSegment = string | number;
export type Position = { readonly line: number; readonly column: number };
export type Messages = { readonly fr: string; readonly en: string };

export const START: Position = { line: 1, column: 1 };

/** `rules[3].title`; a name that is not an identifier is quoted: `rules[3]["due date"]`. */
export function formatDocumentPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Finds where nodes are: the line and column of the value, or of the field name. */
export class Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  /** The node at `path`, or its nearest ancestor that exists (a missing field points at its rule). */
  value(path: readonly PathSegment[]): Position {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node: unknown = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const empty = isScalar(node) && node.range[0] === node.range[1] && depth > 0;
        if (empty) return this.key(path.slice(0, depth));
        return this.at(node.range[0]);
      }
    }
    return START;
  }

  /** The field name of the last segment of `path` (`titel:`), falling back to its value. */
  key(path: readonly PathSegment[]): Position {
    const parent: unknown = this.doc.getIn(path.slice(0, -1), true);
    const name = path[path.length - 1];
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (isScalar(pair.key) && String(pair.key.value) === String(name) && pair.key.range) {
          return this.at(pair.key.range[0]);
        }
      }
    }
    return path.length > 0 ? this.value(path.slice(0, -1)) : START;
  }

  /**
   * The path of the deepest node holding `offset`, for syntax errors. Unless `fromStart`, a
   * node that starts at `offset` is not entered: it is what the broken text turned into.
   */
  pathAt(offset: number, fromStart: boolean): PathSegment[] {
    const path: PathSegment[] = [];
    let node: unknown = this.doc.contents;
    const start = (candidate: unknown): number | null =>
      isNode(candidate) && candidate.range && offset < candidate.range[2] ? candidate.range[0] : null;
    const within = (candidate: unknown): boolean => (start(candidate) ?? Infinity) <= offset;
    const enter = (candidate: unknown): boolean => within(candidate) && (fromStart || start(candidate) !== offset);
    for (;;) {
      if (isMap(node)) {
        const pair = node.items.find((item) => within(item.key) || within(item.value));
        if (!pair || !isScalar(pair.key)) return path;
        path.push(String(pair.key.value));
        if (!enter(pair.value)) return path;
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex(within);
        if (index < 0) return path;
        path.push(index);
        if (!enter(node.items[index])) return path;
        node = node.items[index];
      } else {
        return path;
      }
    }
  }
}

export function fileLevel(reason: string, messages: Messages, at: Position = START): DocumentError {
  return { ...at, path: '', reason, ...messages };
}
