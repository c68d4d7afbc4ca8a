import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  acknowledgements,
  filedAround,
  leadTimes,
  pepinActivityPerSpan,
  rulesByFriction,
  type AcknowledgementRow,
  type FiledAroundRow,
  type LeadTimeRow,
  type PepinActivityRow,
  type RuleFrictionRow,
} from '../persistence/pepin-statistics-store';
import { overdueBySite, type OverdueRow } from '../persistence/overdue-store';

export type { OverdueRow, AcknowledgementRow, FiledAroundRow, LeadTimeRow, PepinActivityRow, RuleFrictionRow };

/** A site and a half-open period `[from, to)`. */
export interface StatisticsScope {
  readonly siteId: string;
  readonly from: Date;
  readonly to: Date;
}

/**
 * Read-only aggregates over one site's pépins, for the insights context. Callers check who
 * may see them; these never return a person's id (counts of distinct people at most).
 */
@Injectable()
export class PepinStatistics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Lead times of the pépins published (as pépites) in the period: overall row first (month null), then per month. */
  leadTimes(scope: StatisticsScope): Promise<LeadTimeRow[]> {
    return leadTimes(this.dataSource.manager, scope.siteId, scope.from, scope.to);
  }

  /** The acknowledgement promise for pépins due in the period: overall row first (week null), then per week. */
  acknowledgements(scope: StatisticsScope, now: Date): Promise<AcknowledgementRow[]> {
    return acknowledgements(this.dataSource.manager, scope.siteId, scope.from, scope.to, now);
  }

  /** Overdue pépins (NEW past their acknowledgement deadline) of every site, for the operations metrics. */
  overdueBySite(now: Date): Promise<OverdueRow[]> {
    return overdueBySite(this.dataSource.manager, now);
  }

  /** The rules with the most pépins filed in the period. */
  rulesByFriction(scope: StatisticsScope, limit: number): Promise<RuleFrictionRow[]> {
    return rulesByFriction(this.dataSource.manager, scope.siteId, scope.from, scope.to, limit);
  }

  /** Pépins filed on each rule in the `windowDays` before and after each change (same order as `changes`). */
  filedAround(
    siteId: string,
    changes: readonly { ruleKey: string; at: Date }[],
    windowDays: number,
    now: Date,
  ): Promise<FiledAroundRow[]> {
    return filedAround(this.dataSource.manager, siteId, changes, windowDays, now);
  }

  /**
   * Distinct operators who filed or supported pépins in each span (counts only, in the spans'
   * order). Spans must be fixed buckets (calendar months), not windows a reader chose.
   */
  activityPerSpan(siteId: string, spans: readonly { from: Date; to: Date }[]): Promise<PepinActivityRow[]> {
    return pepinActivityPerSpan(this.dataSource.manager, siteId, spans);
  }
}
