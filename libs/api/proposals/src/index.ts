export {
  CoAuthorStatus,
  ParticipantKind,
  PROPOSAL_TRANSITIONS,
  ProposalStatus,
  statusAfterRevision,
  canTransition as canProposalTransition,
  isClosed as isProposalClosed,
} from './domain/proposal-status';
export { proposalReference } from './domain/proposal';
export type { ProposedRuleChange, RuleChangeRequest, RuleChangeKindName } from './domain/rule-changes';
export { toRuleChange, changeKeyOf } from './domain/rule-changes';
export type { DiffBase, ProposalRuleDiff } from './domain/proposal-diff';
export { PROPOSAL_LIMITS } from './domain/proposal-text';
export * from './proposals.errors';
export * from './proposals.module';
// What each view of a proposal holds (types only: the views are built inside the context).
export type * from './application/proposal-views';
export * from './application/proposal-authoring.service';
export * from './application/co-author-invitations.service';
export * from './application/proposal-discussion.service';
export * from './application/proposal-queries.service';
export * from './application/proposal-workflow.service';
export { ProposalPublication } from './application/proposal-publication.service';
export {
  MIN_ROLLBACK_REASON,
  type PublicationOptions,
  type PublishReleaseCommand,
  type PublishedRelease,
} from './application/publication-commands';
export { PublicationErrors } from './proposal-publication.errors';
export * from './persistence/proposals-entities';
/** The GraphQL `Proposal` type, for contexts whose mutations answer a proposal (openVote). */
export { ProposalType } from './graphql/proposal.type';
export * from './application/proposal-statistics.service';
