import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '@pepite/api/graphql-kit';
import { DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE } from '../application/audit-log.service';
import { MAX_ACTION_LENGTH, MAX_SUBJECT_ID_LENGTH, MAX_SUBJECT_TYPE_LENGTH } from '../domain/audit-entry';

/** Every criterion given must hold. */
@InputType('AuditFilter')
export class AuditFilterInput {
  @Field(() => ID, { nullable: true, description: 'Who acted (entries of operators who did not sign have no actor).' })
  @IsOptional()
  @IsUUID()
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'What happened, exactly, e.g. VOTE_CAST.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ACTION_LENGTH)
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'The kind of object acted upon, exactly, e.g. PROPOSAL.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SUBJECT_TYPE_LENGTH)
  subjectType?: string | null;

  @Field(() => String, { nullable: true, description: 'The object acted upon, exactly (UUIDs in any case).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SUBJECT_ID_LENGTH)
  subjectId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs(MAX_AUDIT_PAGE, DEFAULT_AUDIT_PAGE) {
  @Field(() => AuditFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilterInput)
  filter?: AuditFilterInput | null;
}
