import { ArgsType } from '@nestjs/graphql';
import { PageArgs } from '@pepite/api/graphql-kit';

export const MAX_RELEASES_PAGE = 100;

@ArgsType()
export class ReleasesArgs extends PageArgs(MAX_RELEASES_PAGE) {}
