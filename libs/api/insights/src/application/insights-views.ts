import type { PeopleCount } from '../domain/people-count';

/** What the insights query answers: aggregates only, never a person. */
export interface InsightsView {
  readonly siteId: string;
  readonly from: Date;
  readonly to: Date;
  readonly leadTime: LeadTimeView;
  readonly acknowledgement: AcknowledgementView;
  readonly topBlockingRules: BlockingRuleView[];
  readonly refiledAfterChange: RefiledView[];
  readonly participation: ParticipationView;
}

export interface LeadTimeView {
  readonly count: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly perMonth: { month: string; count: number; medianHours: number | null }[];
}

export interface AcknowledgementWeekView {
  readonly week: string;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
}

export interface AcknowledgementView {
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly compliance: number | null;
  readonly weekly: AcknowledgementWeekView[];
}

export interface BlockingRuleView {
  readonly ruleKey: string;
  readonly title: string | null;
  readonly pepinCount: number;
  readonly openCount: number;
  readonly supportCount: number;
}

export interface RefiledView {
  readonly ruleKey: string;
  readonly title: string | null;
  readonly version: number;
  readonly publishedAt: Date;
  readonly kind: string;
  readonly before: number;
  readonly after: number;
  readonly daysAfter: number;
  readonly beforePerDay: number;
  readonly afterPerDay: number | null;
}

/** Operators who took part in one ended calendar month of the site's time zone. */
export interface ParticipationMonthView {
  readonly month: string;
  readonly from: Date;
  readonly to: Date;
  readonly activeOperators: PeopleCount;
  readonly filers: PeopleCount;
  readonly supporters: PeopleCount;
  readonly coDesigners: PeopleCount;
  readonly commenters: PeopleCount;
  readonly endorsers: PeopleCount;
}

export interface ParticipationView {
  /** Counts of operators per ended month overlapping the period, never over the period itself. */
  readonly months: ParticipationMonthView[];
  readonly managersWhoVoted: number;
  readonly managersCalledToVote: number;
  readonly votesOpened: number;
  readonly proposals: number;
  readonly proposalsCoDesigned: number;
}
