import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { BallotView, VoteView } from '../application/vote-views';
import { VoteChoice, VoteOutcome, VoteStatus, VoteThreshold } from '../domain/vote';

registerEnumType(VoteChoice, {
  name: 'VoteChoice',
  description: 'A manager’s ballot: APPROVE, REJECT (with a reason) or ABSTAIN.',
});
registerEnumType(VoteStatus, {
  name: 'VoteStatus',
  description:
    'OPEN until the deadline, or until the ballots settle the outcome (everyone has voted, or the others cannot change it), an early close or a cancellation.',
});
registerEnumType(VoteOutcome, { name: 'VoteOutcome', description: 'How a closed vote ended.' });
registerEnumType(VoteThreshold, {
  name: 'VoteThreshold',
  description:
    'How cast ballots decide: SIMPLE_MAJORITY = more APPROVE than REJECT (abstentions count for the quorum only).',
});

@ObjectType('BallotManager', { description: 'The manager who cast a ballot (managers vote under their name).' })
export class BallotManagerType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}

@ObjectType('Ballot', { description: 'A manager’s ballot on a vote: one per manager, the last choice counts.' })
export class BallotType {
  @Field(() => ID)
  voteId!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => VoteChoice)
  choice!: VoteChoice;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'The first cast.' })
  castAt!: Date;

  @Field({ description: 'The last change of mind.' })
  updatedAt!: Date;

  @Field(() => BallotManagerType)
  manager!: BallotManagerType;

  static of(view: BallotView): BallotType {
    return Object.assign(new BallotType(), { ...view, manager: Object.assign(new BallotManagerType(), view.manager) });
  }
}

@ObjectType('VoteTally')
export class VoteTallyType {
  @Field(() => Int)
  approve!: number;

  @Field(() => Int)
  reject!: number;

  @Field(() => Int)
  abstain!: number;

  @Field(() => Int, { description: 'Every ballot, abstentions included (what the quorum counts).' })
  cast!: number;
}

@ObjectType('Vote', { description: 'Managers’ vote on a proposal’s frozen revision.' })
export class VoteType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { description: 'The revision voted on, frozen while the vote is open.' })
  revision!: number;

  @Field()
  openedAt!: Date;

  @Field()
  closesAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int)
  quorum!: number;

  @Field(() => VoteThreshold)
  threshold!: VoteThreshold;

  @Field()
  resultsHidden!: boolean;

  @Field(() => Int, { description: 'The site’s active managers when the vote opened.' })
  electorateSize!: number;

  @Field(() => Int)
  castCount!: number;

  @Field(() => VoteStatus)
  status!: VoteStatus;

  @Field(() => VoteOutcome, { nullable: true })
  outcome!: VoteOutcome | null;

  @Field(() => VoteTallyType, {
    nullable: true,
    description: 'Null while the vote is open with hidden results, and for operators until it closes.',
  })
  tally!: VoteTallyType | null;

  @Field(() => [String], { nullable: true, description: 'The reasons of the REJECT ballots, once closed.' })
  rejectReasons!: string[] | null;

  @Field(() => BallotType, { nullable: true, description: 'The caller’s own ballot.' })
  myBallot!: BallotType | null;

  @Field(() => [BallotType], {
    nullable: true,
    description:
      'Every ballot with its manager: managers and admins only, and not while results are hidden and the vote open.',
  })
  ballots!: BallotType[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'While open, for whoever sees the tally: the fewest more APPROVE ballots that would settle the vote approved (0: settled); null when none could, when hidden, or once closed.',
  })
  approvalsNeeded!: number | null;

  @Field({ description: 'The caller may call the vote off now (its opener or an admin, while open).' })
  canCancel!: boolean;

  @Field({ description: 'The caller may close the vote early now (its opener or an admin, the quorum reached).' })
  canClose!: boolean;

  static of(view: VoteView): VoteType {
    return Object.assign(new VoteType(), {
      ...view,
      tally: view.tally ? Object.assign(new VoteTallyType(), view.tally) : null,
      rejectReasons: view.rejectReasons ? [...view.rejectReasons] : null,
      myBallot: view.myBallot ? BallotType.of(view.myBallot) : null,
      ballots: view.ballots ? view.ballots.map((b) => BallotType.of(b)) : null,
    });
  }
}
