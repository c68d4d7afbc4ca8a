import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PeopleCount } from '../domain/people-count';
import type { InsightsView, ParticipationMonthView } from '../application/insights-views';

@ObjectType('LeadTimeMonth', {
  description: 'Pépins published as pépites in one month (UTC) and their median lead time.',
})
export class LeadTimeMonthType {
  @Field({ description: '`YYYY-MM`.' })
  month!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true })
  medianHours!: number | null;
}

@ObjectType('LeadTimeInsight', {
  description: 'Lead time from filing to publication (pépite) of the pépins published in the period, in hours.',
})
export class LeadTimeInsightType {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Median (percentile_cont 0.5); null with no publication.' })
  medianHours!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile (percentile_cont 0.9).' })
  p90Hours!: number | null;

  @Field(() => [LeadTimeMonthType], { description: 'Oldest month first; months without publication are absent.' })
  perMonth!: LeadTimeMonthType[];
}

@ObjectType('AcknowledgementWeek', { description: 'The acknowledgement promise for pépins due in one ISO week (UTC).' })
export class AcknowledgementWeekType {
  @Field({ description: 'The Monday, `YYYY-MM-DD`.' })
  week!: string;

  @Field(() => Int)
  onTime!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int, { description: 'Still NEW past their deadline.' })
  overdue!: number;
}

@ObjectType('AcknowledgementInsight', {
  description:
    'The acknowledgement SLA for pépins whose deadline falls in the period: answered (acknowledged, or declined/merged straight from NEW) on time, late, or still NEW past the deadline. Pépins not yet due are left out.',
})
export class AcknowledgementInsightType {
  @Field(() => Int)
  onTime!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'onTime / (onTime + late + overdue), 0..1; null when none was due.',
  })
  compliance!: number | null;

  @Field(() => [AcknowledgementWeekType], { description: 'Oldest week first; weeks with nothing due are absent.' })
  weekly!: AcknowledgementWeekType[];
}

@ObjectType('BlockingRule', { description: 'A rule and the pépins filed on it in the period (duplicates left out).' })
export class BlockingRuleType {
  @Field()
  ruleKey!: string;

  @Field(() => String, { nullable: true, description: 'Its latest title, when the rulebook knows the key.' })
  title!: string | null;

  @Field(() => Int)
  pepinCount!: number;

  @Field(() => Int, { description: 'Those not yet published, declined or merged.' })
  openCount!: number;

  @Field(() => Int, { description: '“Me too” on those pépins.' })
  supportCount!: number;
}

@ObjectType('RefiledAfterChange', {
  description:
    '“Did it work?”: a rule amended or retired by a release of the period, and the pépins filed on it in the 30 days before vs after the release (every filing, duplicates included).',
})
export class RefiledAfterChangeType {
  @Field()
  ruleKey!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Int, { description: 'The release that changed it.' })
  version!: number;

  @Field()
  publishedAt!: Date;

  @Field({ description: 'AMENDED or RETIRED.' })
  kind!: string;

  @Field(() => Int, { description: 'Filed in the 30 days before the release.' })
  before!: number;

  @Field(() => Int, { description: 'Filed since the release, within 30 days.' })
  after!: number;

  @Field(() => Float, { description: 'Days elapsed since the release, at most 30.' })
  daysAfter!: number;

  @Field(() => Float, { description: 'before / 30.' })
  beforePerDay!: number;

  @Field(() => Float, { nullable: true, description: 'after / daysAfter; null less than an hour after the release.' })
  afterPerDay!: number | null;
}

@ObjectType('PeopleCount', {
  description:
    'A number of distinct operators. Anonymity: 1 or 2 could point at someone, so they are folded — `count` is null and `fewerThanThree` true.',
})
export class PeopleCountType {
  @Field(() => Int, { nullable: true, description: 'Null when folded into “fewer than 3”.' })
  count!: number | null;

  @Field()
  fewerThanThree!: boolean;

