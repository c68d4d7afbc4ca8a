import type { Locale, Translated } from '@pepite/api/errors';
import { isJsonValue, isPlainObject } from '@pepite/json-value';

/** Limits of the stored columns (see the `audit_entry` table). */
export const MAX_ACTION_LENGTH = 80;
export const MAX_SUBJECT_TYPE_LENGTH = 40;
export const MAX_SUBJECT_ID_LENGTH = 80;
export const MAX_REQUEST_ID_LENGTH = 80;
/** Serialised size of `details`, in characters: an audit line, not a document store. */
export const MAX_DETAILS_LENGTH = 65_536;

/** Who acted: a person in one of their roles, or the system itself (a job, a deadline). */
export const AUDIT_ACTOR_ROLES = ['OPERATOR', 'MANAGER', 'ADMIN', 'SYSTEM'] as const;
export type AuditActorRole = (typeof AUDIT_ACTOR_ROLES)[number];

/**
 * What a context asks to write in the audit log. The calling context renders the summary
 * in both languages (this context never needs to know other contexts' words).
 *
 * Anonymity: admins read the audit log, so an operator's identity reaches it only when
 * the operator chose to sign. See `auditDraft` for the rules.
 */
export interface AuditRecord {
  /** The actor's role when acting; `SYSTEM` for jobs and deadlines (no actor id then). */
  readonly actorRole: AuditActorRole;
  /**
   * The acting user's id (a UUID). Required for MANAGER and ADMIN, forbidden for SYSTEM.
   * For OPERATOR it is stored only with `signed: true`; otherwise it is dropped.
   */
  readonly actorId?: string | null;
  /**
   * OPERATOR only: the operator chose to sign this action, so they may be named. Ignored
   * for the other roles (managers and admins always act under their name).
   */
  readonly signed?: boolean;
  /** What happened, SCREAMING_SNAKE_CASE, at most 80 characters: `PROPOSAL_CREATED`, `VOTE_CAST`, `RELEASE_PUBLISHED`. */
  readonly action: string;
  /** The kind of object acted upon: letters, digits and _, at most 40, e.g. `PROPOSAL`, `RELEASE`. */
  readonly subjectType: string;
  /** The object acted upon (a UUID, a release number, a rule key…), at most 80 characters. */
  readonly subjectId: string;
  /** One sentence for admins, in French and English. */
  readonly summary: Translated;
  /** Machine data, stored as JSON (a plain object of JSON values), e.g. `{ version: 12, proposalIds: [...] }`. */
  readonly details?: Readonly<Record<string, unknown>>;
  /**
   * The HTTP request behind the action. When omitted, the request the API is serving is
   * used (when there is one). Never stored for an anonymous operator's action.
   */
  readonly requestId?: string | null;
}

/** An audit record checked and normalised: exactly what is written. */
export interface AuditDraft {
  readonly actorRole: AuditActorRole;
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly summary: Translated;
  readonly details: Readonly<Record<string, unknown>>;
  /** `undefined`: none given, take the current request's (unless the actor is anonymous). */
  readonly requestId: string | null | undefined;
  /** An operator who did not sign: nothing may tie the entry to them. */
  readonly anonymous: boolean;
}

/** One line of the audit log as admins read it. */
export interface AuditEntryView {
  /** Increasing with insertion order (a bigint, as a string). */
  readonly id: string;
  readonly at: Date;
  /** `null` for the system and for an operator who did not sign. */
  readonly actorId: string | null;
  readonly actorRole: AuditActorRole;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly summary: Translated;
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestId: string | null;
}

/** What to look for in the audit log; every criterion given must hold. */
export interface AuditFilter {
  readonly actorId?: string | null;
  readonly action?: string | null;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  /** At or after. */
  readonly from?: Date | null;
  /** Strictly before. */
  readonly to?: Date | null;
}

export function summaryIn(entry: AuditEntryView, locale: Locale): string {
  return entry.summary[locale];
}

const ACTION = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const SUBJECT_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What the API accepts as `X-Request-Id`, a little longer. */
const REQUEST_ID = /^[\w.:-]+$/;

export function isAuditAction(value: string): boolean {
  return ACTION.test(value) && value.length <= MAX_ACTION_LENGTH;
}

export function isRequestId(value: string): boolean {
  return REQUEST_ID.test(value) && value.length <= MAX_REQUEST_ID_LENGTH;
}

/** A subject id as stored and searched: UUIDs in lower case, anything else as given. */
export function normaliseSubjectId(subjectId: string): string {
  return UUID.test(subjectId) ? subjectId.toLowerCase() : subjectId;
}

