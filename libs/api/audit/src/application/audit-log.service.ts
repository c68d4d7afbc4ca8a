import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { AUDIT_OPTIONS, type AuditOptions } from '../audit.options';
import { AuditErrors } from '../audit.errors';
import {
  auditDraft,
  isAuditAction,
  isRequestId,
  normaliseSubjectId,
  type AuditEntryView,
  type AuditFilter,
  type AuditRecord,
} from '../domain/audit-entry';
import { insertEntry, readPage } from '../persistence/audit-store';

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;

export interface AuditPage {
  /** Newest first. */
  readonly entries: readonly AuditEntryView[];
  readonly hasNextPage: boolean;
}

const ENTRY_ID = /^[1-9]\d{0,18}$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

function isEntryId(value: string): boolean {
  return ENTRY_ID.test(value) && BigInt(value) <= MAX_BIGINT;
}

/**
 * The append-only audit log: every proposal, vote and publication action, for admins.
 * Other contexts call `record` in the transaction of the action itself.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {}

  /**
   * Appends one entry and returns it as stored. In `manager`'s transaction when given:
   * the action and its audit line commit together, or neither does. Without a manager
   * the entry is one statement of its own.
   *
   * ANONYMITY (docs/design.md): admins read this log, and an operator's identity must never
   * reach anyone unless the operator chose to sign. So:
   * - `actorRole: 'OPERATOR'` stores `actorId` only with `signed: true`; otherwise the
   *   entry says "an operator" (no actor id) and keeps no request id either (the request
   *   log ties a request to a client address).
   * - Never name an anonymous operator anywhere else: not in `subjectId`, `summary` or
   *   `details` (when the caller passes the id, its presence there is refused).
   * - MANAGER and ADMIN entries need `actorId`; SYSTEM entries (jobs, deadlines) have none.
   *
   * Invalid input (an action not in SCREAMING_SNAKE_CASE, a blank summary…) throws a plain
   * `Error`: a bug of the calling context, reported as internal; its transaction rolls back.
   * The request id, unless given, is the one of the request being served (if any).
   */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<AuditEntryView> {
    const draft = auditDraft(entry);
    let requestId = draft.requestId;
    if (requestId === undefined) {
      const current = draft.anonymous ? null : (this.options.currentRequestId?.() ?? null);
      requestId = current !== null && isRequestId(current) ? current : null;
    }
    return insertEntry(manager ?? this.dataSource.manager, {
      actorId: draft.actorId,
      actorRole: draft.actorRole,
      action: draft.action,
      subjectType: draft.subjectType,
      subjectId: draft.subjectId,
      summary: draft.summary,
      details: draft.details,
      requestId,
    });
  }

  /**
   * A page of the entries matching every criterion of `filter`, newest first. `after` is
   * the id of the last entry of the previous page (an unknown id is a valid bound: the
   * entries older than it). For admins only: the resolver checks the role.
   * An `after` that is not an entry id, or `from` not before `to`, is `BAD_USER_INPUT`.
   */
  async query(filter: AuditFilter = {}, first: number = DEFAULT_AUDIT_PAGE, after?: string | null): Promise<AuditPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw new Error(`query: first must be an integer from 1 to ${MAX_AUDIT_PAGE}`);
    }
    if (after != null && !isEntryId(after)) throw AuditErrors.invalidCursor();
    if (filter.actorId != null && !isUuid(filter.actorId)) throw new Error('query: actorId must be a UUID');
    if (filter.from != null && filter.to != null && !(filter.from.getTime() < filter.to.getTime())) {
      throw AuditErrors.invalidPeriod();
    }
    // An action that cannot have been recorded matches nothing; no need to ask.
    if (filter.action != null && !isAuditAction(filter.action)) return { entries: [], hasNextPage: false };
    const normalised: AuditFilter = {
      ...filter,
      actorId: filter.actorId?.toLowerCase() ?? null,
      subjectId: filter.subjectId == null ? null : normaliseSubjectId(filter.subjectId),
    };
    const rows = await readPage(this.dataSource.manager, normalised, first + 1, after ?? null);
    return { entries: rows.slice(0, first), hasNextPage: rows.length > first };
  }
}
