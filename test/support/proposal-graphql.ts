import { PepinTriage } from '@pepite/api/pepins';
import type { ProposalStatus } from '@pepite/api/proposals';
import { RulebookPublisher, type RuleDraft } from '@pepite/api/rulebook';
import { sampleRule } from './rulebook-fixtures';
import type { TestApi } from './test-api';
import { authenticated, type TestUser } from './test-world';

/** The proposal fields most tests read. */
export const PROPOSAL_FIELDS = `id reference title rationale status currentRevision createdAt updatedAt
  createdBy { id displayName }
  pepins { id reference title status }
  coAuthors { kind status anonymous since author { kind label mine person { id displayName } } }
  myCoAuthorship { status anonymous }
  endorsementCount commentCount
  endorsements { comment signed author { kind label mine person { id displayName } } }
  myEndorsement { comment signed }
  revisions { number note title baseRelease author { kind label mine person { id displayName } }
    changes { kind ruleKey baseRevision rule { key category title statement rationale latitude escalation customerWording tags effectiveFrom } } }`;

export const CREATE_PROPOSAL = `mutation Create($input: CreateProposalInput!) { createProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const REVISE_PROPOSAL = `mutation Revise($id: ID!, $input: ReviseProposalInput!) { reviseProposal(id: $id, input: $input) { ${PROPOSAL_FIELDS} } }`;
export const INVITE_CO_AUTHOR = `mutation Invite($proposalId: ID!, $userId: ID!) { inviteCoAuthor(proposalId: $proposalId, userId: $userId) { ${PROPOSAL_FIELDS} } }`;
export const INVITE_REPORTER = `mutation InviteReporter($proposalId: ID!, $pepinId: ID!) { inviteReporter(proposalId: $proposalId, pepinId: $pepinId) { ${PROPOSAL_FIELDS} } }`;
export const RESPOND_TO_INVITATION = `mutation Respond($proposalId: ID!, $accept: Boolean!, $anonymous: Boolean) {
  respondToCoAuthorInvitation(proposalId: $proposalId, accept: $accept, anonymous: $anonymous) { ${PROPOSAL_FIELDS} } }`;
export const COMMENT_ON_PROPOSAL = `mutation Comment($input: CommentOnProposalInput!) {
  commentOnProposal(input: $input) { id revision parentId depth body createdAt author { kind label mine person { id displayName } } } }`;
export const ENDORSE_PROPOSAL = `mutation Endorse($id: ID!, $comment: String, $signed: Boolean) {
  endorseProposal(id: $id, comment: $comment, signed: $signed) { ${PROPOSAL_FIELDS} } }`;
export const PROPOSAL = `query Proposal($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const PROPOSALS = `query Proposals($status: ProposalStatus, $first: Int, $after: String) {
  proposals(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id reference status title } } } }`;
export const REVISION_DIFF = `query Diff($id: ID!, $number: Int, $against: ProposalDiffBase!) {
  proposal(id: $id) { revision(number: $number) { number
    diff(against: $against) { ruleKey kind existsBefore existsAfter publishedRevision
      fields { field before after segments { kind text } } } } } }`;
export const REVISION_COMMENTS = `query Comments($id: ID!, $number: Int) {
  proposal(id: $id) { revision(number: $number) { number
    comments { id revision parentId depth body author { kind label mine person { id displayName } } } } } }`;

export interface AuthorJson {
  readonly kind: string;
  readonly label: string;
  readonly mine: boolean;
  readonly person: { id: string; displayName: string } | null;
}

export interface RuleChangeJson {
  readonly kind: 'CREATE' | 'AMEND' | 'RETIRE';
  readonly ruleKey: string;
  readonly baseRevision: number | null;
  readonly rule: (Omit<RuleDraft, 'tags'> & { tags: string[] }) | null;
}

export interface ProposalJson {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly rationale: string;
  readonly status: ProposalStatus;
  readonly currentRevision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: { id: string; displayName: string } | null;
  readonly pepins: { id: string; reference: string; title: string; status: string }[];
  readonly coAuthors: { kind: string; status: string; anonymous: boolean; since: string | null; author: AuthorJson }[];
  readonly myCoAuthorship: { status: string; anonymous: boolean } | null;
  readonly endorsementCount: number;
  readonly commentCount: number;
  readonly endorsements: { comment: string | null; signed: boolean; author: AuthorJson }[];
  readonly myEndorsement: { comment: string | null; signed: boolean } | null;
  readonly revisions: {
    number: number;
    note: string | null;
    title: string;
    baseRelease: number;
    author: AuthorJson;
    changes: RuleChangeJson[];
  }[];
}

export interface RuleDiffJson {
  readonly ruleKey: string;
  readonly kind: string | null;
  readonly existsBefore: boolean;
  readonly existsAfter: boolean;
  readonly publishedRevision: number | null;
  readonly fields: {
    field: string;
    before: string;
    after: string;
    segments: { kind: string; text: string }[] | null;
  }[];
}

export interface CommentJson {
  readonly id: string;
  readonly revision: number;
  readonly parentId: string | null;
  readonly depth: number;
  readonly body: string;
  readonly author: AuthorJson;
}

/** Rules created in one release, each with the sample wording; returns the release's version. */
export async function publishSampleRules(api: TestApi, keys: string[]): Promise<number> {
  const release = await api.app
    .get(RulebookPublisher)
    .publish({ changes: keys.map((key) => ({ kind: 'CREATE' as const, rule: sampleRule(key) })) });
  return release.version;
}

/** A pépin filed by `reporter` and acknowledged by `manager` (ready for a proposal). */
export async function acknowledgedPepin(api: TestApi, reporter: TestUser, manager: TestUser): Promise<string> {
  const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
  await api.app.get(PepinTriage).acknowledgePepin(authenticated(manager), pepin.id);
  return pepin.id;
}

/** An AMEND of a sample rule's statement, the other fields left to their published value. */
export function amendStatement(ruleKey: string, statement: string): Record<string, unknown> {
  return { kind: 'AMEND', ruleKey, statement };
}

export async function createProposal(
  api: TestApi,
  manager: TestUser,
  pepinIds: string[],
  changes: Record<string, unknown>[],
  title = 'Rembourser sans justificatif sous 30 €',
): Promise<ProposalJson> {
  const data = await api.graphql.ok<{ createProposal: ProposalJson }>(
    CREATE_PROPOSAL,
    {
      input: {
        pepinIds,
        title,
        rationale:
          'Les clients attendent trop longtemps pour de petites sommes : la règle coûte plus qu’elle ne protège.',
        changes,
      },
    },
    { token: manager.token },
  );
  return data.createProposal;
}

/** A proposal by `manager` answering a new pépin of `reporter` (filed and acknowledged first). */
export async function proposalForNewPepin(
  api: TestApi,
  reporter: TestUser,
  manager: TestUser,
  changes: Record<string, unknown>[],
): Promise<ProposalJson> {
  return createProposal(api, manager, [await acknowledgedPepin(api, reporter, manager)], changes);
}

export async function readProposal(api: TestApi, id: string, user: TestUser): Promise<ProposalJson> {
  return (await api.graphql.ok<{ proposal: ProposalJson }>(PROPOSAL, { id }, { token: user.token })).proposal;
}
