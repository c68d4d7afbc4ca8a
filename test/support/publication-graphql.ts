import { PepinStatus, PepinTriage } from '@pepite/api/pepins';
import { ProposalStatus, ProposalWorkflow } from '@pepite/api/proposals';
import type { RulebookSnapshot } from '@pepite/rulebook-format';
import {
  acknowledgedPepin,
  createProposal,
  INVITE_CO_AUTHOR,
  RESPOND_TO_INVITATION,
  type ProposalJson,
} from './proposal-graphql';
import type { TestApi } from './test-api';
import { authenticated, type TestUser } from './test-world';

export const RELEASE_FIELDS =
  'version sha256 publishedAt notes changes { added amended retired restoredFrom } answeredPepins proposals';
export const PUBLISH_RELEASE = `mutation Publish($input: PublishReleaseInput!) { publishRelease(input: $input) { ${RELEASE_FIELDS} } }`;

export interface PublishedReleaseJson {
  readonly version: number;
  readonly sha256: string;
  readonly publishedAt: string;
  readonly notes: string | null;
  readonly changes: { added: string[]; amended: string[]; retired: string[]; restoredFrom: number | null };
  readonly answeredPepins: string[];
  readonly proposals: string[];
}

/**
 * A proposal brought to APPROVED without a vote: its pépin moved to IN_VOTE and the
 * proposal IN_DESIGN → IN_VOTE → APPROVED through the workflow hooks the voting context
 * drives. (The whole loop with real ballots is tested once the voting context lands.)
 */
export async function approvedProposal(
  api: TestApi,
  reporter: TestUser,
  author: TestUser,
  changes: Record<string, unknown>[],
  coAuthor?: TestUser,
): Promise<{ proposal: ProposalJson; pepinId: string }> {
  const pepinId = await acknowledgedPepin(api, reporter, author);
  const proposal = await createProposal(api, author, [pepinId], changes);
  if (coAuthor) {
    await api.graphql.ok(INVITE_CO_AUTHOR, { proposalId: proposal.id, userId: coAuthor.id }, { token: author.token });
    await api.graphql.ok(RESPOND_TO_INVITATION, { proposalId: proposal.id, accept: true }, { token: coAuthor.token });
  }
  await api.app.get(PepinTriage).moveToStatus([pepinId], PepinStatus.IN_VOTE, authenticated(author), null);
  const workflow = api.app.get(ProposalWorkflow);
  await workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE);
  await workflow.setStatus(proposal.id, ProposalStatus.IN_VOTE, ProposalStatus.APPROVED);
  return { proposal, pepinId };
}

/** The feed's latest snapshot, read with a signed-in user's token. */
export async function latestSnapshot(api: TestApi, user: TestUser): Promise<RulebookSnapshot> {
  const response = await fetch(`${api.baseUrl}/api/rulebook/releases/latest`, {
    headers: { authorization: `Bearer ${user.token}`, 'accept-encoding': 'identity' },
  });
  if (response.status !== 200) throw new Error(`feed answered ${response.status}`);
  return (await response.json()) as RulebookSnapshot;
}
