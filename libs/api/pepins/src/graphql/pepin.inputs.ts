import { IDEMPOTENCY_KEY_DESCRIPTION } from '@pepite/api/database';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_MY_PEPINS, MAX_QUEUE_PAGE } from '../application/pepin-queries.service';
import { SIMILAR_SEARCH } from '../domain/similar-search';
import { CustomerImpact, PepinQueueOrder, PepinStatus } from './pepin-enums';
import { IdField, PageArgs } from '@pepite/api/graphql-kit';

/** Same wording as the other keyed mutations' descriptions. */

// Lengths and formats are checked by the use cases (domain/pepin-filing.ts), which say
// what is wrong in French and English, the same way for every entry point.

@InputType()
export class FilePepinInput {
  @Field({ description: 'A short title, 5 to 140 characters.' })
  @IsString()
  title!: string;

  @Field({ description: 'What happened, 20 to 4,000 characters.' })
  @IsString()
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The rule that blocked you (e.g. REFUND-004). Leave empty if no rule covers this.',
  })
  @IsOptional()
  @IsString()
  ruleKey?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The rulebook release you were reading; the one in force if omitted.',
  })
  @IsOptional()
  @IsInt()
  ruleVersion?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Say explicitly that no rule covers this (not with a rule key).',
  })
  @IsOptional()
  @IsBoolean()
  noRuleApplies?: boolean | null;

  @Field(() => CustomerImpact, { nullable: true, description: 'NONE when omitted.' })
  @IsOptional()
  @IsEnum(CustomerImpact)
  customerImpact?: CustomerImpact | null;

  @Field(() => String, {
    nullable: true,
    description: 'The call’s reference in the telephony system. Seen by managers only if you sign.',
  })
  @IsOptional()
  @IsString()
  callReference?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Let managers see your name. Anonymous when omitted.' })
  @IsOptional()
  @IsBoolean()
  signed?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Send the same key when retrying (kept 24 h): you get the same pépin back and nothing new is created; the same key with other content is a CONFLICT.',
  })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}

@InputType('PepinFilter')
export class PepinFilterInput {
  @Field(() => [PepinStatus], { nullable: true, description: 'Any of these statuses; every status when omitted.' })
  @IsOptional()
  @IsEnum(PepinStatus, { each: true })
  statuses?: PepinStatus[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  ruleKey?: string | null;

  @Field(() => String, { nullable: true, description: 'The rule’s category (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  category?: string | null;

  @Field(() => ID, { nullable: true, description: 'The reporter’s team when they filed.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Still NEW past the acknowledgement due date (true), or not (false).',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  noRuleApplies?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Filed at or after.' })
  @IsOptional()
  @IsDate()
  filedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Filed before.' })
  @IsOptional()
  @IsDate()
  filedTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words of the title or description (every word, French stems, accents ignored, each a prefix), or a reference such as PEP-000041.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class PepinsArgs extends PageArgs(MAX_QUEUE_PAGE) {
  @Field(() => PepinFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PepinFilterInput)
  filter?: PepinFilterInput | null;

  @Field(() => PepinQueueOrder, { defaultValue: PepinQueueOrder.ACK_DUE_SOONEST })
  @IsEnum(PepinQueueOrder)
  orderBy: PepinQueueOrder = PepinQueueOrder.ACK_DUE_SOONEST;
}

@ArgsType()
export class PepinIdArgs {
  @IdField()
  id!: string;
}

@ArgsType()
export class MyPepinsArgs {
  @Field(() => Int, { defaultValue: 100, description: `At most ${MAX_MY_PEPINS}, most recent first.` })
  @IsInt()
  @Min(1)
  @Max(MAX_MY_PEPINS)
  first = 100;
}

@ArgsType()
export class SimilarPepinsArgs {
  @Field({ description: 'The title the operator is typing, or any text (its first 300 characters count).' })
  @IsString()
  @MaxLength(4000)
  text!: string;

  @Field(() => String, { nullable: true, description: 'The description being typed (its first 300 characters count).' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The rule the operator was reading: pépins on the same rule (any version) rank first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ruleKey?: string | null;

  @Field(() => Int, { defaultValue: SIMILAR_SEARCH.defaultLimit, description: `At most ${SIMILAR_SEARCH.maxLimit}.` })
  @IsInt()
  @Min(1)
  @Max(SIMILAR_SEARCH.maxLimit)
  first: number = SIMILAR_SEARCH.defaultLimit;
}

@ArgsType()
export class SupportPepinArgs {
  @IdField()
  id!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Let managers see your name on this support; unchanged (or anonymous) when omitted.',
  })
  @IsOptional()
  @IsBoolean()
  signed?: boolean | null;
}

@ArgsType()
export class AcknowledgePepinArgs {
  @IdField()
  id!: string;

  @Field(() => String, { nullable: true, description: 'A word to the reporter (at most 2,000 characters).' })
  @IsOptional()
  @IsString()
  message?: string | null;
}

@ArgsType()
export class AcknowledgePepinsArgs {
  @Field(() => [ID], { description: 'The NEW pépins to acknowledge, 1 to 100.' })
  @IsArray()
  @IsString({ each: true })
  ids!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'A word to every reporter (at most 2,000 characters).',
  })
  @IsOptional()
  @IsString()
  message?: string | null;
}

@ArgsType()
export class DeclinePepinArgs {
  @IdField()
  id!: string;

  @Field({ description: 'Why, in a real sentence (20 characters and 4 words at least); the reporter reads it.' })
  @IsString()
  reason!: string;
}

@ArgsType()
export class MarkDuplicateArgs {
  @IdField()
  id!: string;

  @IdField({ description: 'The open pépin of the same site to keep.' })
  duplicateOf!: string;
}

@ArgsType()
export class PepinMessageArgs {
  @IdField()
  pepinId!: string;

  @Field({ description: '2 to 2,000 characters.' })
  @IsString()
  body!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}
