import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { MandatoryChange } from '@pepite/api/rulebook';
import type { MandatoryReadingStatusView, MandatoryReadingView, PendingReader } from '../application/mandatory-reading.service';

export enum MandatoryChangeKind {
  RULE_CHANGE = 'RULE_CHANGE',
  ADVISORY = 'ADVISORY',
}
registerEnumType(MandatoryChangeKind, { name: 'MandatoryChangeKind' });

@InputType({ description: 'One mandatory change: the release and the rule.' })
export class AcknowledgeRuleChangeInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  releaseVersion!: number;

  @Field()
  @IsString()
  @MaxLength(40)
  ruleKey!: string;
}

@InputType({ description: 'Remind the operators who have not acknowledged a mandatory change.' })
export class RemindMandatoryReadingInput extends AcknowledgeRuleChangeInput {
  @Field(() => ID, { nullable: true, description: 'Admins: the site (default their own). Managers: their own site only.' })
  @IsOptional()
  @IsUUID()
  siteId?: string | null;
}

function changeFields(change: MandatoryChange) {
  return {
    kind: change.kind as MandatoryChangeKind,
    releaseVersion: change.releaseVersion,
    ruleKey: change.ruleKey,
    title: change.title,
    publishedAt: change.publishedAt,
    message: change.message,
  };
}

/** What names a mandatory change, for the operator's list and for the managers' status alike. */
@ObjectType({ isAbstract: true })
abstract class MandatoryChangeFields {
  @Field(() => MandatoryChangeKind)
  kind!: MandatoryChangeKind;

  @Field(() => Int)
  releaseVersion!: number;

  @Field()
  ruleKey!: string;

  @Field()
  title!: string;

  @Field()
  publishedAt!: Date;
}

@ObjectType('MandatoryReading', { description: 'A change flagged “lecture obligatoire”, as the operator reads it.' })
export class MandatoryReadingType extends MandatoryChangeFields {
  @Field(() => String, { nullable: true, description: 'The advisory’s words; null for a rule change.' })
  message!: string | null;

  @Field(() => Date, { nullable: true, description: 'When “J’ai lu et compris” was pressed; null while still to read.' })
  acknowledgedAt!: Date | null;

  static of(view: MandatoryReadingView): MandatoryReadingType {
    return Object.assign(new MandatoryReadingType(), changeFields(view), { acknowledgedAt: view.acknowledgedAt });
  }
}

@ObjectType('PendingReader', { description: 'An operator who has not acknowledged yet (shown by name: individual by nature).' })
export class PendingReaderType {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  teamName!: string | null;

  static of(reader: PendingReader): PendingReaderType {
    return Object.assign(new PendingReaderType(), reader);
  }
}

@ObjectType('MandatoryReadingStatus', { description: 'Who on the site has acknowledged a mandatory change.' })
export class MandatoryReadingStatusType extends MandatoryChangeFields {
  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Int, { description: 'Active operators of the site.' })
  operators!: number;

  @Field(() => Int)
  acknowledged!: number;

  @Field(() => [PendingReaderType], { description: 'By name, as mandatory reading is individual by nature. No time is shown.' })
  pending!: PendingReaderType[];

  static of(view: MandatoryReadingStatusView): MandatoryReadingStatusType {
    return Object.assign(new MandatoryReadingStatusType(), changeFields(view), {
      operators: view.operators,
      acknowledged: view.acknowledged,
      pending: view.pending.map((reader) => PendingReaderType.of(reader)),
    });
  }
}

@ObjectType('MandatoryReadingReminder')
export class MandatoryReadingReminderType {
  @Field(() => Int, { description: 'Operators reminded (those who had not acknowledged).' })
  reminded!: number;
}
