import { Field, ObjectType } from '@nestjs/graphql';

/**
 * The wording of a rule, field by field: what a release says (`Rule`), what a stored version
 * said (`RuleVersion`) and what a proposal would publish (`ProposedRule`) share these fields
 * and their descriptions, declared once here.
 */
@ObjectType({ isAbstract: true })
export abstract class RuleWordingType {
  @Field()
  category!: string;

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
}
