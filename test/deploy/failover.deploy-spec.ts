import { Role } from '@pepite/api/identity';
import { VotingService } from '@pepite/api/voting';
import { authenticated, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, createProposal, publishSampleRules } from '../support/proposal-graphql';
import { Deployment } from './support/deployment';
import { publishThrough } from './support/publication';
import { ResumingSse } from './support/resuming-sse';
import { waitUntil } from './support/wait';
import { WriteLoad, type LoadPeople } from './support/write-load';

/**
 * Losing and restarting instances behind nginx, under load: (b) SIGKILL mid-burst, (c) a
 * rolling restart with SIGTERM, (f) the login limits shared by the three instances.
 * Figures are printed for the closing note of issue 16.
 */

const DAY = 24 * 60 * 60 * 1000;

function report(scenario: string, figures: Record<string, unknown>): void {
  process.stderr.write(`deployment figures ${scenario}: ${JSON.stringify(figures)}\n`);
}

describe('deployment: instances lost and restarted under load', () => {
  let deployment: Deployment;
  let people: LoadPeople;
  let reader: TestUser;

  beforeAll(async () => {
    deployment = await Deployment.start(3);
    const { setup } = deployment;
    await publishSampleRules(setup, ['REFUND-001', 'REFUND-002']);
    reader = await setup.world.newUser(Role.OPERATOR);
    const site = await setup.world.newSite();
    const opener = await setup.world.newUser(Role.MANAGER, { site });
    const managers: TestUser[] = [];
    for (let i = 0; i < 3; i++) managers.push(await setup.world.newUser(Role.MANAGER, { site }));
    const operators: TestUser[] = [];
    for (let i = 0; i < 4; i++) operators.push(await setup.world.newUser(Role.OPERATOR, { site }));
    const supportable = [];
    for (const operator of operators) supportable.push({ id: (await setup.world.newPepin(operator, { noRuleApplies: true })).id, reporterId: operator.id });
    const proposalIds: string[] = [];
    for (let i = 1; i <= 2; i++) {
      const pepin = await acknowledgedPepin(setup, operators[0] as TestUser, opener);
      const proposal = await createProposal(setup, opener, [pepin], [amendStatement(`REFUND-00${i}`, `Nouvelle procédure ${i}.`)]);
      // The whole electorate as quorum and the opener never votes: no vote settles early.
      await setup.app.get(VotingService).openVote(authenticated(opener), { proposalId: proposal.id, closesAt: new Date(Date.now() + DAY), quorum: managers.length + 1 });
      proposalIds.push(proposal.id);
    }
    people = { operators, managers, supportable, proposalIds };
  }, 420_000);

  afterAll(async () => {
    await deployment?.stop();
  }, 60_000);

  /** Each acknowledged write is in the database exactly once, with its acknowledged content. */
  async function expectEveryAcknowledgedWriteOnce(load: WriteLoad): Promise<{ filed: number; supports: number; ballots: number }> {
    const { setup } = deployment;
    const keys = load.filed.map((filed) => filed.key);
    const rows = await sql<{ id: string; idempotency_key: string; reporter_id: string }>(
      setup,
      'SELECT id, idempotency_key, reporter_id FROM pepin WHERE idempotency_key = ANY($1::text[])',
      [keys],
    );
    const byKey = new Map<string, string[]>();
    for (const row of rows) byKey.set(row.idempotency_key, [...(byKey.get(row.idempotency_key) ?? []), row.id]);
    expect(load.filed.filter((filed) => JSON.stringify(byKey.get(filed.key)) !== JSON.stringify([filed.id]))).toEqual([]);
    // Nothing extra: every pépin of this run's keys is one the client was told about.
    const tag = keys[0]?.split('-')[0] ?? '';
    const all = await sql<{ n: number }>(setup, 'SELECT count(*)::int AS n FROM pepin WHERE idempotency_key LIKE $1', [`${tag}-%`]);
    expect(all[0]?.n).toBe(load.filed.length);

    const supports = await sql<{ pair: string }>(setup, "SELECT pepin_id || '|' || supporter_id AS pair FROM pepin_support");
    const stored = new Set(supports.map((row) => row.pair));
    expect([...load.supports].filter((pair) => !stored.has(pair))).toEqual([]);
    const counts = await sql<{ id: string; support_count: number; n: number }>(
      setup,
      'SELECT p.id, p.support_count, (SELECT count(*)::int FROM pepin_support s WHERE s.pepin_id = p.id) AS n FROM pepin p WHERE p.id = ANY($1::uuid[])',
      [people.supportable.map((pepin) => pepin.id)],
    );
    expect(counts.filter((row) => row.support_count !== row.n)).toEqual([]);

    const ballots = await sql<{ manager_id: string; proposal_id: string; choice: string; n: number }>(
      setup,
      `SELECT b.manager_id, v.proposal_id, max(b.choice::text) AS choice, count(*)::int AS n
         FROM ballot b JOIN vote v ON v.id = b.vote_id WHERE v.proposal_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [people.proposalIds],
    );
    const ballotOf = new Map(ballots.map((row) => [`${row.manager_id}|${row.proposal_id}`, row]));
    const wrongBallots = [...load.ballots.values()].filter((ballot) => {
      const row = ballotOf.get(`${ballot.managerId}|${ballot.proposalId}`);
      return row?.n !== 1 || row.choice !== ballot.choice;
    });
    expect(wrongBallots).toEqual([]);
    return { filed: load.filed.length, supports: load.supports.size, ballots: load.ballots.size };
  }

  const sseClients = (count: number, from: number) =>
    Array.from({ length: count }, () => new ResumingSse(`${deployment.proxyUrl}/api/rulebook/events`, { authorization: `Bearer ${reader.token}` }, String(from)));

  async function latestVersion(): Promise<number> {
    return (await sql<{ v: number }>(deployment.setup, 'SELECT coalesce(max(version), 0)::int AS v FROM release'))[0]?.v ?? 0;
  }

  it('(b) SIGKILL of one instance mid-burst: every acknowledged write is there once, and its SSE clients resume through nginx missing nothing', async () => {
    const victim = 2;
    const from = await latestVersion();
    const clients = sseClients(30, from);
    const load = new WriteLoad(deployment.proxyUrl, people, 'killb');
    try {
      await Promise.all(clients.map((client) => client.connected));
      const victimAddress = `127.0.0.1:${deployment.instances[victim]?.port}`;
      const onVictim = clients.filter((client) => client.instance === victimAddress);
      expect(onVictim.length).toBeGreaterThan(0);
      const versions = [await publishThrough(deployment, 0)];
      load.start();
      await waitUntil(() => load.acknowledged >= 30, { timeoutMs: 120_000, what: () => `30 writes acknowledged before the kill (${load.acknowledged})` });
      const atKill = load.acknowledged;
      expect(await deployment.instances[victim]?.kill()).toBe('SIGKILL');
      // Published while the victim's clients are finding another instance, then once more.
      versions.push(await publishThrough(deployment, 0));
      await waitUntil(() => load.acknowledged >= atKill + 30, { timeoutMs: 120_000, what: () => `30 more writes after the kill (${load.acknowledged - atKill})` });
      versions.push(await publishThrough(deployment, 1));
      await load.stop();
      await waitUntil(() => clients.every((client) => client.releaseIds.length >= versions.length), {
        timeoutMs: 60_000,
        what: () => `every release at every client (${clients.filter((client) => client.releaseIds.length >= versions.length).length}/30)`,
      });
      const missed = clients.reduce((sum, client) => sum + versions.filter((version) => !client.releaseIds.includes(version)).length, 0);
      const wrong = clients.filter((client) => JSON.stringify(client.releaseIds) !== JSON.stringify(versions));
      const found = await expectEveryAcknowledgedWriteOnce(load);
      report('(b)', {
        acknowledged: load.acknowledged,
        acknowledgedBeforeKill: atKill,
        found,
        retries: Object.fromEntries(load.client.retryReasons),
        failures: load.failures,
        sseClients: clients.length,
        sseOnKilledInstance: onVictim.length,
        resumedElsewhere: onVictim.filter((client) => client.instances.length > 1 && client.instance !== victimAddress).length,
        versions,
        sseEventsMissed: missed,
      });
      expect(load.failures).toEqual([]);
      expect(wrong.map((client) => client.releaseIds)).toEqual([]);
      expect(onVictim.every((client) => client.instances.length > 1 && client.instance !== victimAddress)).toBe(true);
    } finally {
      await load.stop();
      for (const client of clients) client.close();
      if (!deployment.instances[victim]?.running) await deployment.startInstance(victim);
    }
  }, 420_000);

  it('(c) a rolling restart (SIGTERM each instance, start it again) under steady load: no failed request, and streams end with a short retry', async () => {
    const from = await latestVersion();
    const clients = sseClients(30, from);
    const load = new WriteLoad(deployment.proxyUrl, people, 'rollc');
    const restarts: { instance: string; exit: number | string; streamsEnded: number; maxRetryToldMs: number }[] = [];
    try {
      await Promise.all(clients.map((client) => client.connected));
      load.start();
      const versions: number[] = [];
      for (let i = 0; i < deployment.instances.length; i++) {
        const before = load.acknowledged;
        await waitUntil(() => load.acknowledged >= before + 10, { timeoutMs: 120_000, what: () => `10 writes before restarting instance ${i + 1}` });
        const api = deployment.instances[i];
        if (!api) throw new Error(`no instance ${i}`);
        const address = `127.0.0.1:${api.port}`;
        const onIt = clients.filter((client) => client.instance === address);
        const ended = onIt.map((client) => client.retryBeforeEnd.length);
        const exit = await api.terminate();
        // Each stream of the stopping instance ended with a `retry:` and came back on another one.
        await waitUntil(() => onIt.every((client) => client.instance !== address), {
          timeoutMs: 60_000,
          what: () => `streams of ${api.name} reconnected elsewhere (${onIt.filter((client) => client.instance !== address).length}/${onIt.length})`,
        });
        // Told to come back sooner than the usual retry (RULEBOOK_SSE_RETRY_MS, 1000 ms here): at once.
        const told = onIt.map((client, c) => client.retryBeforeEnd[ended[c] ?? 0]);
        expect(told.filter((retry) => retry === undefined || retry >= 1000)).toEqual([]);
        restarts.push({ instance: api.name, exit, streamsEnded: onIt.length, maxRetryToldMs: Math.max(...told.map((retry) => retry ?? Infinity)) });
        await deployment.startInstance(i);
        versions.push(await publishThrough(deployment, (i + 1) % deployment.instances.length));
      }
      const after = load.acknowledged;
      await waitUntil(() => load.acknowledged >= after + 10, { timeoutMs: 120_000, what: () => '10 writes after the last restart' });
      await load.stop();
      await waitUntil(() => clients.every((client) => client.releaseIds.length >= versions.length), {
        timeoutMs: 60_000,
        what: () => `every release at every client (${clients.filter((client) => client.releaseIds.length >= versions.length).length}/30)`,
      });
      const found = await expectEveryAcknowledgedWriteOnce(load);
      report('(c)', {
        acknowledged: load.acknowledged,
        failedRequests: load.failures.length,
        retries: Object.fromEntries(load.client.retryReasons),
        restarts,
        found,
        sseEventsMissed: clients.reduce((sum, client) => sum + versions.filter((version) => !client.releaseIds.includes(version)).length, 0),
      });
      expect(restarts.map((restart) => restart.exit)).toEqual([0, 0, 0]);
      expect(load.failures).toEqual([]);
      expect(clients.filter((client) => JSON.stringify(client.releaseIds) !== JSON.stringify(versions)).map((client) => client.releaseIds)).toEqual([]);
    } finally {
      await load.stop();
      for (const client of clients) client.close();
    }
  }, 600_000);

  it('(f) ten wrong logins spread over the three instances: the next is refused on every one, and the owner still gets in', async () => {
    const owner = await deployment.setup.world.newUser(Role.OPERATOR);
    const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
    // TRUST_PROXY's default (loopback) takes the client address from X-Forwarded-For, as
    // nginx sets it: the test speaks to each instance directly as nginx would.
    const login = async (instance: number, address: string, password: string) => {
      const response = await fetch(`${deployment.instances[instance]?.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ query: LOGIN, variables: { email: owner.email, password } }),
      });
      const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: { extensions?: { code?: string } }[] };
      return body.data?.login.accessToken ? 'OK' : (body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`);
    };
    const attacker = '203.0.113.66';
    const wrong: string[] = [];
    for (let i = 0; i < 10; i++) wrong.push(await login(i % 3, attacker, `faux-${i}`));
    expect(wrong).toEqual(Array(10).fill('UNAUTHENTICATED'));
    const next = await Promise.all([0, 1, 2].map((instance) => login(instance, attacker, owner.password)));
    const ownerElsewhere = await Promise.all([0, 1, 2].map((instance) => login(instance, '198.51.100.7', owner.password)));
    report('(f)', { wrongLogins: wrong.length, nextFromAttackerPerInstance: next, ownerFromCleanAddressPerInstance: ownerElsewhere });
    expect(next).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(ownerElsewhere).toEqual(['OK', 'OK', 'OK']);
  }, 180_000);
});
