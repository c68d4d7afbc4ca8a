import { isKnownKind, LEGACY_KIND } from './rendering/render-notification';
import { isJsonValue, isPlainObject } from '@pepite/json-value';

/** Limits of the stored columns (see the `notification` table). */
export const MAX_KIND_LENGTH = 60;
export const MAX_SUBJECT_TYPE_LENGTH = 40;

/**
 * What a context asks to tell people: a kind and its parameters, never a sentence. The
 * words live in one renderer (`rendering/`), which reads them in each reader's language
 * and time zone when they are shown or sent, so a notification reads in English for an
 * English reader whatever language the one who caused it used.
 */
export interface NotifyInput {
  /** Who is told; duplicates are told once. An empty list notifies nobody. */
  readonly recipientIds: readonly string[];
  /** What happened, one of `NOTIFICATION_KINDS`, e.g. `PEPIN_ACKNOWLEDGED`. */
  readonly kind: string;
  /** The kind of object it is about, e.g. `PEPIN` (letters, digits, _); given together with `subjectId`. */
  readonly subjectType?: string;
  /** The object it is about (a UUID), e.g. the pépin's id. */
  readonly subjectId?: string;
  /**
   * What the kind's words are built from, stored as JSON, e.g. `{ reference: 'PEP-000123',
   * title: '…', release: 7 }`: names, references and titles as they were when it happened,
   * dates as ISO strings (the renderer formats them for the reader).
   */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A notification as its recipient reads it. */
export interface NotificationView {
  readonly id: string;
  readonly recipientId: string;
  readonly kind: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly readAt: Date | null;
  readonly createdAt: Date;
}

/** A notify input checked and normalised: what is written, one row per recipient. */
export interface NotificationDraft {
  readonly recipientIds: readonly string[];
  readonly kind: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly params: Readonly<Record<string, unknown>>;
}

const KIND = /^[A-Z][A-Z0-9_]*$/;
const SUBJECT_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks what a calling context passes to `notify`. A failure is a programming error of
 * that context (nothing a user typed), so it is a plain `Error`, reported as internal.
 */
export function notificationDraft(input: NotifyInput): NotificationDraft {
  const problems: string[] = [];
  const badRecipients = input.recipientIds.filter((id) => !UUID.test(id));
  if (badRecipients.length > 0) problems.push(`recipientIds must be UUIDs (got ${JSON.stringify(badRecipients)})`);
  if (!KIND.test(input.kind) || input.kind.length > MAX_KIND_LENGTH) {
    problems.push(
      `kind must be SCREAMING_SNAKE_CASE of at most ${MAX_KIND_LENGTH} characters (got ${JSON.stringify(input.kind)})`,
    );
  }
  const subjectType = input.subjectType ?? null;
  const subjectId = input.subjectId ?? null;
  if ((subjectType === null) !== (subjectId === null)) problems.push('subjectType and subjectId go together');
  if (subjectType !== null && (!SUBJECT_TYPE.test(subjectType) || subjectType.length > MAX_SUBJECT_TYPE_LENGTH)) {
    problems.push(
      `subjectType must be letters, digits and _, at most ${MAX_SUBJECT_TYPE_LENGTH} characters (got ${JSON.stringify(subjectType)})`,
    );
  }
  if (subjectId !== null && !UUID.test(subjectId))
    problems.push(`subjectId must be a UUID (got ${JSON.stringify(subjectId)})`);
  if (!isKnownKind(input.kind) || input.kind === LEGACY_KIND) {
    problems.push(`kind ${input.kind} has no words in the notification renderer`);
  }
  const params = input.params ?? {};
  if (!isPlainObject(params)) problems.push('params must be a plain object');
  else if (!isJsonValue(params))
    problems.push('params must hold JSON values only (no undefined, functions, dates or NaN)');
  if (problems.length > 0) throw new Error(`notify: ${problems.join('; ')}`);
  return {
    // Lower case, so that one user written two ways is still told once.
    recipientIds: [...new Set(input.recipientIds.map((id) => id.toLowerCase()))],
    kind: input.kind,
    subjectType,
    subjectId: subjectId?.toLowerCase() ?? null,
    params,
  };
}
