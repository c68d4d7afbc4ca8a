import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DiffSegmentKind, FieldChangeType, RuleWordingType } from '@pepite/api/rulebook';
import type { ProposalRuleDiff } from '../domain/proposal-diff';
import { changeKeyOf, type ProposedRuleChange } from '../domain/rule-changes';
import { RuleChangeKind } from './proposal-enums';

// What a revision proposes to change in the rulebook, and how each rule reads before and after.

@ObjectType('ProposedRule', { description: 'A rule’s full wording as a proposal revision would publish it.' })
export class ProposedRuleType extends RuleWordingType {
  @Field()
  key!: string;
}

@ObjectType('ProposedRuleChange', {
  description: 'One rule change of a revision, with the full wording resolved when it was made.',
})
export class ProposedRuleChangeType {
  @Field(() => RuleChangeKind)
  kind!: RuleChangeKind;

  @Field()
  ruleKey!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The rule’s revision in force when the proposal revision was made (null for CREATE).',
  })
  baseRevision!: number | null;

  @Field(() => ProposedRuleType, { nullable: true, description: 'The new wording; null for RETIRE.' })
  rule!: ProposedRuleType | null;

  static of(change: ProposedRuleChange): ProposedRuleChangeType {
    return Object.assign(new ProposedRuleChangeType(), {
      kind: RuleChangeKind[change.kind],
      ruleKey: changeKeyOf(change),
      baseRevision: change.baseRevision,
      rule:
        change.kind === 'RETIRE'
          ? null
          : Object.assign(new ProposedRuleType(), change.rule, { tags: [...change.rule.tags] }),
    });
  }
}

@ObjectType('ProposalRuleDiff', { description: 'How one rule reads before and after a revision, field by field.' })
export class ProposalRuleDiffType {
  @Field()
  ruleKey!: string;

  @Field(() => RuleChangeKind, {
    nullable: true,
    description: 'What this revision does to the rule; null when it no longer changes it (against PREVIOUS).',
  })
  kind!: RuleChangeKind | null;

  @Field({ description: 'The rule exists in what is compared from (false: created here, or retired before).' })
  existsBefore!: boolean;

  @Field({ description: 'The rule exists once the revision applies (false: retired).' })
  existsAfter!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'The rule’s revision in force in the latest release; null when none.',
  })
  publishedRevision!: number | null;

  @Field(() => [FieldChangeType], {
    description:
      'The changed fields in reading order, with word-level segments for long texts; an absent rule reads as empty fields.',
  })
  fields!: FieldChangeType[];

  static of(diff: ProposalRuleDiff): ProposalRuleDiffType {
    return Object.assign(new ProposalRuleDiffType(), {
      ruleKey: diff.ruleKey,
      kind: diff.kind === null ? null : RuleChangeKind[diff.kind],
      existsBefore: diff.existsBefore,
      existsAfter: diff.existsAfter,
      publishedRevision: diff.publishedRevision,
      fields: diff.fields.map((change) =>
        Object.assign(new FieldChangeType(), {
          field: change.field,
          before: change.before,
          after: change.after,
          segments:
            change.segments?.map((segment) => ({ kind: DiffSegmentKind[segment.kind], text: segment.text })) ?? null,
        }),
      ),
    });
  }
}
