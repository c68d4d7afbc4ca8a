import { createClient, type Client } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser, eventually, watchSubscription } from '@pepite/test-support';
import { RulebookChangeFeed } from '../../libs/api/rulebook/src/graphql/rulebook-change-feed';

const RELEASE_FIELDS =
  'version sha256 signature keyId publishedAt notes ruleCount changes { added amended retired restoredFrom } answeredPepins';
const RULEBOOK = `query($version: Int) { rulebook(version: $version) {
  release { ${RELEASE_FIELDS} }
  rules { key category revision title statement rationale latitude escalation customerWording tags effectiveFrom advisories { id ruleKey message } }
} }`;
const RULE = `query($key: String!) { rule(key: $key) {
  key
  current { key revision title statement advisories { id message } }
  history { revision title statement rationale tags effectiveFrom createdInRelease inReleases }
} }`;
const RULE_DIFF = `query($key: String!, $from: Int!, $to: Int!) { rule(key: $key) {
  diff(from: $from, to: $to) { key from to fields { field before after segments { kind text } } }
} }`;
const RELEASES = `query($first: Int, $after: String) { releases(first: $first, after: $after) {
  totalCount
  edges { cursor node { ${RELEASE_FIELDS} } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
} }`;
const ADVISORIES = '{ advisories { id seq ruleKey message publishedAt expiresAt releaseVersion } }';
const PUBLISH_ADVISORY = `mutation($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) {
  id seq ruleKey message publishedAt expiresAt releaseVersion
} }`;
const ROLLBACK = `mutation($toVersion: Int!, $reason: String!) { rollbackRelease(toVersion: $toVersion, reason: $reason) { ${RELEASE_FIELDS} } }`;
const REASON = 'La version en vigueur a une erreur de montant.';
const RULEBOOK_CHANGED = `subscription { rulebookChanged {
  kind
  release { version sha256 notes changes { added amended retired restoredFrom } answeredPepins }
  advisory { id ruleKey message releaseVersion }
} }`;

