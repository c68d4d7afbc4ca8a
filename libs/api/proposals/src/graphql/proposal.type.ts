import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, fromView } from '@pepite/api/graphql-kit';
import { PepinStatus, type PepinLinkView } from '@pepite/api/pepins';
import type {
  AuthorView,
  CoAuthorView,
  CommentView,
  EndorsementView,
  MyCoAuthorshipView,
  ProposalView,
  ProposalViewer,
  RevisionView,
} from '../application/proposal-views';
import { CoAuthorStatus, ParticipantKind, ProposalStatus } from './proposal-enums';
import { ProposedRuleChangeType } from './proposed-rule-change.type';
import type { ProposedRuleChange } from '../domain/rule-changes';

@ObjectType('ProposalPerson', { description: 'Someone shown by name: a manager, or an operator who chose it.' })
export class ProposalPersonType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}

@ObjectType('ProposalAuthor', {
  description:
    'Who wrote something on a proposal: by name for managers and for operators who chose it, a label otherwise.',
})
export class ProposalAuthorType {
  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field({ description: 'In the caller’s language: “Opérateur” / “Operator”, “Co-auteur (opérateur)”, “Manager”…' })
  label!: string;

  @Field({ description: 'The caller wrote it.' })
  mine!: boolean;

  /** Resolved to `person`; null when the author is not named. */
  personId!: string | null;

  static of(view: AuthorView): ProposalAuthorType {
    return Object.assign(new ProposalAuthorType(), view);
  }
}

@ObjectType('ProposalComment', { description: 'A comment on a revision; threads through `parentId`.' })
export class ProposalCommentType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The revision it is about.' })
  revision!: number;

  @Field(() => ID, { nullable: true, description: 'The comment it answers.' })
  parentId!: string | null;

  @Field(() => Int, { description: '0 for a thread’s first comment, 1 for a reply to it, and so on.' })
  depth!: number;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;

  @Field(() => ProposalAuthorType, { description: 'An operator is named only on a comment they signed.' })
  author!: ProposalAuthorType;

  static of(view: CommentView): ProposalCommentType {
    return Object.assign(new ProposalCommentType(), {
      id: view.id,
      revision: view.revision,
      parentId: view.parentId,
      depth: view.depth,
      body: view.body,
      createdAt: view.createdAt,
      author: ProposalAuthorType.of(view.author),
    });
  }
}

@ObjectType('ProposalRevision', { description: 'One immutable revision of a proposal.' })
export class ProposalRevisionType {
  @Field(() => Int)
  number!: number;

  @Field(() => String, { nullable: true, description: 'What it changes and why; null for the first.' })
  note!: string | null;

  @Field({ description: 'The proposal’s title as of this revision.' })
  title!: string;

  @Field({ description: 'The proposal’s rationale as of this revision.' })
  rationale!: string;

  @Field(() => Int, { description: 'The latest release when it was made (0: none yet).' })
  baseRelease!: number;

  @Field()
  createdAt!: Date;

  @Field(() => ProposalAuthorType, {
    description: 'Managers by name; an operator co-author as “co-author (operator)” unless they chose to be named.',
  })
  author!: ProposalAuthorType;

  @Field(() => [ProposedRuleChangeType])
  changes!: ProposedRuleChangeType[];

  /** For the diff and comments fields. */
  proposalId!: string;
  rawChanges!: readonly ProposedRuleChange[];
  viewer!: ProposalViewer;

  static of(view: RevisionView): ProposalRevisionType {
    return Object.assign(new ProposalRevisionType(), {
      number: view.number,
      note: view.note,
      title: view.title,
      rationale: view.rationale,
      baseRelease: view.baseRelease,
      createdAt: view.createdAt,
      author: ProposalAuthorType.of(view.author),
      changes: view.changes.map((change) => ProposedRuleChangeType.of(change)),
      proposalId: view.proposalId,
      rawChanges: view.changes,
      viewer: view.viewer,
    });
  }
}

@ObjectType('ProposalCoAuthor', {
  description: 'A co-author. Operators appear once they accept, by name only if they chose it.',
})
export class ProposalCoAuthorType {
  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => CoAuthorStatus)
  status!: CoAuthorStatus;

  @Field({ description: 'An operator co-author who stays anonymous.' })
  anonymous!: boolean;

  @Field(() => ProposalAuthorType)
  author!: ProposalAuthorType;

  @Field(() => Date, { nullable: true, description: 'When invited; null for an anonymous operator.' })
  since!: Date | null;

  static of(view: CoAuthorView): ProposalCoAuthorType {
    return Object.assign(new ProposalCoAuthorType(), { ...view, author: ProposalAuthorType.of(view.author) });
  }
}

@ObjectType('ProposalCoAuthorship', { description: 'The caller’s own invitation to co-author.' })
export class ProposalCoAuthorshipType {
  @Field(() => CoAuthorStatus)
  status!: CoAuthorStatus;

  @Field()
  anonymous!: boolean;

  @Field({
    description:
      'Invited as the reporter of one of its pépins, the inviter not knowing who: may stay anonymous. False: invited by name, co-signs under that name.',
  })
  asReporter!: boolean;

  @Field()
  invitedAt!: Date;

  static of(view: MyCoAuthorshipView): ProposalCoAuthorshipType {
    return Object.assign(new ProposalCoAuthorshipType(), view);
  }
}

@ObjectType('ProposalEndorsement', { description: 'An operator’s support, named only when signed.' })
export class ProposalEndorsementType {
  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  signed!: boolean;

  @Field(() => ProposalAuthorType)
  author!: ProposalAuthorType;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  static of(view: EndorsementView): ProposalEndorsementType {
    return Object.assign(new ProposalEndorsementType(), { ...view, author: ProposalAuthorType.of(view.author) });
  }
}

@ObjectType('ProposalPepin', { description: 'A pépin a proposal answers (nothing about who filed it).' })
export class ProposalPepinType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'PEP-000123' })
  reference!: string;

  @Field()
  title!: string;

  @Field(() => PepinStatus)
  status!: PepinStatus;

  static of(link: PepinLinkView): ProposalPepinType {
    return Object.assign(new ProposalPepinType(), link);
  }
}

@ObjectType('Proposal', {
  description:
    'A co-designed change to one or more rules, with revisions, diffs, comments, co-authors and endorsements.',
})
export class ProposalType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'PROP-000012' })
  reference!: string;

  @Field()
  title!: string;

  @Field()
  rationale!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => Int, { description: 'The latest revision’s number.' })
  currentRevision!: number;

  @Field()
  createdAt!: Date;

  @Field({ description: 'The last revision or status change.' })
  updatedAt!: Date;

  view!: ProposalView;

  static of(view: ProposalView): ProposalType {
    return fromView(ProposalType, view);
  }
}

@ObjectType('ProposalConnection', { description: 'Proposals, newest first.' })
export class ProposalConnectionType extends ConnectionOf('Proposal', ProposalType) {
  @Field(() => Int, { description: 'Proposals under the filter.' })
  totalCount!: number;
}
