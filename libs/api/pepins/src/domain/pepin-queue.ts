import type { PepinStatus } from './pepin-status';

/** The triage queue's sorts. */
export enum PepinQueueOrder {
  /**
   * Pépins still awaiting acknowledgement (NEW) first, soonest (or most overdue) due date
   * first; then the others, whose deadline is behind them, by due date.
   */
  ACK_DUE_SOONEST = 'ACK_DUE_SOONEST',
  /** Most "me too" first; among equals, the oldest. */
  MOST_SUPPORTED = 'MOST_SUPPORTED',
  /** Filed longest ago first. */
  OLDEST = 'OLDEST',
  /** Filed most recently first. */
  NEWEST = 'NEWEST',
}

/**
 * What managers can filter the queue by. Nothing about who filed or supported: there is
 * no reporter filter and no sort by reporter, by design. The team filter exists (managers
 * need it), but on a small team it narrows who the reporter can be (k-anonymity): see
 * libs/api/pepins/README.md.
 */
export interface PepinQueueFilter {
  readonly statuses?: readonly PepinStatus[] | null;
  readonly ruleKey?: string | null;
  readonly category?: string | null;
  readonly teamId?: string | null;
  /** NEW and past the acknowledgement due date (true), or not (false). */
  readonly overdue?: boolean | null;
  readonly noRuleApplies?: boolean | null;
  /** Filed at or after. */
  readonly filedFrom?: Date | null;
  /** Filed before. */
  readonly filedTo?: Date | null;
  /** Words of the title or description (French stems, the last one a prefix), or a reference (PEP-000041, 41). */
  readonly search?: string | null;
}

export interface QueueSearch {
  /** For `to_tsquery('french', pepite_unaccent(…))`: every word (AND), each a prefix; null when no word. */
  readonly tsquery: string | null;
  /** The pépin number when the text reads as a reference. */
  readonly number: number | null;
}

/**
 * The queue's text search. Letters and digits only, so nothing typed becomes tsquery syntax;
 * words are ANDed (a filter narrows) and each is a prefix ("rembours" finds "remboursement").
 */
export function queueSearch(text: string): QueueSearch | null {
  const trimmed = text.trim();
  const reference = /^(?:pep-?)?0*(\d{1,9})$/i.exec(trimmed);
  const words = [...new Set(trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 8);
  if (words.length === 0) return null;
  return {
    tsquery: words.map((word) => `${word}:*`).join(' & '),
    number: reference ? Number(reference[1]) : null,
  };
}

/** Where the previous page ended: the sort key of its last pépin, exactly as stored. */
export interface PepinQueueCursor {
  readonly order: PepinQueueOrder;
  /** ack_due_at or created_at as PostgreSQL text (microseconds kept). */
  readonly at: string;
  /** support_count for MOST_SUPPORTED; for ACK_DUE_SOONEST 0 while awaiting acknowledgement, else 1. */
  readonly supports: number;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?$/;

/** Opaque to clients. */
export function encodeQueueCursor(cursor: PepinQueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.at, cursor.supports, cursor.id])).toString('base64url');
}

/** Null when the text is not a cursor this order produced. */
export function decodeQueueCursor(text: string, order: PepinQueueOrder): PepinQueueCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [cursorOrder, at, supports, id] = parsed as unknown[];
  if (cursorOrder !== order) return null;
  if (typeof at !== 'string' || !PG_TIMESTAMP.test(at)) return null;
  if (typeof supports !== 'number' || !Number.isSafeInteger(supports) || supports < 0) return null;
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const cursor = { order, at, supports, id };
  return encodeQueueCursor(cursor) === text ? cursor : null;
}