interface ReleaseView {
  version: number;
  sha256: string;
  notes: string | null;
  ruleCount: number;
  changes: { added: string[]; amended: string[]; retired: string[]; restoredFrom: number | null };
  answeredPepins: string[];
}
interface RuleView {
  key: string;
  revision: number;
  title: string;
  statement: string;
  advisories: { id: string; message: string }[];
}
interface AdvisoryView {
  id: string;
  seq: number;
  ruleKey: string;
  message: string;
  expiresAt: string;
  releaseVersion: number;
}
interface ReleasesPage {
  releases: {
    totalCount: number;
    edges: { cursor: string; node: ReleaseView }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('rulebook GraphQL API', () => {
  let api: TestApi;
  let publisher: RulebookPublisher;
  let operator: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let everyone: [string, TestUser][];

  beforeAll(async () => {
    api = await startTestApi();
    publisher = api.app.get(RulebookPublisher);
    operator = await api.world.newUser(Role.OPERATOR);
    manager = await api.world.newUser(Role.MANAGER);
    admin = await api.world.newUser(Role.ADMIN);
    everyone = [
      ['operator', operator],
      ['manager', manager],
      ['admin', admin],
    ];
  });
  afterAll(() => api.close());

  const as = (user: TestUser, language?: string) => ({ token: user.token, language });

  describe('before anything is published', () => {
    it('says there is no rulebook yet, in French and in English, and lists nothing', async () => {
      const fr = await api.graphql.request(RULEBOOK, {}, as(operator));
      expect(fr.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(fr.errors?.[0]?.message).toBe('Aucun règlement n’a encore été publié.');
      const en = await api.graphql.request(RULEBOOK, {}, as(operator, 'en'));
      expect(en.errors?.[0]?.message).toBe('No rulebook has been published yet.');

      const page = await api.graphql.ok<ReleasesPage>(RELEASES, {}, as(operator));
      expect(page.releases).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      });
      expect(await api.graphql.ok(ADVISORIES, {}, as(operator))).toEqual({ advisories: [] });
    });
  });

  describe('reading the rulebook and its rules', () => {
    let first: number;
    let second: number;
    const amendedStatement = 'Vérifier la commande du client puis appliquer sans attendre la procédure décrite ici.';

    beforeAll(async () => {
      first = (
        await publisher.publish({
          changes: [
            { kind: 'CREATE', rule: sampleRule('REFUND-001') },
            { kind: 'CREATE', rule: sampleRule('DELIVERY-001') },
          ],
          notes: 'Première version',
          answers: ['PEP-000001'],
        })
      ).version;
      second = (
        await publisher.publish({
          changes: [
            {
              kind: 'AMEND',
              rule: sampleRule('REFUND-001', { statement: amendedStatement, tags: ['test', 'urgent'] }),
            },
          ],
          notes: 'Procédure accélérée',
          answers: ['PEP-000003', 'PEP-000002'],
        })
      ).version;
    });

    it.each(['operator', 'manager', 'admin'])('gives the latest rulebook to a signed-in %s', async (who) => {
      const user = everyone.find(([name]) => name === who)?.[1] as TestUser;
      const data = await api.graphql.ok<{ rulebook: { release: ReleaseView; rules: RuleView[] } }>(
        RULEBOOK,
        {},
        as(user),
      );
      expect(data.rulebook.release).toMatchObject({
        version: second,
        notes: 'Procédure accélérée',
        ruleCount: 2,
        changes: { added: [], amended: ['REFUND-001'], retired: [], restoredFrom: null },
        answeredPepins: ['PEP-000002', 'PEP-000003'],
      });
      expect(data.rulebook.release.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(data.rulebook.rules.map((rule) => [rule.key, rule.revision])).toEqual([
        ['DELIVERY-001', 1],
        ['REFUND-001', 2],
      ]);
      expect(data.rulebook.rules[1]).toMatchObject({
        statement: amendedStatement,
        tags: ['test', 'urgent'],
        effectiveFrom: '2026-01-05',
        advisories: [],
      });
    });

    it('gives an earlier release as it was, and refuses unknown versions in the caller’s language', async () => {
      const data = await api.graphql.ok<{ rulebook: { release: ReleaseView; rules: RuleView[] } }>(
        RULEBOOK,
        { version: first },
        as(operator),
      );
      expect(data.rulebook.release).toMatchObject({
        version: first,
        changes: { added: ['DELIVERY-001', 'REFUND-001'] },
        answeredPepins: ['PEP-000001'],
      });
      expect(data.rulebook.rules.find((rule) => rule.key === 'REFUND-001')).toMatchObject({
        revision: 1,
        statement: sampleRule('X').statement,
      });

      const fr = await api.graphql.request(RULEBOOK, { version: 999 }, as(operator));
      expect(fr.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(fr.errors?.[0]?.message).toBe(
        `La version 999 du règlement n’existe pas encore : la dernière publiée est la ${second}.`,
      );
      const en = await api.graphql.request(RULEBOOK, { version: 999 }, as(operator, 'en'));
      expect(en.errors?.[0]?.message).toBe(
        `Rulebook version 999 does not exist yet: the latest published is ${second}.`,
      );

      const zero = await api.graphql.request(RULEBOOK, { version: 0 }, as(operator, 'en'));
      expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(zero.errors?.[0]?.message).toContain('“version” must be at least 1');
    });

    it('refuses every read to an anonymous caller (UNAUTHENTICATED)', async () => {
      for (const query of [RULEBOOK, RELEASES, ADVISORIES])
        expect(await api.graphql.errorCode(query)).toBe('UNAUTHENTICATED');
      expect(await api.graphql.errorCode(RULE, { key: 'REFUND-001' })).toBe('UNAUTHENTICATED');
      expect(await api.graphql.errorCode(RULE, { key: 'REFUND-001' }, { token: 'not-a-token' })).toBe(
        'UNAUTHENTICATED',
      );
    });

    it.each(['operator', 'manager', 'admin'])(
      'gives a %s a rule with its current wording and its history',
      async (who) => {
        const user = everyone.find(([name]) => name === who)?.[1] as TestUser;
        const data = await api.graphql.ok<{
          rule: { key: string; current: RuleView; history: Record<string, unknown>[] };
        }>(RULE, { key: 'REFUND-001' }, as(user));
        expect(data.rule.key).toBe('REFUND-001');
        expect(data.rule.current).toMatchObject({
          key: 'REFUND-001',
          revision: 2,
          statement: amendedStatement,
          advisories: [],
        });
        expect(data.rule.history).toEqual([
          expect.objectContaining({ revision: 1, createdInRelease: first, inReleases: [first], tags: ['test'] }),
          expect.objectContaining({
            revision: 2,
            createdInRelease: second,
            inReleases: [second],
            statement: amendedStatement,
          }),
        ]);
      },
    );

    it('diffs two revisions field by field, with word segments for long text', async () => {
      type Diff = {
        rule: {
          diff: {
            key: string;
            from: number;
            to: number;
            fields: {
              field: string;
              before: string;
              after: string;
              segments: { kind: string; text: string }[] | null;
            }[];
          };
        };
      };
      const data = await api.graphql.ok<Diff>(RULE_DIFF, { key: 'REFUND-001', from: 1, to: 2 }, as(operator));
      expect(data.rule.diff).toMatchObject({ key: 'REFUND-001', from: 1, to: 2 });
      expect(data.rule.diff.fields.map((f) => f.field)).toEqual(['statement', 'tags']);
      const statement = data.rule.diff.fields[0];
      expect(statement).toMatchObject({ before: sampleRule('X').statement, after: amendedStatement });
      expect(statement?.segments).toEqual([
        { kind: 'SAME', text: 'Vérifier la commande du client puis appliquer ' },
        { kind: 'ADDED', text: 'sans attendre ' },
        { kind: 'SAME', text: 'la procédure décrite ici.' },
      ]);
      expect(data.rule.diff.fields[1]).toEqual({
        field: 'tags',
        before: 'test',
        after: 'test, urgent',
        segments: null,
      });

      const backwards = await api.graphql.ok<Diff>(RULE_DIFF, { key: 'REFUND-001', from: 2, to: 1 }, as(operator));
      expect(backwards.rule.diff.fields[0]?.segments?.filter((s) => s.kind !== 'SAME')).toEqual([
        { kind: 'REMOVED', text: 'sans attendre ' },
      ]);
      const same = await api.graphql.ok<Diff>(RULE_DIFF, { key: 'REFUND-001', from: 2, to: 2 }, as(operator));
      expect(same.rule.diff.fields).toEqual([]);

      const missing = await api.graphql.request(RULE_DIFF, { key: 'REFUND-001', from: 1, to: 7 }, as(operator, 'en'));
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(missing.errors?.[0]?.message).toBe('Rule REFUND-001 has no revision 7 (it has 2).');
    });

    it('reports an unknown rule as NOT_FOUND in French and in English', async () => {
      const fr = await api.graphql.request(RULE, { key: 'NOPE-404' }, as(manager));
      expect(fr.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(fr.errors?.[0]?.message).toBe('La règle NOPE-404 n’existe pas.');
      const en = await api.graphql.request(RULE, { key: 'NOPE-404' }, as(manager, 'en'));
      expect(en.errors?.[0]?.message).toBe('Rule NOPE-404 does not exist.');
      expect(await api.graphql.errorCode(RULE, { key: 'X'.repeat(41) }, as(manager))).toBe('BAD_USER_INPUT');
    });

    it('keeps a retired rule’s history, with no current wording', async () => {
      const retired = await publisher.publish({ changes: [{ kind: 'RETIRE', key: 'DELIVERY-001' }] });
      const data = await api.graphql.ok<{
        rule: { current: RuleView | null; history: { revision: number; inReleases: number[] }[] };
      }>(RULE, { key: 'DELIVERY-001' }, as(operator));
      expect(data.rule.current).toBeNull();
      expect(data.rule.history).toEqual([expect.objectContaining({ revision: 1, inReleases: [first, second] })]);
      const latest = await api.graphql.ok<{ rulebook: { release: ReleaseView; rules: RuleView[] } }>(
        RULEBOOK,
        {},
        as(operator),
      );
      expect(latest.rulebook.release).toMatchObject({
        version: retired.version,
        changes: { retired: ['DELIVERY-001'] },
      });
      expect(latest.rulebook.rules.map((rule) => rule.key)).toEqual(['REFUND-001']);
    });
  });

  describe('paging through releases', () => {
    beforeAll(async () => {
      for (let i = 1; i <= 25; i++) {
        await publisher.publish({
          changes: [
            { kind: 'AMEND', rule: sampleRule('REFUND-001', { title: `Remboursement, révision de test ${i}` }) },
          ],
        });
      }
    });

    it('pages newest first with after, without duplicates or gaps', async () => {
      const seen: number[] = [];
      let after: string | null = null;
      let pages = 0;
      let latest = 0;
      for (;;) {
        const data: ReleasesPage = await api.graphql.ok<ReleasesPage>(RELEASES, { first: 7, after }, as(operator));
        const { edges, pageInfo, totalCount } = data.releases;
        latest = totalCount;
        pages++;
        expect(pageInfo.hasPreviousPage).toBe(after !== null);
        expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
        expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
        seen.push(...edges.map((edge) => edge.node.version));
        if (!pageInfo.hasNextPage) break;
        expect(edges).toHaveLength(7);
        after = pageInfo.endCursor;
      }
      expect(latest).toBeGreaterThanOrEqual(28);
      expect(seen).toEqual(Array.from({ length: latest }, (_, i) => latest - i));
      expect(pages).toBe(Math.ceil(latest / 7));
    });

    it('defaults to 20 per page and gives each release its changes', async () => {
      for (const [, user] of everyone) {
        const data = await api.graphql.ok<ReleasesPage>(RELEASES, {}, as(user));
        expect(data.releases.edges).toHaveLength(20);
        expect(data.releases.pageInfo.hasNextPage).toBe(true);
        expect(data.releases.edges[0]?.node).toMatchObject({
          version: data.releases.totalCount,
          changes: { amended: ['REFUND-001'] },
        });
      }
      const oldest = await api.graphql.ok<ReleasesPage>(RELEASES, { first: 100 }, as(operator));
      expect(oldest.releases.edges.at(-1)?.node).toMatchObject({
        version: 1,
        notes: 'Première version',
        answeredPepins: ['PEP-000001'],
      });
      expect(oldest.releases.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a page size over 100 or under 1, and a forged cursor (BAD_USER_INPUT)', async () => {
      const tooMany = await api.graphql.request(RELEASES, { first: 500 }, as(operator));
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(tooMany.errors?.[0]?.message).toContain('« first » doit valoir au plus 100');
      const tooManyEn = await api.graphql.request(RELEASES, { first: 500 }, as(operator, 'en'));
      expect(tooManyEn.errors?.[0]?.message).toContain('“first” must be at most 100');
      expect(await api.graphql.errorCode(RELEASES, { first: 0 }, as(operator))).toBe('BAD_USER_INPUT');
      const forged = await api.graphql.request(RELEASES, { after: 'not-a-cursor' }, as(operator, 'en'));
      expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(forged.errors?.[0]?.message).toMatch(/^The “after” pagination cursor is not valid/);
      const foreign = Buffer.from('release:0').toString('base64url');
      expect(await api.graphql.errorCode(RELEASES, { after: foreign }, as(operator))).toBe('BAD_USER_INPUT');
    });
  });

  describe('advisories', () => {
    it.each(['manager', 'admin'])(
      'lets a %s publish an advisory that every role then sees on the rule',
      async (who) => {
        const user = everyone.find(([name]) => name === who)?.[1] as TestUser;
        const input = {
          ruleKey: 'REFUND-001',
          message: `Consigne temporaire publiée par un ${who} : rembourser sans justificatif.`,
          expiresAt: inDays(7),
        };
        const { publishAdvisory } = await api.graphql.ok<{ publishAdvisory: AdvisoryView }>(
          PUBLISH_ADVISORY,
          { input },
          as(user),
        );
        expect(publishAdvisory).toMatchObject({
          ruleKey: 'REFUND-001',
          message: input.message,
          expiresAt: input.expiresAt,
        });
        const rows: { published_by: string }[] = await api.app
          .get(DataSource)
          .query('SELECT published_by FROM advisory WHERE id = $1', [publishAdvisory.id]);
        expect(rows[0]?.published_by).toBe(user.id);

        for (const [, reader] of everyone) {
          const listed = await api.graphql.ok<{ advisories: AdvisoryView[] }>(ADVISORIES, {}, as(reader));
          expect(listed.advisories.map((a) => a.id)).toContain(publishAdvisory.id);
          const rule = await api.graphql.ok<{ rule: { current: RuleView } }>(RULE, { key: 'REFUND-001' }, as(reader));
          expect(rule.rule.current.advisories).toContainEqual({ id: publishAdvisory.id, message: input.message });
          const book = await api.graphql.ok<{ rulebook: { rules: (RuleView & { advisories: { id: string }[] })[] } }>(
            RULEBOOK,
            {},
            as(reader),
          );
          expect(book.rulebook.rules.find((r) => r.key === 'REFUND-001')?.advisories.map((a) => a.id)).toContain(
            publishAdvisory.id,
          );
        }
      },
    );

    it('refuses publishAdvisory to an operator (FORBIDDEN) and to an anonymous caller (UNAUTHENTICATED)', async () => {
      const input = { ruleKey: 'REFUND-001', message: 'Une consigne qui ne doit pas passer.', expiresAt: inDays(1) };
      expect(await api.graphql.errorCode(PUBLISH_ADVISORY, { input }, as(operator))).toBe('FORBIDDEN');
      const en = await api.graphql.request(PUBLISH_ADVISORY, { input }, as(operator, 'en'));
      expect(en.errors?.[0]?.message).toBe('Your role does not allow this action.');
      expect(await api.graphql.errorCode(PUBLISH_ADVISORY, { input })).toBe('UNAUTHENTICATED');
    });

    it('explains bad advisories in the caller’s language', async () => {
      const valid = { ruleKey: 'REFUND-001', message: 'Une consigne temporaire valable.', expiresAt: inDays(3) };

      const past = await api.graphql.request(
        PUBLISH_ADVISORY,
        { input: { ...valid, expiresAt: inDays(-1) } },
        as(manager),
      );
      expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(past.errors?.[0]?.message).toBe(
        'Une consigne temporaire doit expirer dans le futur, et au plus tard dans 90 jours.',
      );
      const pastEn = await api.graphql.request(
        PUBLISH_ADVISORY,
        { input: { ...valid, expiresAt: inDays(-1) } },
        as(manager, 'en'),
      );
      expect(pastEn.errors?.[0]?.message).toBe('An advisory must expire in the future, and within 90 days at most.');
      expect(
        await api.graphql.errorCode(PUBLISH_ADVISORY, { input: { ...valid, expiresAt: inDays(120) } }, as(manager)),
      ).toBe('BAD_USER_INPUT');
      expect(
        await api.graphql.errorCode(PUBLISH_ADVISORY, { input: { ...valid, expiresAt: 'demain' } }, as(manager)),
      ).toBe('BAD_USER_INPUT');

      const short = await api.graphql.request(
        PUBLISH_ADVISORY,
        { input: { ...valid, message: 'Court.' } },
        as(manager),
      );
      expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(short.errors?.[0]?.message).toContain('« message » doit contenir au moins 10 caractères');
      const shortEn = await api.graphql.request(
        PUBLISH_ADVISORY,
        { input: { ...valid, message: 'Too short' } },
        as(manager, 'en'),
      );
      expect(shortEn.errors?.[0]?.message).toContain('“message” must be at least 10 characters long');
      expect(shortEn.errors?.[0]?.extensions?.['fields']).toEqual([{ field: 'message', constraint: 'minLength' }]);

      const unknown = await api.graphql.request(
        PUBLISH_ADVISORY,
        { input: { ...valid, ruleKey: 'NOPE-404' } },
        as(manager, 'en'),
      );
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(unknown.errors?.[0]?.message).toBe('Rule NOPE-404 is not in force in the current rulebook.');
      const retired = await api.graphql.request(
        PUBLISH_ADVISORY,
        { input: { ...valid, ruleKey: 'DELIVERY-001' } },
        as(manager),
      );
      expect(retired.errors?.[0]?.message).toBe('La règle DELIVERY-001 n’est pas en vigueur dans le règlement actuel.');
      expect(
        await api.graphql.errorCode(PUBLISH_ADVISORY, { input: { ...valid, ruleKey: 'not a key' } }, as(manager)),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('rolling back', () => {
    it.each(['manager', 'admin'])('lets a %s roll back to an earlier release, as a new release', async (who) => {
      const user = everyone.find(([name]) => name === who)?.[1] as TestUser;
      const before = (await api.graphql.ok<ReleasesPage>(RELEASES, { first: 1 }, as(user))).releases.totalCount;
      const { rollbackRelease } = await api.graphql.ok<{ rollbackRelease: ReleaseView }>(
        ROLLBACK,
        { toVersion: 1, reason: `Retour arrière par un ${who}` },
        as(user),
      );
      expect(rollbackRelease).toMatchObject({
        version: before + 1,
        notes: `Retour arrière par un ${who}`,
        changes: { restoredFrom: 1 },
      });
      const rows: { published_by: string }[] = await api.app
        .get(DataSource)
        .query('SELECT published_by FROM release WHERE version = $1', [rollbackRelease.version]);
      expect(rows[0]?.published_by).toBe(user.id);
      const book = await api.graphql.ok<{ rulebook: { rules: RuleView[] } }>(RULEBOOK, {}, as(operator));
      expect(book.rulebook.rules.map((rule) => [rule.key, rule.revision])).toEqual([
        ['DELIVERY-001', 1],
        ['REFUND-001', 1],
      ]);
      // Put the latest wording back for whoever runs next.
      await publisher.rollback(before, null);
    });

    it('requires a reason of at least 10 characters, in French and English, and writes it in the audit log', async () => {
      const latest = (await api.graphql.ok<ReleasesPage>(RELEASES, { first: 1 }, as(manager))).releases.totalCount;
      const short = await api.graphql.request(ROLLBACK, { toVersion: 1, reason: 'Erreur' }, as(manager, 'en'));
      expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(short.errors?.[0]?.message).toContain('at least 10 characters');
      const blank = await api.graphql.request(ROLLBACK, { toVersion: 1, reason: '           ' }, as(manager));
      expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0]?.message).toBe('Donnez la raison du retour en arrière (au moins 10 caractères).');
      // Without a reason the operation does not even validate against the schema.
      expect(await api.graphql.errorCode('mutation { rollbackRelease(toVersion: 1) { version } }', {}, as(manager))).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      const { rollbackRelease } = await api.graphql.ok<{ rollbackRelease: ReleaseView }>(
        ROLLBACK,
        { toVersion: 1, reason: REASON },
        as(manager),
      );
      const rows: { actor_id: string; details: { reason: string; restoredFrom: number } }[] = await api.app
        .get(DataSource)
        .query(`SELECT actor_id, details FROM audit_entry WHERE action = 'RELEASE_ROLLED_BACK' AND subject_id = $1`, [
          String(rollbackRelease.version),
        ]);
      expect(rows).toEqual([{ actor_id: manager.id, details: expect.objectContaining({ reason: REASON, restoredFrom: 1 }) }]);
      await publisher.rollback(latest, null);
    });

    it('refuses rollbackRelease to an operator (FORBIDDEN) and to an anonymous caller (UNAUTHENTICATED)', async () => {
      expect(await api.graphql.errorCode(ROLLBACK, { toVersion: 1, reason: REASON }, as(operator))).toBe('FORBIDDEN');
      expect(await api.graphql.errorCode(ROLLBACK, { toVersion: 1, reason: REASON })).toBe('UNAUTHENTICATED');
    });

    it('refuses rolling back to the version in force, to an unknown one, or to version 0', async () => {
      const latest = (await api.graphql.ok<ReleasesPage>(RELEASES, { first: 1 }, as(manager))).releases.totalCount;
      const same = await api.graphql.request(ROLLBACK, { toVersion: latest, reason: REASON }, as(manager, 'en'));
      expect(same.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(same.errors?.[0]?.message).toBe(`Version ${latest} is already the one in force.`);
      const unknown = await api.graphql.request(ROLLBACK, { toVersion: 9999, reason: REASON }, as(manager));
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(unknown.errors?.[0]?.message).toBe('La version 9999 du règlement n’existe pas.');
      expect(await api.graphql.errorCode(ROLLBACK, { toVersion: 0, reason: REASON }, as(manager))).toBe('BAD_USER_INPUT');
      expect((await api.graphql.ok<ReleasesPage>(RELEASES, { first: 1 }, as(manager))).releases.totalCount).toBe(
        latest,
      );
    });
  });

  describe('rulebookChanged over graphql-ws', () => {
    let feed: RulebookChangeFeed;
    const clients: Client[] = [];
    beforeAll(() => {
      feed = api.app.get(RulebookChangeFeed);
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
    });

    const connect = (connectionParams: Record<string, unknown>) => {
      const closes: { code: number; reason: string }[] = [];
      const client = createClient({
        url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        on: { closed: (event) => void closes.push(event as { code: number; reason: string }) },
      });
      clients.push(client);
      return { client, closes };
    };
    const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });

    it('pushes a RELEASE after a publication and an ADVISORY after publishAdvisory, to every subscriber', async () => {
      const open = feed.openSubscriptions;
      const watchers = [watchSubscription(connect(bearer(operator)).client, RULEBOOK_CHANGED), watchSubscription(connect(bearer(manager)).client, RULEBOOK_CHANGED)];
      await eventually(() => feed.openSubscriptions === open + 2);

      const release = await publisher.publish({
        changes: [
          { kind: 'AMEND', rule: sampleRule('REFUND-001', { title: 'Remboursement, version diffusée en direct' }) },
        ],
        notes: 'En direct',
        answers: ['PEP-000042'],
      });
      const input = {
        ruleKey: 'REFUND-001',
        message: 'Consigne en direct : accepter les photos du colis.',
        expiresAt: inDays(2),
      };
      const { publishAdvisory } = await api.graphql.ok<{ publishAdvisory: AdvisoryView }>(
        PUBLISH_ADVISORY,
        { input },
        as(admin),
      );

      for (const watcher of watchers) {
        const [first, second] = await watcher.next(2);
        expect(first).toEqual({
          data: {
            rulebookChanged: {
              kind: 'RELEASE',
              release: {
                version: release.version,
                sha256: release.sha256,
                notes: 'En direct',
                changes: { added: [], amended: ['REFUND-001'], retired: [], restoredFrom: null },
                answeredPepins: ['PEP-000042'],
              },
              advisory: null,
            },
          },
        });
        expect(second).toEqual({
          data: {
            rulebookChanged: {
              kind: 'ADVISORY',
              release: null,
              advisory: {
                id: publishAdvisory.id,
                ruleKey: 'REFUND-001',
                message: input.message,
                releaseVersion: release.version,
              },
            },
          },
        });
        expect(watcher.failure()).toBeUndefined();
      }

      // Unsubscribing releases the server side at once.
      watchers[0]?.dispose();
      await eventually(() => feed.openSubscriptions === open + 1);
      await clients[1]?.dispose();
      await eventually(() => feed.openSubscriptions === open);
    });

    it('releases the subscription when the client vanishes without saying goodbye', async () => {
      const open = feed.openSubscriptions;
      // A bare socket, so that it can drop the TCP connection without a closing handshake.
      const socket = new WebSocket(`${api.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      const acknowledged = new Promise<void>((resolve, reject) => {
        socket.on('message', (data) => {
          if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') resolve();
        });
        socket.on('error', reject);
      });
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: bearer(operator) }));
      await acknowledged;
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: RULEBOOK_CHANGED } }));
      await eventually(() => feed.openSubscriptions === open + 1);
      socket.terminate();
      await eventually(() => feed.openSubscriptions === open);
    });

    it.each<[string, () => Record<string, unknown>]>([
      ['no token', () => ({})],
      ['a forged token', () => ({ authorization: 'Bearer not-a-token' })],
      ['a token without the Bearer scheme', () => ({ authorization: operator.token })],
    ])('closes a connection with %s (4401) and sends it nothing', async (name, params) => {
      const open = feed.openSubscriptions;
      const { client, closes } = connect(params());
      const watcher = watchSubscription(client, RULEBOOK_CHANGED);
      await eventually(() => watcher.failure() !== undefined);
      expect(watcher.failure()).toMatchObject({ code: 4401, reason: 'Unauthorized' });
      expect(closes).toEqual([expect.objectContaining({ code: 4401 })]);
      await publisher.publish({
        changes: [
          { kind: 'AMEND', rule: sampleRule('REFUND-001', { title: `Remboursement, connexion avec ${name}` }) },
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(watcher.results).toEqual([]);
      expect(feed.openSubscriptions).toBe(open);
    });

    it('cuts a deactivated user off: their running subscription is closed (4401) and a new one refused', async () => {
      const open = feed.openSubscriptions;
      const leaver = await api.world.newUser(Role.OPERATOR);
      const { client } = connect({ ...bearer(leaver), language: 'en' });
      const before = watchSubscription(client, RULEBOOK_CHANGED);
      await eventually(() => feed.openSubscriptions === open + 1);
      await api.graphql.ok('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: leaver.id }, as(admin));
      await eventually(() => before.failure() !== undefined);
      expect(before.failure()).toMatchObject({ code: 4401 });
      await eventually(() => feed.openSubscriptions === open);
      const again = watchSubscription(connect({ ...bearer(leaver), language: 'en' }).client, RULEBOOK_CHANGED);
      await eventually(() => again.failure() !== undefined);
      expect(again.failure()).toMatchObject({ code: 4401 });
    });

    it('serves only subscriptions over the socket, with coded errors', async () => {
      const { client } = connect(bearer(manager));
      const query = watchSubscription(client, '{ advisories { id } }');
      await eventually(() => query.failure() !== undefined);
      expect(query.failure()).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
      const invalid = watchSubscription(client, 'subscription { rulebookChanged { nope } }');
      await eventually(() => invalid.failure() !== undefined);
      expect(invalid.failure()).toEqual([
        expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
    });
  });
});

