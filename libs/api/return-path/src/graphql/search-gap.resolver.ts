import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AnyRole, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { SearchGapService } from '../application/search-gap.service';
import {
  EraseSearchGapInput,
  FileSearchGapPepinInput,
  SearchGapErasureType,
  ReportSearchGapsInput,
  SearchGapPepinType,
  SearchGapReceiptType,
  SearchGapsArgs,
  SearchGapsType,
} from './search-gap.types';

@Resolver()
export class SearchGapResolver {
  constructor(private readonly gaps: SearchGapService) {}

  // Any signed-in desktop: the token only tells the site; no person is stored with the search.
  @AnyRole()
  @Mutation(() => SearchGapReceiptType, { description: 'Searches that found nothing on a desktop (the SDK sends them, normalised).' })
  async reportSearchGaps(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: ReportSearchGapsInput,
  ): Promise<SearchGapReceiptType> {
    return { counted: await this.gaps.report(caller, input.queries) };
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Query(() => SearchGapsType, { description: 'The site’s top unanswered searches of the last 30 days, with their trend.' })
  async searchGaps(@CurrentUser() caller: AuthenticatedUser, @Args() { siteId }: SearchGapsArgs): Promise<SearchGapsType> {
    return SearchGapsType.of(await this.gaps.top(caller, siteId));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => SearchGapPepinType, { description: 'Turns an unanswered search of the caller’s site into a signed “no rule covers this” pépin.' })
  async fileSearchGapPepin(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: FileSearchGapPepinInput,
  ): Promise<SearchGapPepinType> {
    const pepin = await this.gaps.fileAsPepin(caller, input.query);
    return { id: pepin.id, reference: pepin.reference, title: pepin.title };
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => SearchGapErasureType, {
    description: 'Erases an unanswered search from the caller’s site, every day of it (a customer’s name, something that should not be kept).',
  })
  async eraseSearchGap(@CurrentUser() caller: AuthenticatedUser, @Args('input') input: EraseSearchGapInput): Promise<SearchGapErasureType> {
    await this.gaps.erase(caller, input.query);
    return { erased: true };
  }
}
