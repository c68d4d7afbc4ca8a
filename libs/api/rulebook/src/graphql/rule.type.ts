import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { RuleEntry } from '@pepite/rulebook-format';
import { RuleWordingType } from './rule-wording.type';

/** A rule as it reads in one release; its `advisories` are resolved in RuleAdvisoriesResolver. */
@ObjectType('Rule', { description: 'A rule as it reads in one release.' })
export class RuleType extends RuleWordingType {
  @Field({ description: 'Stable key, such as REFUND-004.' })
  key!: string;

  @Field(() => Int, { description: 'The rule’s own version number (1 for its first wording), not the release number.' })
  revision!: number;

  static of(entry: RuleEntry): RuleType {
    return { ...entry, tags: [...entry.tags] };
  }
}