/**
 * Checks what a calling context passes to `AuditLog.record`. A failure is a programming
 * error of that context (nothing a user typed), so it is a plain `Error`, reported as
 * internal, and the caller's transaction (action included) rolls back.
 *
 * Anonymity: an OPERATOR entry keeps its actor id only with `signed: true`. Unsigned, the
 * id is dropped, and so is the request id (the request log ties it to a client address).
 * Since the caller knows the id, it is also checked that it does not appear in the
 * subject, the summary or the details.
 */
export function auditDraft(record: AuditRecord): AuditDraft {
  const problems: string[] = [];
  const role = record.actorRole;
  if (!(AUDIT_ACTOR_ROLES as readonly string[]).includes(role)) {
    problems.push(`actorRole must be one of ${AUDIT_ACTOR_ROLES.join(', ')} (got ${JSON.stringify(role)})`);
  }
  const givenActorId = record.actorId ?? null;
  if (givenActorId !== null && !UUID.test(givenActorId)) {
    problems.push(`actorId must be a UUID (got ${JSON.stringify(givenActorId)})`);
  }
  if (role === 'SYSTEM' && givenActorId !== null) problems.push('a SYSTEM entry has no actorId');
  if ((role === 'MANAGER' || role === 'ADMIN') && givenActorId === null)
    problems.push(`a ${role} entry needs its actorId`);
  if (role === 'OPERATOR' && record.signed === true && givenActorId === null) {
    problems.push('a signed OPERATOR entry needs its actorId');
  }
  if (!isAuditAction(record.action)) {
    problems.push(
      `action must be SCREAMING_SNAKE_CASE of at most ${MAX_ACTION_LENGTH} characters (got ${JSON.stringify(record.action)})`,
    );
  }
  if (!SUBJECT_TYPE.test(record.subjectType) || record.subjectType.length > MAX_SUBJECT_TYPE_LENGTH) {
    problems.push(
      `subjectType must be letters, digits and _, at most ${MAX_SUBJECT_TYPE_LENGTH} characters (got ${JSON.stringify(record.subjectType)})`,
    );
  }
  if (
    record.subjectId.trim() !== record.subjectId ||
    record.subjectId.length === 0 ||
    record.subjectId.length > MAX_SUBJECT_ID_LENGTH ||
    /\p{Cc}/u.test(record.subjectId)
  ) {
    problems.push(
      `subjectId must be 1 to ${MAX_SUBJECT_ID_LENGTH} characters, without surrounding spaces or control characters (got ${JSON.stringify(record.subjectId)})`,
    );
  }
  if (!record.summary.fr.trim() || !record.summary.en.trim())
    problems.push('summary needs a French and an English sentence');
  const details = record.details ?? {};
  let serialisedDetails = '{}';
  if (!isPlainObject(details)) problems.push('details must be a plain object');
  else if (!isJsonValue(details))
    problems.push('details must hold JSON values only (no undefined, functions, dates or NaN)');
  else {
    serialisedDetails = JSON.stringify(details);
    if (serialisedDetails.length > MAX_DETAILS_LENGTH) {
      problems.push(
        `details must serialise to at most ${MAX_DETAILS_LENGTH} characters (got ${serialisedDetails.length})`,
      );
    }
  }
  const requestId = record.requestId;
  if (requestId != null && !isRequestId(requestId)) {
    problems.push(
      `requestId must be letters, digits and _.:-, at most ${MAX_REQUEST_ID_LENGTH} characters (got ${JSON.stringify(requestId)})`,
    );
  }
  const anonymous = role === 'OPERATOR' && record.signed !== true;
  if (anonymous && givenActorId !== null) {
    const id = givenActorId.toLowerCase();
    const carriers = [record.subjectId, record.summary.fr, record.summary.en, serialisedDetails];
    if (carriers.some((text) => text.toLowerCase().includes(id))) {
      problems.push(
        'an operator who did not sign must not be named: their id appears in the subject, summary or details',
      );
    }
  }
  if (problems.length > 0) throw new Error(`audit: ${problems.join('; ')}`);
  return {
    actorRole: role,
    actorId: anonymous ? null : (givenActorId?.toLowerCase() ?? null),
    action: record.action,
    subjectType: record.subjectType,
    subjectId: normaliseSubjectId(record.subjectId),
    summary: { fr: record.summary.fr, en: record.summary.en },
    details,
    requestId: anonymous ? null : requestId,
    anonymous,
  };
}
