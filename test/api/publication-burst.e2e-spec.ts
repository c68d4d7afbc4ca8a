import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { Clock } from '@pepite/api/database';
import { VotingService } from '@pepite/api/voting';
import { authenticated, sampleRule, startTestApi, type GraphqlResponse, type TestApi, type TestUser } from '@pepite/test-support';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';
import { approvedProposal, PUBLISH_RELEASE } from '../support/publication-graphql';

/**
 * 20 concurrent publishes of one approved proposal, 50 managers voting and operators reading
 * at the same moment, on the default pool of 10: publications wait for one another without
 * holding connections, so nobody else notices. (Before: 11 publishes and an unrelated
 * `{ me { id } }` failed with SERVICE_UNAVAILABLE, the pool drained by waiting publishes.)
 */
const CAST_VOTE = 'mutation($proposalId: ID!) { castVote(proposalId: $proposalId, choice: APPROVE) { choice } }';
const ME = '{ me { id } }';
const DAY = 24 * 60 * 60 * 1000;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ DB_POOL_SIZE: '10' });
  await api.app.get(RulebookPublisher).publish({
    changes: ['REFUND-001', 'REFUND-002'].map((key) => ({ kind: 'CREATE' as const, rule: sampleRule(key) })),
  });
});
afterAll(() => api?.close());

function p99(durations: number[]): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}

it('20 publishes + 50 votes + 10 unrelated reads at once: one release, every other publish its own domain error, nothing else fails', async () => {
  const site = await api.world.newSite();
  const author = await api.world.newUser(Role.MANAGER, { site });
  const publisher = await api.world.newUser(Role.MANAGER, { site });
  const reporter = await api.world.newUser(Role.OPERATOR, { site });
  const { proposal } = await approvedProposal(api, reporter, author, [amendStatement('REFUND-001', 'Rembourser sous 40 €.')]);
  // A second proposal of the same site, open for the votes of 50 managers.
  // One after another: fifty argon2 hashes at once would drain the pool before the burst starts.
  const voters: TestUser[] = [];
  for (let i = 0; i < 50; i++) voters.push(await api.world.newUser(Role.MANAGER, { site }));
  const pepin = await acknowledgedPepin(api, reporter, author);
  const voted = await createProposal(api, author, [pepin], [amendStatement('REFUND-002', 'Échanger sous 30 jours.')]);
  await api.app.get(VotingService).openVote(authenticated(author), {
    proposalId: voted.id,
    closesAt: new Date(api.app.get(Clock).now().getTime() + DAY),
  });
  const bystanders = await Promise.all([1, 2].map(() => api.world.newUser(Role.OPERATOR, { site })));

  const timed = async (kind: string, send: () => Promise<GraphqlResponse>) => {
    const started = performance.now();
    const response = await send();
    return { kind, ms: performance.now() - started, code: response.errors?.[0]?.extensions?.code ?? 'OK' };
  };
  const results = await Promise.all([
    ...Array.from({ length: 20 }, () =>
      timed('publish', () => api.graphql.request(PUBLISH_RELEASE, { input: { proposalIds: [proposal.id] } }, { token: publisher.token })),
    ),
    ...voters.map((voter) => timed('vote', () => api.graphql.request(CAST_VOTE, { proposalId: voted.id }, { token: voter.token }))),
    ...Array.from({ length: 10 }, (_, i) => timed('me', () => api.graphql.request(ME, {}, { token: bystanders[i % 2]!.token }))),
  ]);

  const codes = (kind: string) => results.filter((r) => r.kind === kind).map((r) => r.code);
  const tally = (kind: string) => codes(kind).reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
  console.info(
    `publish+vote burst (pool 10): publishes ${JSON.stringify(tally('publish'))}, votes ${JSON.stringify(tally('vote'))}, ` +
      `reads ${JSON.stringify(tally('me'))}; p99 ${p99(results.map((r) => r.ms)).toFixed(0)} ms ` +
      `(publish ${p99(results.filter((r) => r.kind === 'publish').map((r) => r.ms)).toFixed(0)} ms, ` +
      `vote ${p99(results.filter((r) => r.kind === 'vote').map((r) => r.ms)).toFixed(0)} ms, ` +
      `read ${p99(results.filter((r) => r.kind === 'me').map((r) => r.ms)).toFixed(0)} ms)`,
  );
  expect(codes('publish').filter((c) => c === 'OK')).toHaveLength(1);
  for (const failure of codes('publish').filter((c) => c !== 'OK')) {
    expect(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']).not.toContain(failure);
  }
  // Once the outcome is settled the vote closes, and later ballots find no open vote:
  // NOT_FOUND, their own domain error. None may fail for want of a connection.
  expect(codes('vote').filter((c) => c !== 'OK' && c !== 'NOT_FOUND')).toEqual([]);
  expect(codes('vote')).toContain('OK');
  expect(codes('me')).toEqual(Array(10).fill('OK'));
}, 600_000);
