import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../application/idempotency-keys';
import { PlacementInputFields } from './placement.fields';

@InputType()
export class CreateUserInput extends PlacementInputFields {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field()
  @MinLength(2)
  @MaxLength(120)
  displayName!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field({ description: 'At least 12 characters.' })
  @MinLength(12)
  @MaxLength(256)
  password!: string;

  @Field({ nullable: true, description: 'fr (default) or en.' })
  @IsOptional()
  @IsIn(['fr', 'en'])
  locale?: 'fr' | 'en';

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}
