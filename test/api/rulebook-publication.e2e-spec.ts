import { DataSource } from 'typeorm';
import { ReleaseCatalog, RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi } from '@pepite/test-support';

class Aborted extends Error {}

describe('rulebook publication core', () => {
  let api: TestApi;
  let publisher: RulebookPublisher;
  let catalog: ReleaseCatalog;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startTestApi({ DB_POOL_SIZE: '12' });
    publisher = api.app.get(RulebookPublisher);
    catalog = api.app.get(ReleaseCatalog);
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('gives 50 concurrent publishers, some aborted, versions 1..K with no gap and no duplicate', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => {
        const key = `CONC-${String(i + 1).padStart(3, '0')}`;
        const publication = { changes: [{ kind: 'CREATE' as const, rule: sampleRule(key) }] };
        if (i % 5 === 0) {
          // Publishes inside a transaction that then rolls back: its number must come back.
          return dataSource.transaction(async (tx) => {
            await publisher.publish(publication, tx);
            throw new Aborted(key);
          });
        }
        if (i % 7 === 0) return publisher.publish({ changes: [{ kind: 'AMEND' as const, rule: sampleRule(key) }] }); // not in force
        return publisher.publish(publication);
      }),
    );
    const published = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.version] : []));
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failed.length).toBe(10 + 6);
    const versions = (await dataSource.query('SELECT version FROM release ORDER BY version')).map((row: { version: number }) => row.version);
    expect(versions).toEqual(Array.from({ length: published.length }, (_, i) => i + 1));
    expect([...published].sort((a, b) => a - b)).toEqual(versions);

    // Each release holds its predecessor's rules plus one: nothing lost or doubled under contention.
    const latest = await catalog.rules(versions.length);
    expect(latest).toHaveLength(published.length);
    const keys = latest.map((rule) => rule.key);
    for (let i = 0; i < 50; i++) {
      const key = `CONC-${String(i + 1).padStart(3, '0')}`;
      expect([key, keys.includes(key)]).toEqual([key, i % 5 !== 0 && i % 7 !== 0]);
    }
    for (const version of versions) expect(await catalog.rules(version)).toHaveLength(version);
  });

  it('keeps a rule’s revisions, refuses an empty publication and changes nothing when one change is wrong', async () => {
    const before = catalog.latestVersion;
    const amended = await publisher.publish({ changes: [{ kind: 'AMEND', rule: sampleRule('CONC-002', { title: 'Titre revu' }) }] });
    expect(amended.changelog).toMatchObject({ amended: ['CONC-002'], added: [], retired: [] });
    const history = await catalog.ruleHistory('CONC-002');
    expect(history.map((h) => [h.entry.revision, h.entry.title])).toEqual([
      [1, 'Règle de test CONC-002'],
      [2, 'Titre revu'],
    ]);

    await expect(publisher.publish({ changes: [{ kind: 'AMEND', rule: sampleRule('CONC-002', { title: 'Titre revu' }) }] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'nothingToPublish' },
    });
    await expect(
      publisher.publish({
        changes: [
          { kind: 'CREATE', rule: sampleRule('NEW-001') },
          { kind: 'RETIRE', key: 'NOPE-404' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(catalog.latestVersion).toBe(before + 1);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM rule WHERE key = 'NEW-001'`))[0].n).toBe(0);
  });

  it('rolls back by publishing the earlier content as a new release', async () => {
    const target = catalog.latestVersion;
    const wanted = await catalog.rules(target);
    await publisher.publish({ changes: [{ kind: 'RETIRE', key: 'CONC-002' }, { kind: 'CREATE', rule: sampleRule('LATE-001') }] });
    const rollback = await publisher.rollback(target, 'Retour arrière après erreur');
    expect(rollback.version).toBe(target + 2);
    expect(rollback.changelog).toEqual({ added: ['CONC-002'], amended: [], retired: ['LATE-001'], restoredFrom: target, answers: [] });
    expect(await catalog.rules(rollback.version)).toEqual(wanted);
    await expect(publisher.rollback(rollback.version, null)).rejects.toMatchObject({ details: { reason: 'rollbackToLatest' } });
    await expect(publisher.rollback(9999, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('re-creating a retired rule continues its revision numbers', async () => {
    const release = await publisher.publish({ changes: [{ kind: 'RETIRE', key: 'CONC-003' }] });
    expect(release.changelog.retired).toEqual(['CONC-003']);
    await publisher.publish({ changes: [{ kind: 'CREATE', rule: sampleRule('CONC-003', { title: 'De retour' }) }] });
    const history = await catalog.ruleHistory('CONC-003');
    expect(history.map((h) => h.entry.revision)).toEqual([1, 2]);
  });

  it('never lets a published release, its membership or a rule version be changed or deleted', async () => {
    for (const sql of [
      `UPDATE release SET notes = 'falsifié' WHERE version = 1`,
      'DELETE FROM release WHERE version = 1',
      'DELETE FROM release_rule WHERE release_version = 1',
      `UPDATE rule_version SET title = 'falsifié'`,
    ]) {
      await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
    }
  });
});

describe('scheduled releases', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ JOBS_POLL_SECONDS: '1' });
    await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('SCHED-001') }, { kind: 'CREATE', rule: sampleRule('SCHED-002') }] });
  });
  afterAll(() => api.close());

  const waitFor = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('becomes the latest release at its time through the durable job, not before', async () => {
    const { ScheduledPublications } = await import('@pepite/api/rulebook');
    const scheduler = api.app.get(ScheduledPublications);
    const catalog = api.app.get(ReleaseCatalog);
    const effectiveAt = new Date(Date.now() + 2500);
    const scheduled = await scheduler.schedule({
      changes: [{ kind: 'AMEND', rule: sampleRule('SCHED-001', { title: 'Entre en vigueur plus tard' }) }],
      notes: 'Publication programmée',
      effectiveAt,
    });
    expect(catalog.latestVersion).toBe(1);
    expect((await scheduler.pending()).map((row) => row.id)).toEqual([scheduled.id]);
    const done = await waitFor(async () => {
      const row = await scheduler.get(scheduled.id);
      return row?.status === 'PUBLISHED' ? row : undefined;
    }, 'the scheduled publication');
    expect(done.releaseVersion).toBe(2);
    const release = await catalog.release(2);
    expect(release.publishedAt.getTime()).toBeGreaterThanOrEqual(effectiveAt.getTime());
    expect(release.notes).toBe('Publication programmée');
    // The catalogue hears of the release through LISTEN/NOTIFY, after the job's commit.
    await waitFor(async () => (catalog.latestVersion === 2 ? true : undefined), 'the catalogue to hear of release 2');
  });

  it('records why a scheduled publication could not apply instead of retrying forever', async () => {
    const { ScheduledPublications } = await import('@pepite/api/rulebook');
    const scheduler = api.app.get(ScheduledPublications);
    const scheduled = await scheduler.schedule({
      changes: [{ kind: 'AMEND', rule: sampleRule('SCHED-002', { title: 'Trop tard' }) }],
      effectiveAt: new Date(Date.now() + 1500),
    });
    await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'RETIRE', key: 'SCHED-002' }] });
    const failed = await waitFor(async () => {
      const row = await scheduler.get(scheduled.id);
      return row?.status === 'FAILED' ? row : undefined;
    }, 'the failure');
    expect(failed.failure).toMatch(/SCHED-002 n’est pas en vigueur/);
    await expect(scheduler.schedule({ changes: [], effectiveAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
