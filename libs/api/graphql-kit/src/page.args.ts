import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export interface Page {
  first: number;
  after?: string | null;
}

/**
 * The `first`/`after` arguments of a list served as a connection (`ConnectionOf`), written
 * once: each list only says how large a page may be and how large it is when not asked.
 * Extend the returned class with the list's own arguments:
 * `@ArgsType() class ReleasesArgs extends PageArgs(MAX_RELEASES_PAGE) {}`.
 */
export function PageArgs(max: number, byDefault = 20): Type<Page> {
  @ArgsType()
  class PageArgsType implements Page {
    @Field(() => Int, { defaultValue: byDefault, description: `Page size, at most ${max}.` })
    @IsInt()
    @Min(1)
    @Max(max)
    first: number = byDefault;

    @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
    @IsOptional()
    @IsString()
    after?: string | null;
  }
  return PageArgsType;
}
