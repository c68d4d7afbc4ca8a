import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MIN_ROLLBACK_REASON } from '../application/publication-commands';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../application/idempotency-keys';

@InputType({ description: 'Approved proposals to publish together as one release.' })
export class PublishReleaseInput {
  @Field(() => [ID], { description: 'The APPROVED proposals the release carries.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  proposalIds!: string[];

  @Field(() => String, { nullable: true, description: 'Release notes; the changelog also names the proposals.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Changed rules flagged “lecture obligatoire”: desktops show them first until each operator acknowledges them (acknowledgeRuleChange). Each must be changed by the release.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  mandatoryRuleKeys?: string[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Publish later: the publication is checked now and made at this time (the proposals stay APPROVED until then).',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  effectiveAt?: Date | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  idempotencyKey?: string | null;
}

@ArgsType()
export class RollbackReleaseArgs {
  @Field(() => Int, { description: 'The earlier release whose rules the new release restores.' })
  @IsInt()
  @Min(1)
  toVersion!: number;

  @Field(() => String, {
    description: `Why the rulebook is rolled back (at least ${MIN_ROLLBACK_REASON} characters); in the changelog and the audit log.`,
  })
  @IsString()
  @MinLength(MIN_ROLLBACK_REASON)
  @MaxLength(2000)
  reason!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  idempotencyKey?: string | null;
}
