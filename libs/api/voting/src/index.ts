export {
  defaultQuorum,
  outcomeOf,
  settledOutcome,
  tallyOf,
  VOTE_LIMITS,
  VoteChoice,
  VoteOutcome,
  VoteStatus,
  VoteThreshold,
  type Tally,
} from './domain/vote';
export * from './voting.errors';
export * from './voting.module';
export type { ApprovalRecord, BallotView, VoteView } from './application/vote-views';
export { VotingService } from './application/voting.service';
export { MAX_MY_BALLOTS } from './application/vote-queries.service';
export { VOTE_CLOSE_JOB, VOTE_SWEEP_JOB } from './application/vote-deadlines.service';
export type { OpenVoteCommand } from './application/vote-opening.service';
export { VOTING_ENTITIES } from './persistence/voting-entities';
export * from './application/voting-statistics.service';
