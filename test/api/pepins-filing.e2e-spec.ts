import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import {
  FILE_PEPIN,
  notificationsOf,
  publishRules,
  sql,
  SUPPORT_PEPIN,
  type PepinJson,
} from '../support/pepin-graphql';

let api: TestApi;
let operator: TestUser;
let colleague: TestUser;
let manager: TestUser;
let elsewhere: TestUser;

const base = {
  title: 'Remboursement partiel impossible',
  description: 'Le client a reçu un colis abîmé et la règle ne permet pas de rembourser une partie seulement.',
};

beforeAll(async () => {
  api = await startTestApi();
  operator = await api.world.newUser(Role.OPERATOR);
  colleague = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  elsewhere = await api.world.newUser(Role.OPERATOR, { site: await api.world.newSite() });
  await publishRules(api, ['REFUND-001', 'GDPR-002']); // release 1
  await publishRules(api, ['DELIVERY-003'], 'Livraisons'); // release 2
});
afterAll(() => api.close());

async function file(user: TestUser, input: Record<string, unknown>, language?: string) {
  return api.graphql.request<{ filePepin: PepinJson }>(FILE_PEPIN, { input }, { token: user.token, language });
}

async function fileOk(user: TestUser, input: Record<string, unknown>): Promise<PepinJson> {
  return (await api.graphql.ok<{ filePepin: PepinJson }>(FILE_PEPIN, { input }, { token: user.token })).filePepin;
}

