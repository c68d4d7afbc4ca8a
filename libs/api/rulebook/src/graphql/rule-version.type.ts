import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { RuleEntry } from '@pepite/rulebook-format';
import { RuleWordingType } from './rule-wording.type';

@ObjectType('RuleVersion', { description: 'One stored wording of a rule, with the releases in which it was in force.' })
export class RuleVersionType extends RuleWordingType {
  @Field(() => Int)
  revision!: number;

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
