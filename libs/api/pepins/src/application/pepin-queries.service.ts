import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUuid, Clock } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { referenceOf, type Pepin } from '../domain/pepin';
import { decodeQueueCursor, encodeQueueCursor, PepinQueueOrder, type PepinQueueFilter } from '../domain/pepin-queue';
import type { PepinStatus } from '../domain/pepin-status';
import { SIMILAR_SEARCH, similarSearchQuery, type SimilarSearchInput } from '../domain/similar-search';
import { PepinErrors } from '../pepins.errors';
import { countsByStatus, dueForAcknowledgement, queuePage } from '../persistence/pepin-queue-store';
import { eventsOf, type PepinEventRow } from '../persistence/pepin-event-store';
import { findPepins, PEPIN_COLUMNS, pepinOf, type PepinRow } from '../persistence/pepin-store';
import { signedSupporters, supportedBy } from '../persistence/support-store';
import { explainSimilarPepins, similarPepins } from '../persistence/similar-pepins-store';
import { readStemShares, StemShareCache } from '../persistence/stem-shares';
import { canManage, managerViewer, pepinView, type PepinView, type PepinViewer } from './pepin-views';

export const MAX_QUEUE_PAGE = 100;
export const MAX_MY_PEPINS = 500;

export interface PepinQueuePage {
  readonly edges: readonly { readonly cursor: string; readonly node: PepinView }[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: number;
  readonly countsByStatus: readonly { readonly status: PepinStatus; readonly count: number }[];
}

/** One of the operator's own pépins: filed, or supported. */
export interface MyPepinView {
  readonly pepin: PepinView;
  readonly relation: 'REPORTER' | 'SUPPORTER';
  /** Whether the operator signed it (their filing or their support). */
  readonly signed: boolean;
  /** When they filed or supported it. */
  readonly since: Date;
}

/** What "similar pépins" shows: enough to recognise the problem, nothing about people. */
export interface SimilarPepinView {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly description: string;
  readonly status: PepinStatus;
  readonly ruleKey: string | null;
  readonly ruleVersion: number | null;
  readonly supportCount: number;
  readonly createdAt: Date;
  /** 0 to 1, higher is closer. */
  readonly score: number;
}

/**
 * A history line as anyone who may see the pépin sees it: the stored line as it is, since
 * `actorId` is only ever written for managers and admins (they act under their name).
 */
export type PepinEventView = PepinEventRow;

export interface PepinLinkView {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly status: PepinStatus;
}

/** Reads of pépins, each shaped for the one who asks. */
@Injectable()
export class PepinQueries {
  /** How common each stem is, for the similar search (see `StemShareCache`). */
  private readonly stemShares: StemShareCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.stemShares = new StemShareCache(
      () => readStemShares(this.dataSource.manager),
      () => this.clock.nowMs(),
      SIMILAR_SEARCH.stemSharesMaxAgeMs,
    );
  }

  /**
   * The triage queue (managers: their site; admins: every site), a Relay-style page with
   * the total under the filter and the count of each status (status filter left out).
   */
  async queue(
    user: AuthenticatedUser,
    filter: PepinQueueFilter,
    order: PepinQueueOrder,
    first: number,
    after: string | null,
  ): Promise<PepinQueuePage> {
    if (user.role !== Role.MANAGER && user.role !== Role.ADMIN) throw CommonErrors.forbidden();
    if (!Number.isInteger(first) || first < 1 || first > MAX_QUEUE_PAGE)
      throw new Error(`queue: first must be 1 to ${MAX_QUEUE_PAGE}`);
    if (filter.filedFrom && filter.filedTo && filter.filedTo.getTime() <= filter.filedFrom.getTime())
      throw PepinErrors.invalidPeriod();
    const cursor = after === null ? null : decodeQueueCursor(after, order);
    if (after !== null && cursor === null) throw PepinErrors.invalidCursor();
    const now = this.clock.now();
    const scope = { siteId: user.role === Role.ADMIN ? null : user.siteId, now };
    const manager = this.dataSource.manager;
    const [rows, counts] = await Promise.all([
      queuePage(manager, scope, filter, order, first + 1, cursor),
      countsByStatus(manager, scope, filter),
    ]);
    // The counts per status leave the status filter out; the total is theirs under it (one query less).
    const statuses = filter.statuses && filter.statuses.length > 0 ? new Set<PepinStatus>(filter.statuses) : null;
    const totalCount = counts.reduce(
      (sum, entry) => sum + (statuses === null || statuses.has(entry.status) ? entry.count : 0),
      0,
    );
    const viewer = managerViewer(user);
    return {
      edges: rows
        .slice(0, first)
        .map((row) => ({ cursor: encodeQueueCursor(row.cursor), node: pepinView(row.pepin, viewer, now) })),
      hasNextPage: rows.length > first,
      hasPreviousPage: cursor !== null,
      totalCount,
      countsByStatus: counts,
    };
  }