describe('filing a pépin', () => {
  it('files a pépin about a rule in force, with a human reference and the acknowledgement promise', async () => {
    const pepin = await fileOk(operator, {
      ...base,
      ruleKey: 'refund-001',
      customerImpact: 'MAJOR',
      callReference: 'CALL-42',
    });
    expect(pepin).toMatchObject({
      reference: expect.stringMatching(/^PEP-\d{6}$/),
      status: 'NEW',
      ruleKey: 'REFUND-001',
      ruleVersion: 2,
      ruleCategory: 'Remboursements',
      noRuleApplies: false,
      customerImpact: 'MAJOR',
      callReference: 'CALL-42',
      signed: false,
      reporter: null,
      supportCount: 0,
      overdue: false,
    });
    expect(Date.parse(pepin.ackDueAt) - Date.parse(pepin.createdAt)).toBe(72 * 3600 * 1000);
    expect(pepin.history).toEqual([
      expect.objectContaining({
        kind: 'FILED',
        actorRole: 'REPORTER',
        actorLabel: 'Rapporteur',
        actor: null,
        toStatus: 'NEW',
      }),
    ]);
  });

  it('numbers pépins in order', async () => {
    const first = await fileOk(operator, base);
    const second = await fileOk(operator, base);
    expect(Number(second.reference.slice(4))).toBeGreaterThan(Number(first.reference.slice(4)));
  });

  it('takes the rule version the operator was reading, and says "no rule covers this" without a key', async () => {
    expect(await fileOk(operator, { ...base, ruleKey: 'GDPR-002', ruleVersion: 1 })).toMatchObject({
      ruleKey: 'GDPR-002',
      ruleVersion: 1,
    });
    expect(await fileOk(operator, { ...base, noRuleApplies: true })).toMatchObject({
      ruleKey: null,
      ruleVersion: null,
      noRuleApplies: true,
    });
  });

  it('uses the site’s own acknowledgement promise', async () => {
    const place = await api.world.newSite();
    await sql(api, 'UPDATE site SET ack_sla_hours = 24 WHERE id = $1', [place.site.id]);
    const pepin = await fileOk(await api.world.newUser(Role.OPERATOR, { site: place }), base);
    expect(Date.parse(pepin.ackDueAt) - Date.parse(pepin.createdAt)).toBe(24 * 3600 * 1000);
  });

  it('refuses a rule unknown in the release given, or a release that does not exist, with translated messages', async () => {
    const notYet = await file(operator, { ...base, ruleKey: 'DELIVERY-003', ruleVersion: 1 });
    expect(notYet.errors?.[0]).toMatchObject({
      message: 'La règle DELIVERY-003 n’existe pas dans la version 1 du règlement.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'unknownRuleKey' },
    });
    const unknown = await file(operator, { ...base, ruleKey: 'NOPE-001' }, 'en');
    expect(unknown.errors?.[0]?.message).toBe('Rule NOPE-001 does not exist in rulebook version 2.');
    const future = await file(operator, { ...base, ruleKey: 'REFUND-001', ruleVersion: 99 }, 'en');
    expect(future.errors?.[0]).toMatchObject({
      message: 'Rulebook version 99 does not exist (the latest published is 2).',
      extensions: { code: 'BAD_USER_INPUT', reason: 'unknownRuleVersion' },
    });
  });

  it('explains every invalid field at once, in French and in English', async () => {
    const input = {
      title: 'abc',
      description: 'trop court',
      ruleKey: 'REFUND-001',
      noRuleApplies: true,
      callReference: 'appel 12',
    };
    const fr = await file(operator, input);
    expect(fr.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'invalidFiling',
      fields: [
        expect.objectContaining({ field: 'title', constraint: 'TOO_SHORT' }),
        expect.objectContaining({ field: 'description', constraint: 'TOO_SHORT' }),
        expect.objectContaining({ field: 'noRuleApplies', constraint: 'NOT_ALLOWED_TOGETHER' }),
        expect.objectContaining({ field: 'callReference', constraint: 'INVALID_FORMAT' }),
      ],
    });
    expect(fr.errors?.[0]?.message).toContain('Le titre doit faire au moins 5 caractères (3 actuellement).');
    const en = await file(operator, input, 'en');
    expect(en.errors?.[0]?.message).toContain(
      'The description of what happened must be at least 20 characters long (10 now).',
    );
    expect(await sql(api, 'SELECT 1 FROM pepin WHERE title = $1', ['abc'])).toEqual([]);
  });

  it('is for operators', async () => {
    expect(await api.graphql.errorCode(FILE_PEPIN, { input: base }, { token: manager.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(FILE_PEPIN, { input: base })).toBe('UNAUTHENTICATED');
  });
});

describe('idempotent filing', () => {
  it('creates exactly one pépin under 20 concurrent retries with the same key', async () => {
    const input = { ...base, ruleKey: 'REFUND-001', idempotencyKey: 'retry-0001-abcdef' };
    const results = await Promise.all(Array.from({ length: 20 }, () => fileOk(operator, input)));
    expect(new Set(results.map((pepin) => pepin.id)).size).toBe(1);
    const rows = await sql<{ id: string }>(
      api,
      'SELECT id FROM pepin WHERE reporter_id = $1 AND idempotency_key = $2',
      [operator.id, input.idempotencyKey],
    );
    expect(rows).toEqual([{ id: results[0]?.id }]);
    expect(await sql(api, `SELECT 1 FROM pepin_event WHERE pepin_id = $1`, [results[0]?.id])).toHaveLength(1);
    // And a retry long after returns it again.
    expect((await fileOk(operator, input)).id).toBe(results[0]?.id);
  });

  it('refuses the same key with different content (CONFLICT), and keys are per operator', async () => {
    const first = await fileOk(operator, { ...base, idempotencyKey: 'retry-0002-abcdef' });
    const changed = await file(operator, { ...base, title: 'Un autre problème', idempotencyKey: 'retry-0002-abcdef' });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const other = await fileOk(colleague, { ...base, idempotencyKey: 'retry-0002-abcdef' });
    expect(other.id).not.toBe(first.id);
  });
});

describe('me too', () => {
  it('counts each operator once, and notifies supporters like the reporter', async () => {
    const pepin = await fileOk(operator, base);
    const support = (user: TestUser, signed?: boolean) =>
      api.graphql.ok<{ supportPepin: PepinJson }>(SUPPORT_PEPIN, { id: pepin.id, signed }, { token: user.token });
    expect((await support(colleague)).supportPepin.supportCount).toBe(1);
    expect((await support(colleague)).supportPepin.supportCount).toBe(1);
    const third = await api.world.newUser(Role.OPERATOR);
    const signed = (await support(third, true)).supportPepin;
    expect(signed.supportCount).toBe(2);
    expect(signed.supporters).toEqual([{ id: third.id, displayName: third.displayName }]);
    await api.graphql.ok(`mutation { acknowledgePepin(id: "${pepin.id}") { id } }`, {}, { token: manager.token });
    for (const user of [operator, colleague, third]) {
      expect(
        (await notificationsOf(api, user)).filter((n) => n.kind === 'PEPIN_ACKNOWLEDGED' && n.subjectId === pepin.id),
      ).toHaveLength(1);
    }
  });

  it('does not count the reporter, a closed pépin, or another site’s operator', async () => {
    const pepin = await fileOk(operator, base);
    expect(await api.graphql.errorCode(SUPPORT_PEPIN, { id: pepin.id }, { token: operator.token })).toBe('CONFLICT');
    expect(await api.graphql.errorCode(SUPPORT_PEPIN, { id: pepin.id }, { token: elsewhere.token })).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(SUPPORT_PEPIN, { id: pepin.id }, { token: manager.token })).toBe('FORBIDDEN');
    await api.graphql.ok(
      `mutation { declinePepin(id: "${pepin.id}", reason: "La procédure actuelle couvre déjà ce cas précis.") { id } }`,
      {},
      { token: manager.token },
    );
    expect(await api.graphql.errorCode(SUPPORT_PEPIN, { id: pepin.id }, { token: colleague.token })).toBe('CONFLICT');
    expect(
      await api.graphql.errorCode(
        SUPPORT_PEPIN,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: colleague.token },
      ),
    ).toBe('NOT_FOUND');
  });

  it('does not move updatedAt or write history: a support cannot be timed', async () => {
    const pepin = await fileOk(operator, base);
    const supported = (
      await api.graphql.ok<{ supportPepin: PepinJson }>(SUPPORT_PEPIN, { id: pepin.id }, { token: colleague.token })
    ).supportPepin;
    expect(supported.updatedAt).toBe(pepin.updatedAt);
    expect(supported.history).toHaveLength(1);
  });
});

