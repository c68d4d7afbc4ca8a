import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString } from 'class-validator';

export const MAX_MARKED_AT_ONCE = 500;

/** Exactly one of `ids` and `all: true` (checked by the resolver). */
@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `The notifications to mark read, at most ${MAX_MARKED_AT_ONCE}; ids that are not yours count for nothing.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MARKED_AT_ONCE)
  @IsString({ each: true })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: mark every notification of yours read.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean | null;
}
