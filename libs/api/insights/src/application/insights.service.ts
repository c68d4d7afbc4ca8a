import { Injectable } from '@nestjs/common';
import { Clock } from '@pepite/api/database';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinStatistics, type FiledAroundRow } from '@pepite/api/pepins';
import { ProposalStatistics } from '@pepite/api/proposals';
import { RuleChangeHistory, type RuleChangeEvent } from '@pepite/api/rulebook';
import { VotingStatistics } from '@pepite/api/voting';
import { closedMonths } from '../domain/calendar-months';
import { daysElapsed, INSIGHTS_LIMITS, ratio, resolvePeriod, type Period } from '../domain/insights-period';
import { peopleCount } from '../domain/people-count';
import { InsightsErrors } from '../insights.errors';
import type { InsightsView, RefiledView } from './insights-views';

export interface InsightsQuery {
  readonly siteId?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/**
 * The managers' dashboard, composed from the statistics each context exports (no table of
 * another context is read here). A constant number of SQL statements, whatever the data.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly clock: Clock,
    private readonly directory: UserDirectoryService,
    private readonly pepins: PepinStatistics,
    private readonly proposals: ProposalStatistics,
    private readonly voting: VotingStatistics,
    private readonly rules: RuleChangeHistory,
  ) {}

  async insights(caller: AuthenticatedUser, query: InsightsQuery): Promise<InsightsView> {
    const site = await this.siteFor(caller, query.siteId);
    const siteId = site.id;
    const now = this.clock.now();
    const period = resolvePeriod(now, query.from, query.to);
    if (!period) throw InsightsErrors.invalidPeriod({ maxDays: INSIGHTS_LIMITS.maxDays });
    const scope = { siteId, ...period };
    // People are counted per ended calendar month only, whatever the period (anonymity: no
    // two answers may count people over sets one act apart; docs/decisions/0010).
    const months = closedMonths(period, now, site.timeZone);

    const [leadRows, ackRows, ruleRows, pepinActivity, coDesigners, coDesign, votes, changes] = await Promise.all([
      this.pepins.leadTimes(scope),
      this.pepins.acknowledgements(scope, now),
      this.pepins.rulesByFriction(scope, INSIGHTS_LIMITS.topRules),
      this.pepins.activityPerSpan(siteId, months),
      this.proposals.coDesignersPerSpan(siteId, months),
      this.proposals.coDesign(scope),
      this.voting.activity(scope),
      this.changedRules(period),
    ]);
    const around = await this.pepins.filedAround(siteId, changes, INSIGHTS_LIMITS.refiledWindowDays, now);
    const titles = await this.rules.titles([...ruleRows.map((r) => r.ruleKey), ...changes.map((c) => c.ruleKey)]);

    const total = leadRows.find((row) => row.month === null);
    const ack = ackRows.find((row) => row.week === null) ?? { onTime: 0, late: 0, overdue: 0 };
    return {
      siteId,
      from: period.from,
      to: period.to,
      leadTime: {
        count: total?.count ?? 0,
        medianHours: total?.medianHours ?? null,
        p90Hours: total?.p90Hours ?? null,
        perMonth: leadRows.flatMap((row) =>
          row.month === null ? [] : [{ month: row.month, count: row.count, medianHours: row.medianHours }],
        ),
      },
      acknowledgement: {
        onTime: ack.onTime,
        late: ack.late,
        overdue: ack.overdue,
        compliance: ratio(ack.onTime, ack.onTime + ack.late + ack.overdue),
        weekly: ackRows.flatMap((row) => (row.week === null ? [] : [{ ...row, week: row.week }])),
      },
      topBlockingRules: ruleRows.map((row) => ({ ...row, title: titles.get(row.ruleKey) ?? null })),
      refiledAfterChange: changes.map((change, i) =>
        refiled(change, around[i], titles.get(change.ruleKey) ?? null, now),
      ),
      participation: {
        months: months.map((month, i) => ({
          ...month,
          activeOperators: peopleCount(pepinActivity[i]?.active ?? 0),
          filers: peopleCount(pepinActivity[i]?.filers ?? 0),
          supporters: peopleCount(pepinActivity[i]?.supporters ?? 0),
          coDesigners: peopleCount(coDesigners[i]?.activeOperators ?? 0),
          commenters: peopleCount(coDesigners[i]?.operatorCommenters ?? 0),
          endorsers: peopleCount(coDesigners[i]?.operatorEndorsers ?? 0),
        })),
        managersWhoVoted: votes.managersWhoVoted,
        managersCalledToVote: votes.managersCalled,
        votesOpened: votes.votesOpened,
        proposals: coDesign.proposals,
        proposalsCoDesigned: coDesign.coDesignedWithOperators,
      },
    };
  }

  /** Managers: their own site only; admins: the site asked for, or their own. */
  private async siteFor(
    caller: AuthenticatedUser,
    asked: string | null | undefined,
  ): Promise<{ id: string; timeZone: string }> {
    const own = !asked || asked.toLowerCase() === caller.siteId.toLowerCase();
    if (caller.role === Role.MANAGER && !own) throw InsightsErrors.otherSite();
    const site = await this.directory.getSite(own ? caller.siteId : (asked as string));
    if (!site) throw InsightsErrors.siteNotFound();
    return site;
  }

  /**
   * Amended and retired rules of the period's releases, most recent first. Creations are
   * left out: no pépin could name a rule before it existed, so "before" would say nothing.
   */
  private async changedRules(period: Period): Promise<(RuleChangeEvent & { at: Date })[]> {
    const changes = await this.rules.changesBetween(period.from, period.to);
    return changes
      .filter((change) => change.kind !== 'CREATED')
      .sort((a, b) => b.version - a.version || a.ruleKey.localeCompare(b.ruleKey))
      .slice(0, INSIGHTS_LIMITS.maxChanges)
      .map((change) => ({ ...change, at: change.publishedAt }));
  }
}

function refiled(
  change: RuleChangeEvent,
  counts: FiledAroundRow | undefined,
  title: string | null,
  now: Date,
): RefiledView {
  const window = INSIGHTS_LIMITS.refiledWindowDays;
  const before = counts?.before ?? 0;
  const after = counts?.after ?? 0;
  const daysAfter = daysElapsed(change.publishedAt, now, window);
  return {
    ruleKey: change.ruleKey,
    title,
    version: change.version,
    publishedAt: change.publishedAt,
    kind: change.kind,
    before,
    after,
    daysAfter,
    beforePerDay: before / window,
    // Less than an hour after the change, a rate would be noise.
    afterPerDay: daysAfter >= 1 / 24 ? after / daysAfter : null,
  };
}