describe('similar pépins', () => {
  const SIMILAR = `query Similar($text: String!) { similarPepins(text: $text) { id reference title status supportCount score } }`;
  let parcel: PepinJson;
  let gdpr: PepinJson;

  beforeAll(async () => {
    parcel = await fileOk(operator, {
      title: 'Colis abîmé non remboursable',
      description: 'Le colis est arrivé écrasé, le remboursement partiel est interdit par la procédure.',
    });
    gdpr = await fileOk(operator, {
      title: 'Suppression des données client',
      description: 'Le client demande l’effacement de ses données personnelles, aucune procédure ne le prévoit.',
    });
    const declined = await fileOk(operator, {
      title: 'Colis abîmé refusé',
      description: 'Un colis abîmé que personne ne veut rembourser au client.',
    });
    await api.graphql.ok(
      `mutation { declinePepin(id: "${declined.id}", reason: "La procédure actuelle couvre déjà ce cas précis.") { id } }`,
      {},
      { token: manager.token },
    );
    await fileOk(elsewhere, {
      title: 'Colis abîmé ailleurs',
      description: 'Un colis abîmé sur un autre site, même problème de remboursement.',
    });
  });

  async function similar(
    user: TestUser,
    text: string,
  ): Promise<{ id: string; title: string; status: string; score: number }[]> {
    return (
      await api.graphql.ok<{ similarPepins: { id: string; title: string; status: string; score: number }[] }>(
        SIMILAR,
        { text },
        { token: user.token },
      )
    ).similarPepins;
  }

  it('finds open pépins of the caller’s site, accents and word endings aside', async () => {
    const found = await similar(colleague, 'colis abime rembourse');
    expect(found[0]?.id).toBe(parcel.id);
    expect(found.every((p) => p.status === 'NEW' || p.status === 'ACKNOWLEDGED')).toBe(true);
    expect(found.map((p) => p.title)).not.toContain('Colis abîmé refusé');
    expect(found.map((p) => p.title)).not.toContain('Colis abîmé ailleurs');
    expect(found[0]?.score).toBeGreaterThan(0);
  });

  it('matches a word being typed, and a misspelt title', async () => {
    expect((await similar(colleague, 'effacement des donn'))[0]?.id).toBe(gdpr.id);
    expect((await similar(manager, 'Supresion des donees client'))[0]?.id).toBe(gdpr.id);
  });

  it('finds nothing for too short or unrelated a text', async () => {
    expect(await similar(colleague, 'ab')).toEqual([]);
    expect(await similar(colleague, 'xylophone zébré')).toEqual([]);
  });
});
