import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../application/idempotency-keys';
import { MAX_PROPOSALS_PAGE } from '../application/proposal-queries.service';
import { PROPOSAL_LIMITS } from '../domain/proposal-text';
import { ProposalDiffBase, ProposalStatus, RuleChangeKind } from './proposal-enums';
import { IdField, PageArgs } from '@pepite/api/graphql-kit';

// Only types and gross sizes are checked here: the use cases check lengths, rule keys and
// the rules in force, and say what is wrong in French and English, field by field.
const MAX_TEXT = 8000;

@InputType({ description: 'One rule change of a proposal: create, amend or retire a rule (docs/design.md, Words).' })
export class RuleChangeInput {
  @Field(() => RuleChangeKind)
  @IsEnum(RuleChangeKind)
  kind!: RuleChangeKind;

  @Field({ description: 'The rule’s key, e.g. REFUND-004 (a new key for CREATE).' })
  @IsString()
  @MaxLength(100)
  ruleKey!: string;

  @Field(() => String, { nullable: true, description: '3 to 160 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  title?: string | null;

  @Field(() => String, { nullable: true, description: '2 to 80 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'What to do, 10 to 4,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  statement?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the rule exists, 10 to 4,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  rationale?: string | null;

  @Field(() => String, { nullable: true, description: 'What the advisor may decide alone, 10 to 4,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  latitude?: string | null;

  @Field(() => String, { nullable: true, description: 'What to do when it does not fit, 10 to 4,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  escalation?: string | null;

  @Field(() => String, { nullable: true, description: 'The words to say it to a customer, 10 to 2,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  customerWording?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 12 tags; none for CREATE when omitted.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD; for CREATE, the day of the revision (site time) when omitted.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  effectiveFrom?: string | null;
}

@InputType({
  description: 'A new proposal: the pépins it answers, a title, its rationale and the rule changes it asks for.',
})
export class CreateProposalInput {
  @Field(() => [ID], {
    description: `The ACKNOWLEDGED pépins of one site it answers (1 to ${PROPOSAL_LIMITS.pepins.max}).`,
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  pepinIds!: string[];

  @Field({ description: `${PROPOSAL_LIMITS.title.min} to ${PROPOSAL_LIMITS.title.max} characters.` })
  @IsString()
  @MaxLength(MAX_TEXT)
  title!: string;

  @Field({ description: `Why, ${PROPOSAL_LIMITS.rationale.min} to ${PROPOSAL_LIMITS.rationale.max} characters.` })
  @IsString()
  @MaxLength(MAX_TEXT)
  rationale!: string;

  @Field(() => [RuleChangeInput], { description: `1 to ${PROPOSAL_LIMITS.changes.max} rule changes, one per rule.` })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RuleChangeInput)
  changes!: RuleChangeInput[];

  @Field(() => String, {
    nullable: true,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  idempotencyKey?: string | null;
}

@InputType({ description: 'A new revision: the whole set of changes again, with a note saying what changed.' })
export class ReviseProposalInput {
  @Field({
    description: `What this revision changes and why, ${PROPOSAL_LIMITS.note.min} to ${PROPOSAL_LIMITS.note.max} characters.`,
  })
  @IsString()
  @MaxLength(MAX_TEXT)
  note!: string;

  @Field(() => [RuleChangeInput], {
    description: 'Every change of the new revision (AMEND fields left out keep the published value).',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RuleChangeInput)
  changes!: RuleChangeInput[];

  @Field(() => String, { nullable: true, description: 'A new title; unchanged when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new rationale; unchanged when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  rationale?: string | null;
}

@ArgsType()
export class ReviseProposalArgs {
  @IdField()
  id!: string;

  @Field(() => ReviseProposalInput)
  @ValidateNested()
  @Type(() => ReviseProposalInput)
  input!: ReviseProposalInput;
}

@ArgsType()
export class InviteCoAuthorArgs {
  @IdField()
  proposalId!: string;

  @IdField({ description: 'A manager or an operator of the proposal’s site.' })
  userId!: string;
}

@ArgsType()
export class InviteReporterArgs {
  @IdField()
  proposalId!: string;

  @IdField({ description: 'One of the pépins the proposal answers: its reporter is invited, unnamed.' })
  pepinId!: string;
}

@ArgsType()
export class RespondToCoAuthorInvitationArgs {
  @IdField()
  proposalId!: string;

  @Field()
  @IsBoolean()
  accept!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Operators invited as a pépin’s reporter: stay anonymous as a co-author (the default); false to be named. Refused (true) on an invitation by name: that co-author signs.',
  })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;
}

@InputType()
export class CommentOnProposalInput {
  @IdField()
  proposalId!: string;

  @Field(() => Int, { description: 'The revision the comment is about.' })
  @IsInt()
  revision!: number;

  @Field(() => ID, { nullable: true, description: 'The comment answered (same revision); a new thread when omitted.' })
  @IsOptional()
  @IsString()
  parentId?: string | null;

  @Field({ description: `${PROPOSAL_LIMITS.comment.min} to ${PROPOSAL_LIMITS.comment.max} characters.` })
  @IsString()
  @MaxLength(MAX_TEXT)
  body!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Operators: show your name on it (anonymous when omitted). Managers always act under their name.',
  })
  @IsOptional()
  @IsBoolean()
  signed?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  idempotencyKey?: string | null;
}

@ArgsType()
export class EndorseProposalArgs {
  @IdField()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: `Why you support it (at most ${PROPOSAL_LIMITS.endorsementComment.max} characters); unchanged when omitted, removed when empty.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  comment?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Show your name on it; unchanged (anonymous at first) when omitted.',
  })
  @IsOptional()
  @IsBoolean()
  signed?: boolean | null;
}

@ArgsType()
export class ProposalsArgs extends PageArgs(MAX_PROPOSALS_PAGE) {
  @Field(() => ProposalStatus, { nullable: true, description: 'Only proposals with this status.' })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus | null;
}

@ArgsType()
export class ProposalIdArgs {
  @IdField()
  id!: string;
}

@ArgsType()
export class RevisionNumberArgs {
  @Field(() => Int, { nullable: true, description: 'The current revision when omitted.' })
  @IsOptional()
  @IsInt()
  number?: number | null;
}

@ArgsType()
export class DiffArgs {
  @Field(() => ProposalDiffBase, { defaultValue: ProposalDiffBase.PUBLISHED })
  @IsEnum(ProposalDiffBase)
  against: ProposalDiffBase = ProposalDiffBase.PUBLISHED;
}
