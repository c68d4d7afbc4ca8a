import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../application/idempotency-keys';

const SLA_DESCRIPTION =
  'Hours managers have to acknowledge a pépin filed on this site (1 to 720). '
  + 'A change applies to pépins filed afterwards; pépins already filed keep the deadline they were given.';

@InputType()
export class CreateSiteInput {
  @Field()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @Field({ description: 'IANA time zone, for example Europe/Paris.' })
  @MinLength(1)
  @MaxLength(64)
  timeZone!: string;

  @Field(() => Int, { nullable: true, description: `${SLA_DESCRIPTION} Default 72.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  ackSlaHours?: number | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateSiteInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(120)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, for example Europe/Paris.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: SLA_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  ackSlaHours?: number | null;
}

@ArgsType()
export class CreateTeamArgs {
  @Field(() => ID)
  @IsUUID()
  siteId!: string;

  @Field()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}

@ArgsType()
export class RenameTeamArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field()
  @MinLength(1)
  @MaxLength(80)
  name!: string;
}