  /**
   * One pépin: managers of its site and admins see the manager view; an operator sees
   * only a pépin they filed or support. Anything else is NOT_FOUND, like a missing id.
   */
  async pepin(user: AuthenticatedUser, pepinId: string): Promise<PepinView> {
    if (!isUuid(pepinId)) throw PepinErrors.notFound();
    const [pepin] = await findPepins(this.dataSource.manager, [pepinId]);
    if (!pepin) throw PepinErrors.notFound();
    const viewer = await this.viewerOf(user, pepin);
    if (!viewer) throw PepinErrors.notFound();
    return pepinView(pepin, viewer, this.clock.now());
  }

  /** How `user` may look at `pepin`, or null when they may not. */
  async viewerOf(user: AuthenticatedUser, pepin: Pepin): Promise<PepinViewer | null> {
    if (user.role !== Role.OPERATOR) return canManage(user, pepin.siteId) ? managerViewer(user) : null;
    const isReporter = pepin.reporterId === user.id;
    const isSupporter = !isReporter && (await supportedBy(this.dataSource.manager, [pepin.id], user.id)).has(pepin.id);
    if (!isReporter && !isSupporter) return null;
    return { userId: user.id, locale: user.locale, isReporter, isSupporter, canManage: false };
  }

  /** The operator's own pépins and those they support, most recent first. Nobody else's. */
  async myPepins(operator: AuthenticatedUser, first = MAX_MY_PEPINS): Promise<MyPepinView[]> {
    if (operator.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    const limit = Math.min(Math.max(1, Math.trunc(first)), MAX_MY_PEPINS);
    const rows: (PepinRow & { relation: 'REPORTER' | 'SUPPORTER'; my_signed: boolean; since: Date })[] =
      await this.dataSource.query(
        `SELECT * FROM (
         SELECT ${PEPIN_COLUMNS}, 'REPORTER' AS relation, p.signed AS my_signed, p.created_at AS since
         FROM pepin p WHERE p.reporter_id = $1
         UNION ALL
         SELECT ${PEPIN_COLUMNS}, 'SUPPORTER' AS relation, s.signed AS my_signed, s.created_at AS since
         FROM pepin_support s JOIN pepin p ON p.id = s.pepin_id WHERE s.supporter_id = $1
       ) mine ORDER BY since DESC, id LIMIT $2`,
        [operator.id, limit],
      );
    const now = this.clock.now();
    return rows.map((row) => {
      const isReporter = row.relation === 'REPORTER';
      const viewer = {
        userId: operator.id,
        locale: operator.locale,
        isReporter,
        isSupporter: !isReporter,
        canManage: false,
      };
      return {
        pepin: pepinView(pepinOf(row), viewer, now),
        relation: row.relation,
        signed: row.my_signed,
        since: row.since,
      };
    });
  }

  /**
   * Open pépins of the caller's site close to what they are typing (title, description,
   * rule), best first. Never says who filed or supported them, not even when signed.
   */
  async similarPepins(
    user: AuthenticatedUser,
    input: SimilarSearchInput,
    limit: number = SIMILAR_SEARCH.defaultLimit,
  ): Promise<SimilarPepinView[]> {
    const query = similarSearchQuery(input);
    if (!query) return [];
    const size = Math.min(Math.max(1, Math.trunc(limit)), SIMILAR_SEARCH.maxLimit);
    const rows = await similarPepins(this.dataSource.manager, user.siteId, query, size, await this.stemShares.get());
    return rows.map(({ pepin, score }) => ({
      id: pepin.id,
      reference: referenceOf(pepin),
      title: pepin.title,
      description: pepin.description,
      status: pepin.status,
      ruleKey: pepin.ruleKey,
      ruleVersion: pepin.ruleVersion,
      supportCount: pepin.supportCount,
      createdAt: pepin.createdAt,
      score,
    }));
  }

  /**
   * EXPLAIN (JSON) of exactly the query `similarPepins` runs, with actual times when
   * `analyze`: for tests and benchmarks.
   */
  async explainSimilarPepins(
    siteId: string,
    input: SimilarSearchInput,
    limit: number = SIMILAR_SEARCH.defaultLimit,
    analyze = false,
  ): Promise<unknown> {
    const query = similarSearchQuery(input);
    if (!query) return null;
    return explainSimilarPepins(this.dataSource.manager, siteId, query, limit, await this.stemShares.get(), analyze);
  }

  /**
   * Reads PostgreSQL's statistics of stems again now, instead of within
   * `SIMILAR_SEARCH.stemSharesMaxAgeMs`: for a test or benchmark that has just run ANALYZE.
   */
  async refreshStemShares(): Promise<void> {
    await this.stemShares.refresh();
  }

  /** History lines of pépins the caller may already see, oldest first. */
  async historyOf(pepinIds: readonly string[]): Promise<Map<string, PepinEventView[]>> {
    const byPepin = new Map<string, PepinEventView[]>(pepinIds.map((id) => [id, []]));
    for (const row of await eventsOf(this.dataSource.manager, pepinIds)) byPepin.get(row.pepinId)?.push(row);
    return byPepin;
  }

  /** Who signed their "me too", per pépin (unsigned supports are never listed). */
  async signedSupporterIds(pepinIds: readonly string[]): Promise<Map<string, string[]>> {
    const byPepin = new Map<string, string[]>(pepinIds.map((id) => [id, []]));
    for (const row of await signedSupporters(this.dataSource.manager, pepinIds))
      byPepin.get(row.pepinId)?.push(row.supporterId);
    return byPepin;
  }

  /**
   * Who filed each pépin, for a use case that reaches the reporter without telling the
   * caller who they are (a co-author invitation "to the reporter of PEP-…"). Never for a
   * response: the id must not leave the calling context.
   */
  async reporterIdsOf(pepinIds: readonly string[]): Promise<Map<string, string>> {
    const pepins = await findPepins(this.dataSource.manager, pepinIds);
    return new Map(pepins.map((pepin) => [pepin.id, pepin.reporterId]));
  }

  /** Reference, title and status of pépins (duplicate links). */
  async links(pepinIds: readonly string[]): Promise<Map<string, PepinLinkView>> {
    const pepins = await findPepins(this.dataSource.manager, pepinIds);
    return new Map(
      pepins.map((pepin) => [
        pepin.id,
        { id: pepin.id, reference: referenceOf(pepin), title: pepin.title, status: pepin.status },
      ]),
    );
  }

  /**
   * For the SLA job: NEW pépins whose acknowledgement was due before `before`, most
   * overdue first, as managers see them (no reporter).
   */
  async dueForAcknowledgement(before: Date, limit = 100): Promise<PepinView[]> {
    const pepins = await dueForAcknowledgement(this.dataSource.manager, before, limit);
    const viewer = { userId: '', locale: 'fr' as const, isReporter: false, isSupporter: false, canManage: true };
    return pepins.map((pepin) => pepinView(pepin, viewer, this.clock.now()));
  }
}
