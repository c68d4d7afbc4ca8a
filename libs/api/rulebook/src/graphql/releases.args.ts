import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const MAX_RELEASES_PAGE = 100;

@ArgsType()
export class ReleasesArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, at most ${MAX_RELEASES_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_RELEASES_PAGE)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string | null;
}
