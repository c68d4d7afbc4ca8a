import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RuleEntry } from '@pepite/rulebook-format';
import { AnyRole } from '@pepite/api/identity';
import { ReleaseCatalog } from '../application/release-catalog.service';
import { diffRule } from '../domain/rule-diff';
import { RuleArgs } from './rule.args';
import { RuleDetailType } from './rule-detail.type';
import { RuleDiffArgs } from './rule-diff.args';
import { DiffSegmentKind, RuleDiffType } from './rule-diff.type';
import { RuleVersionType } from './rule-version.type';
import { RuleType } from './rule.type';
import { RulebookGraphqlErrors } from './rulebook-graphql.errors';

@Resolver(() => RuleDetailType)
export class RuleResolver {
  constructor(private readonly catalog: ReleaseCatalog) {}

  @AnyRole()
  @Query(() => RuleDetailType, { description: 'A rule, retired or not, with its whole history.' })
  async rule(@Args() { key }: RuleArgs): Promise<RuleDetailType> {
    // Read before the history, so the history is at least as new as this release.
    const latest = this.catalog.latestVersion;
    const history = await this.catalog.ruleHistory(key);
    const inForce = history.find((version) => version.inReleases.includes(latest));
    return {
      key,
      current: inForce ? RuleType.of(inForce.entry) : null,
      history: history.map((version) => RuleVersionType.of(version)),
      revisions: new Map(history.map((version) => [version.entry.revision, version.entry])),
    };
  }

  // A field of a type only signed-in users reach; the parent query carries the access rule.
  @ResolveField(() => RuleDiffType, { description: 'What changed from one revision of the rule to another.' })
  diff(@Parent() rule: RuleDetailType, @Args() { from, to }: RuleDiffArgs): RuleDiffType {
    const fields = diffRule(revision(rule, from), revision(rule, to)).map((change) => ({
      field: change.field,
      before: change.before,
      after: change.after,
      segments:
        change.segments?.map((segment) => ({ kind: DiffSegmentKind[segment.kind], text: segment.text })) ?? null,
    }));
    return { key: rule.key, from, to, fields };
  }
}

function revision(rule: RuleDetailType, number: number): RuleEntry {
  const entry = rule.revisions.get(number);
  if (!entry)
    throw RulebookGraphqlErrors.revisionNotFound({ key: rule.key, revision: number, latest: rule.revisions.size });
  return entry;
}
