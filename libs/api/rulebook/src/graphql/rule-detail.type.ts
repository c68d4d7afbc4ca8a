import { Field, ObjectType } from '@nestjs/graphql';
import type { RuleEntry } from '@pepite/rulebook-format';
import { RuleVersionType } from './rule-version.type';
import { RuleType } from './rule.type';

@ObjectType('RuleDetail', { description: 'A rule with every wording it has had.' })
export class RuleDetailType {
  @Field()
  key!: string;

  @Field(() => RuleType, {
    nullable: true,
    description: 'The rule as it reads in the latest release; null when it is retired.',
  })
  current!: RuleType | null;

  @Field(() => [RuleVersionType], { description: 'Every revision, oldest first.' })
  history!: RuleVersionType[];

  /** The stored wordings by revision, for `diff`; not exposed. */
  revisions!: ReadonlyMap<number, RuleEntry>;
}
