import { Role } from '@pepite/api/identity';
import type { TestUser } from '@pepite/test-support';
import { amendStatement } from '../../support/proposal-graphql';
import { approvedProposal, PUBLISH_RELEASE } from '../../support/publication-graphql';
import type { Deployment } from './deployment';

let published = 0;

/**
 * A release published through GraphQL on one instance's own port (four eyes: an approved
 * proposal by one manager, published by another); returns its version.
 */
export async function publishThrough(deployment: Deployment, instance: number): Promise<number> {
  const { setup } = deployment;
  const site = await setup.world.newSite();
  const reporter: TestUser = await setup.world.newUser(Role.OPERATOR, { site });
  const author = await setup.world.newUser(Role.MANAGER, { site });
  const publisher = await setup.world.newUser(Role.MANAGER, { site });
  published++;
  const { proposal } = await approvedProposal(setup, reporter, author, [amendStatement('REFUND-001', `Procédure révisée n° ${published}.`)]);
  const api = deployment.instances[instance];
  if (!api) throw new Error(`no instance ${instance}`);
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${publisher.token}` },
    body: JSON.stringify({ query: PUBLISH_RELEASE, variables: { input: { proposalIds: [proposal.id] } } }),
  });
  const body = (await response.json()) as { data?: { publishRelease: { version: number } }; errors?: unknown };
  if (!body.data) throw new Error(`publishRelease failed on ${api.name}: ${JSON.stringify(body.errors)}`);
  return body.data.publishRelease.version;
}
