export {
  defaultQuorum,
  outcomeOf,
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
export {
  MAX_MY_BALLOTS,
  VOTE_CLOSE_JOB,
  VOTE_SWEEP_JOB,
  VotingService,
  type OpenVoteCommand,
} from './application/voting.service';
export { VOTING_ENTITIES } from './persistence/voting-entities';
export * from './application/voting-statistics.service';
