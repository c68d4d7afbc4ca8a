import { IDEMPOTENCY_KEY_DESCRIPTION } from '@pepite/api/database';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString } from 'class-validator';
import { IdField } from '@pepite/api/graphql-kit';

// The double écoute (listening to calls beside the operator): request, schedule, notes, completion.

@InputType()
export class RequestListeningSessionInput {
  @IdField()
  pepinId!: string;

  @IdField({ description: 'The manager you choose: they, and only they, will know it is you.' })
  managerId!: string;

  @Field(() => String, { nullable: true, description: 'The call to re-listen; your pépin’s own call when omitted.' })
  @IsOptional()
  @IsString()
  callReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Why you ask (at most 1,000 characters).' })
  @IsOptional()
  @IsString()
  reason?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}

@ArgsType()
export class ScheduleListeningSessionArgs {
  @IdField()
  id!: string;

  @Field({ description: 'In the future, within 90 days.' })
  @IsDate()
  scheduledAt!: Date;
}

@ArgsType()
export class WriteListeningNotesArgs {
  @IdField()
  id!: string;

  @Field({ description: 'Your notes (replace the previous ones), at most 4,000 characters.' })
  @IsString()
  notes!: string;
}

@ArgsType()
export class CompleteListeningSessionArgs {
  @IdField()
  id!: string;

  @Field({ description: 'What came of it, 10 to 2,000 characters; attached to the pépin.' })
  @IsString()
  outcome!: string;
}
