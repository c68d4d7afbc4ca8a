import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from './role.graphql-enum';

@InputType({ description: 'Only the fields given change. A team must belong to the (new) site; teamId null leaves an admin without a team.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(120)
  displayName?: string | null;

  @Field(() => Role, { nullable: true, description: 'An admin cannot remove their own ADMIN role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  siteId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'fr or en.' })
  @IsOptional()
  @IsIn(['fr', 'en'])
  locale?: 'fr' | 'en' | null;
}
