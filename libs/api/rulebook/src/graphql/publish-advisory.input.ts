import { IDEMPOTENCY_KEY_DESCRIPTION } from '@pepite/api/database';
import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RULE_KEY_PATTERN } from '../domain/rule-draft';

@InputType()
export class PublishAdvisoryInput {
  @Field({ description: 'The rule in force that the advisory is about.' })
  @MaxLength(40)
  @Matches(RULE_KEY_PATTERN)
  ruleKey!: string;

  @Field({ description: '10 to 2,000 characters.' })
  @MinLength(10)
  @MaxLength(2000)
  message!: string;

  @Field({ description: 'In the future, within 90 days.' })
  @IsDate()
  expiresAt!: Date;

  @Field(() => Boolean, {
    nullable: true,
    description: '“Lecture obligatoire”: desktops show it first until each operator acknowledges it (acknowledgeRuleChange with its releaseVersion).',
  })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  idempotencyKey?: string | null;
}
