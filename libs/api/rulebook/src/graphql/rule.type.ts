import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { RuleEntry } from '@pepite/rulebook-format';

/** A rule as it reads in one release; its `advisories` are resolved in RuleAdvisoriesResolver. */
@ObjectType('Rule', { description: 'A rule as it reads in one release.' })
export class RuleType {
  @Field({ description: 'Stable key, such as REFUND-004.' })
  key!: string;

  @Field()
  category!: string;

  @Field(() => Int, { description: 'The rule’s own version number (1 for its first wording), not the release number.' })
  revision!: number;

  @Field()
  title!: string;

  @Field({ description: 'What to do.' })
  statement!: string;

  @Field({ description: 'Why the rule exists.' })
  rationale!: string;

  @Field({ description: 'What the advisor may decide alone.' })
  latitude!: string;

  @Field({ description: 'What to do when the rule does not fit.' })
  escalation!: string;

  @Field({ description: 'The words to explain the rule (or a refusal) to a customer.' })
  customerWording!: string;

  @Field(() => [String])
  tags!: string[];

  @Field({ description: 'Calendar date YYYY-MM-DD.' })
  effectiveFrom!: string;

  static of(entry: RuleEntry): RuleType {
    return { ...entry, tags: [...entry.tags] };
  }
}
