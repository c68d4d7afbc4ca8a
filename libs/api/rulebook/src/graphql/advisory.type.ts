import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AdvisoryEntry } from '@pepite/rulebook-format';

@ObjectType('Advisory', {
  description: 'Interim guidance on a rule, pushed to desktops until it expires or a release supersedes it.',
})
export class AdvisoryType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Gapless publication order, shared with the live feed.' })
  seq!: number;

  @Field()
  ruleKey!: string;

  @Field()
  message!: string;

  @Field()
  publishedAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => Int, { description: 'The rulebook version in force when the advisory was published.' })
  releaseVersion!: number;

  static of(entry: AdvisoryEntry): AdvisoryType {
    return {
      id: entry.id,
      seq: entry.seq,
      ruleKey: entry.ruleKey,
      message: entry.message,
      publishedAt: new Date(entry.publishedAt),
      expiresAt: new Date(entry.expiresAt),
      releaseVersion: entry.releaseVersion,
    };
  }
}
