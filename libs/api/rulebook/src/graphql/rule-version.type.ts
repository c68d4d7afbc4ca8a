import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { RuleEntry } from '@pepite/rulebook-format';

@ObjectType('RuleVersion', { description: 'One stored wording of a rule, with the releases in which it was in force.' })
export class RuleVersionType {
  @Field(() => Int)
  revision!: number;

  @Field()
  category!: string;

  @Field()
  title!: string;

  @Field()
  statement!: string;

  @Field()
  rationale!: string;

  @Field()
  latitude!: string;

  @Field()
  escalation!: string;

  @Field()
  customerWording!: string;

  @Field(() => [String])
  tags!: string[];

  @Field({ description: 'Calendar date YYYY-MM-DD.' })
  effectiveFrom!: string;

  @Field(() => Int, { description: 'The release that introduced this wording.' })
  createdInRelease!: number;

  @Field(() => [Int], { description: 'Every release in which this wording was in force, oldest first.' })
  inReleases!: number[];

  static of({
    entry,
    createdInRelease,
    inReleases,
  }: {
    entry: RuleEntry;
    createdInRelease: number;
    inReleases: number[];
  }): RuleVersionType {
    return { ...entry, tags: [...entry.tags], createdInRelease, inReleases: [...inReleases] };
  }
}
