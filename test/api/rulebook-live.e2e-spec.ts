import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Role } from '@pepite/api/identity';
import { AdvisoryService, RulebookPublisher } from '@pepite/api/rulebook';
import type { ReleaseEvent } from '@pepite/rulebook-format';
import { openSse, sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

describe('rulebook live events (SSE) and across instances', () => {
  let api: TestApi;
  let second: TestApi;
  let agent: TestUser;
  let publisher: RulebookPublisher;
  const eventsUrl = (base: string) => `${base}/api/rulebook/events`;
  const auth = () => ({ authorization: `Bearer ${agent.token}` });
  const amend = (key: string, title: string) => publisher.publish({ changes: [{ kind: 'AMEND', rule: sampleRule(key, { title }) }] });

  beforeAll(async () => {
    api = await startTestApi({ RULEBOOK_SSE_HEARTBEAT_SECONDS: '1', RULEBOOK_SSE_RETRY_MS: '1500' });
    second = await startTestApi({}, { database: api.database });
    agent = await api.world.newUser(Role.OPERATOR);
    publisher = api.app.get(RulebookPublisher);
    await publisher.publish({ changes: [{ kind: 'CREATE', rule: sampleRule('CALLBACK-001') }, { kind: 'CREATE', rule: sampleRule('IDENTITY-001') }] });
  });
  afterAll(async () => {
    await second.close();
    await api.close();
  });

  it('tells clients how long to wait before reconnecting and keeps the line alive', async () => {
    const stream = await openSse(eventsUrl(api.baseUrl), auth());
    try {
      await stream.waitForComment('heartbeat');
      expect(stream.retry).toBe(1500);
      expect(stream.comments).toContain('heartbeat');
      expect(stream.events).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('pushes a release event with id = version to a connected client', async () => {
    const stream = await openSse(eventsUrl(api.baseUrl), auth());
    try {
      const release = await amend('CALLBACK-001', 'Rappel promis sous 3 jours, revu');
      const [event] = await stream.waitFor(1);
      expect(event?.event).toBe('release');
      expect(event?.id).toBe(String(release.version));
      expect(JSON.parse(event?.data ?? '{}') as ReleaseEvent).toMatchObject({ version: release.version, sha256: release.sha256 });
    } finally {
      stream.close();
    }
  });

  it('resumes from Last-Event-ID with exactly the events missed, in order, none repeated', async () => {
    const stream = await openSse(eventsUrl(api.baseUrl), auth());
    const first = await amend('CALLBACK-001', 'Rappel promis sous 3 jours, version A');
    const [seen] = await stream.waitFor(1);
    stream.close();
    expect(seen?.id).toBe(String(first.version));

    const missed = [];
    missed.push((await amend('CALLBACK-001', 'Rappel promis sous 3 jours, version B')).version);
    const advisory = await api.app.get(AdvisoryService).publishAdvisory({
      ruleKey: 'IDENTITY-001',
      message: 'Outil de vérification en panne : posez les trois questions de secours.',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    missed.push((await amend('IDENTITY-001', 'Vérification d’identité, version B')).version);
    missed.push((await amend('CALLBACK-001', 'Rappel promis sous 3 jours, version C')).version);

    const resumed = await openSse(eventsUrl(api.baseUrl), { ...auth(), 'last-event-id': seen?.id ?? '' });
    try {
      await resumed.waitFor(4);
      // A heartbeat after the replay: anything the server replayed (a duplicate too) came before it.
      await resumed.nextComment();
      expect(resumed.events.map((event) => [event.event, event.id])).toEqual([
        ['release', String(missed[0])],
        ['advisory', `${missed[0]}.${advisory.seq}`],
        ['release', String(missed[1])],
        ['release', String(missed[2])],
      ]);
      // One more publication arrives live after the replay, once.
      const live = await amend('IDENTITY-001', 'Vérification d’identité, version C');
      await resumed.waitFor(5);
      await resumed.nextComment();
      expect(resumed.events.map((event) => event.id)).toEqual([
        String(missed[0]),
        `${missed[0]}.${advisory.seq}`,
        String(missed[1]),
        String(missed[2]),
        String(live.version),
      ]);
    } finally {
      resumed.close();
    }

    // Resuming from the advisory's id replays only what followed it.
    const fromAdvisory = await openSse(eventsUrl(api.baseUrl), { ...auth(), 'last-event-id': `${missed[0]}.${advisory.seq}` });
    try {
      await fromAdvisory.waitFor(3);
      expect(fromAdvisory.events.map((event) => event.id).slice(0, 3)).toEqual(missed.slice(1).map(String).concat(String(missed[2] + 1)));
    } finally {
      fromAdvisory.close();
    }
  });

  it('delivers a release published on one instance to an SSE client of another', async () => {
    const onSecond = await openSse(eventsUrl(second.baseUrl), auth());
    try {
      const release = await amend('IDENTITY-001', 'Vérification d’identité, publiée sur l’instance A');
      const [event] = await onSecond.waitFor(1);
      expect(event).toMatchObject({ event: 'release', id: String(release.version) });
      // The second instance serves the new release too.
      const latest = await fetch(`${second.baseUrl}/api/rulebook/releases/latest`, { headers: auth() });
      expect(latest.headers.get('etag')).toBe(`"${release.sha256}"`);
    } finally {
      onSecond.close();
    }
  });

  it('catches up from the tables when its LISTEN connection is cut', async () => {
    const dataSource = api.app.get(DataSource);
    const stream = await openSse(eventsUrl(second.baseUrl), auth());
    try {
      // Cut the second instance's listener (and the first's), then publish during the break.
      await dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pepite-rulebook-listener'`,
      );
      const release = await amend('CALLBACK-001', 'Publiée pendant la coupure');
      const [event] = await stream.waitFor(1, 15_000);
      expect(event).toMatchObject({ event: 'release', id: String(release.version) });
    } finally {
      stream.close();
    }
  });

  it('refuses the stream without a token', async () => {
    await expect(openSse(eventsUrl(api.baseUrl))).rejects.toThrow(/401/);
  });

  // Thousands of desktops reconnect at once after a deploy; Node's default backlog (511)
  // drops the overflow, and each dropped desktop waits a SYN retransmission or gets a reset.
  it('listens with a backlog for a floor of desktops reconnecting at once (4096, or the kernel cap)', () => {
    const port = new URL(api.baseUrl).port;
    // `ss` shows a listening socket's backlog in its Send-Q column: State Recv-Q Send-Q Local Peer.
    const [line] = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).trim().split('\n');
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    expect(Number(line?.trim().split(/\s+/)[2])).toBe(Math.min(4096, somaxconn));
  });
});
