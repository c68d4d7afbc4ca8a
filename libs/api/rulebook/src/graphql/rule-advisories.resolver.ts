import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ReleaseCatalog } from '../application/release-catalog.service';
import { AdvisoryType } from './advisory.type';
import { RuleType } from './rule.type';

@Resolver(() => RuleType)
export class RuleAdvisoriesResolver {
  /** Active advisories by rule key, read once per GraphQL operation however many rules ask. */
  private readonly perOperation = new WeakMap<object, Promise<Map<string, AdvisoryType[]>>>();

  constructor(private readonly catalog: ReleaseCatalog) {}

  // A field of a type only signed-in users reach; the parent query carries the access rule.
  @ResolveField(() => [AdvisoryType], { description: 'Advisories active now on this rule, oldest first.' })
  async advisories(@Parent() rule: RuleType, @Context() context: object): Promise<AdvisoryType[]> {
    let byRule = this.perOperation.get(context);
    if (!byRule) {
      byRule = this.activeByRule();
      this.perOperation.set(context, byRule);
    }
    return (await byRule).get(rule.key) ?? [];
  }

  private async activeByRule(): Promise<Map<string, AdvisoryType[]>> {
    const byRule = new Map<string, AdvisoryType[]>();
    for (const entry of await this.catalog.activeAdvisories()) {
      const list = byRule.get(entry.ruleKey) ?? [];
      list.push(AdvisoryType.of(entry));
      byRule.set(entry.ruleKey, list);
    }
    return byRule;
  }
}
