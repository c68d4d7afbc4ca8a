import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnyRole } from '@pepite/api/identity';
import { ReleaseCatalog } from '../application/release-catalog.service';
import { ReleaseType } from './release.type';
import { RulebookArgs } from './rulebook.args';
import { RulebookType } from './rulebook.type';
import { RuleType } from './rule.type';

@Resolver(() => RulebookType)
export class RulebookResolver {
  constructor(private readonly catalog: ReleaseCatalog) {}

  @AnyRole()
  @Query(() => RulebookType, {
    description: 'A release of the rulebook with its rules; the latest one when no version is given.',
  })
  async rulebook(@Args() { version }: RulebookArgs): Promise<RulebookType> {
    const release = version == null ? await this.catalog.latestRelease() : await this.catalog.release(version);
    return { release: ReleaseType.of(release) };
  }

  // A field of a type only signed-in users reach; the parent query carries the access rule.
  @ResolveField(() => [RuleType], { description: 'The rules in force in this release, sorted by key.' })
  async rules(@Parent() rulebook: RulebookType): Promise<RuleType[]> {
    return (await this.catalog.rules(rulebook.release.version)).map((entry) => RuleType.of(entry));
  }
}