  static of(value: PeopleCount): PeopleCountType {
    return Object.assign(new PeopleCountType(), value);
  }
}

@ObjectType('ParticipationMonth', {
  description:
    'Operators who took part in one whole calendar month of the site’s time zone, already ended, as counts of distinct people. Anonymity: counted over the month, never over the period asked for, so that no two answers count people over sets one act apart.',
})
export class ParticipationMonthType {
  @Field({ description: '`YYYY-MM`, in the site’s time zone.' })
  month!: string;

  @Field({ description: 'The month’s first instant (local midnight on the 1st).' })
  from!: Date;

  @Field({ description: 'The next month’s first instant (exclusive).' })
  to!: Date;

  @Field(() => PeopleCountType, { description: 'Operators who filed or supported a pépin.' })
  activeOperators!: PeopleCountType;

  @Field(() => PeopleCountType)
  filers!: PeopleCountType;

  @Field(() => PeopleCountType, { description: 'Operators who said “me too”.' })
  supporters!: PeopleCountType;

  @Field(() => PeopleCountType, { description: 'Operators who commented, endorsed or co-authored a proposal.' })
  coDesigners!: PeopleCountType;

  @Field(() => PeopleCountType)
  commenters!: PeopleCountType;

  @Field(() => PeopleCountType)
  endorsers!: PeopleCountType;

  static of(view: ParticipationMonthView): ParticipationMonthType {
    return Object.assign(new ParticipationMonthType(), {
      ...view,
      activeOperators: PeopleCountType.of(view.activeOperators),
      filers: PeopleCountType.of(view.filers),
      supporters: PeopleCountType.of(view.supporters),
      coDesigners: PeopleCountType.of(view.coDesigners),
      commenters: PeopleCountType.of(view.commenters),
      endorsers: PeopleCountType.of(view.endorsers),
    });
  }
}

@ObjectType('ParticipationInsight', {
  description:
    'Who took part: operators as counts of distinct people per ended calendar month (never an id or a name, never over the period itself); managers over the period.',
})
export class ParticipationInsightType {
  @Field(() => [ParticipationMonthType], {
    description:
      'The ended calendar months (site’s time zone) that overlap the period, oldest first; the month still running is left out.',
  })
  months!: ParticipationMonthType[];

  @Field(() => Int, { description: 'Distinct managers who cast a ballot (managers vote under their name).' })
  managersWhoVoted!: number;

  @Field(() => Int, { description: 'Distinct managers called to the votes opened in the period.' })
  managersCalledToVote!: number;

  @Field(() => Int)
  votesOpened!: number;

  @Field(() => Int, { description: 'Proposals created in the period.' })
  proposals!: number;

  @Field(() => Int, { description: 'Those with an operator co-author (accepted) or an operator comment.' })
  proposalsCoDesigned!: number;
}

@ObjectType('Insights', { description: 'A site’s dashboard over a period `[from, to)`: aggregates only.' })
export class InsightsType {
  @Field(() => ID)
  siteId!: string;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => LeadTimeInsightType)
  leadTime!: LeadTimeInsightType;

  @Field(() => AcknowledgementInsightType)
  acknowledgement!: AcknowledgementInsightType;

  @Field(() => [BlockingRuleType], { description: 'At most 10, most pépins first.' })
  topBlockingRules!: BlockingRuleType[];

  @Field(() => [RefiledAfterChangeType], { description: 'Most recent release first, at most 20.' })
  refiledAfterChange!: RefiledAfterChangeType[];

  @Field(() => ParticipationInsightType)
  participation!: ParticipationInsightType;

  static of(view: InsightsView): InsightsType {
    const p = view.participation;
    return Object.assign(new InsightsType(), {
      ...view,
      participation: Object.assign(new ParticipationInsightType(), {
        ...p,
        months: p.months.map((month) => ParticipationMonthType.of(month)),
      }),
    });
  }
}
