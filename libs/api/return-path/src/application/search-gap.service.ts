import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@pepite/api/database';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinFiling, type PepinView } from '@pepite/api/pepins';
import { normaliseSearchGap } from '@pepite/text-folding';
import { calendarDay, shiftDay } from '../domain/calendar-day';
import { countSearchGap, eraseSearchGap, isVisibleSearchGap, topSearchGaps, type SearchGapRow } from '../persistence/search-gap-store';
import { RETURN_PATH_OPTIONS, type ReturnPathOptions } from '../return-path.options';
import { ReturnPathErrors } from '../return-path.errors';
import { siteFor } from './site-scope';

/** At most this many searches per report (the SDK batches what it kept offline). */
export const MAX_SEARCHES_PER_REPORT = 20;
const TOP = 20;
const PERIOD_DAYS = 30;
const TREND_DAYS = 7;

export interface SearchGapsView {
  readonly siteId: string;
  readonly from: string;
  readonly to: string;
  readonly trendDays: number;
  readonly searches: readonly SearchGapRow[];
}

/**
 * Searches that found nothing (issue 19). Counted per site and calendar day with no user,
 * session or desktop id: the row cannot say who searched (SECURITY.md). Managers read the top
 * of the last 30 days and turn one into a "no rule covers this" pépin, or erase one. A search
 * shows only once it recurred (SEARCH_GAP_MIN_DAYS distinct days, SEARCH_GAP_MIN_SEARCHES
 * times): a customer's name typed by one operator never reaches a manager, through the top,
 * the pépin or the erasure (they answer alike for a search below the threshold and for one
 * never made).
 */
@Injectable()
export class SearchGapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly directory: UserDirectoryService,
    private readonly filing: PepinFiling,
    @Inject(RETURN_PATH_OPTIONS) private readonly options: ReturnPathOptions,
  ) {}

  /** Counts the searches (normalised again here: the server trusts no client). Returns how many were kept. */
  async report(caller: AuthenticatedUser, queries: readonly string[]): Promise<number> {
    const normalised = [...new Set(queries.map(normaliseSearchGap).filter((query): query is string => query !== null))];
    if (normalised.length === 0) return 0;
    const site = await this.directory.getSite(caller.siteId);
    const day = calendarDay(this.clock.now(), site?.timeZone ?? 'UTC');
    await this.dataSource.transaction(async (tx) => {
      // In one order, so that two desktops counting the same searches never deadlock.
      for (const query of normalised.sort()) await countSearchGap(tx, caller.siteId, day, query);
    });
    return normalised.length;
  }

  async top(caller: AuthenticatedUser, siteId?: string | null): Promise<SearchGapsView> {
    const site = await siteFor(this.directory, caller, siteId);
    const period = this.period(site.timeZone);
    const searches = await topSearchGaps(this.dataSource.manager, site.id, period, this.threshold, TOP);
    return { siteId: site.id, from: period.from, to: period.to, trendDays: TREND_DAYS, searches };
  }

  /**
   * A manager erases a search from their site (a name, something that should not be kept).
   * The same answer whether it was recorded or not, so that erasing cannot probe for a search.
   */
  async erase(caller: AuthenticatedUser, query: string): Promise<void> {
    const normalised = normaliseSearchGap(query);
    if (normalised !== null) await eraseSearchGap(this.dataSource.manager, caller.siteId, normalised);
  }

  /**
   * One click: the search becomes a signed pépin "no rule covers this" filed by the manager.
   * A second click on the same search the same day returns the same pépin (idempotency key).
   */
  async fileAsPepin(caller: AuthenticatedUser, query: string): Promise<PepinView> {
    const normalised = normaliseSearchGap(query);
    const site = await siteFor(this.directory, caller, null);
    if (
      normalised === null ||
      !(await isVisibleSearchGap(this.dataSource.manager, site.id, normalised, this.period(site.timeZone), this.threshold))
    ) {
      throw ReturnPathErrors.searchGapNotFound();
    }
    const fr = caller.locale !== 'en';
    return this.filing.fileForSearchGap(caller, {
      title: fr ? `Aucune règle ne couvre : « ${normalised} »` : `No rule covers: “${normalised}”`,
      description: fr
        ? `Des opérateurs du site ont cherché « ${normalised} » sur leur poste sans trouver de règle (recherches sans réponse). À préciser avec eux.`
        : `Operators of the site searched for “${normalised}” on their desktop and found no rule (unanswered searches). To be worked out with them.`,
      idempotencyKey: `search-gap-${createHash('sha256').update(`${caller.siteId}:${normalised}`).digest('hex').slice(0, 40)}`,
    });
  }

  private get threshold(): { minDays: number; minSearches: number } {
    return { minDays: this.options.searchGapMinDays, minSearches: this.options.searchGapMinSearches };
  }

  private period(timeZone: string): { from: string; to: string; recentFrom: string; previousFrom: string } {
    const to = calendarDay(this.clock.now(), timeZone);
    return {
      from: shiftDay(to, -(PERIOD_DAYS - 1)),
      to,
      recentFrom: shiftDay(to, -(TREND_DAYS - 1)),
      previousFrom: shiftDay(to, -(2 * TREND_DAYS - 1)),
    };
  }
}
