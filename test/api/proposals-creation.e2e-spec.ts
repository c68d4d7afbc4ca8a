import { Role } from '@pepite/api/identity';
import { PepinStatus } from '@pepite/api/pepins';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, PEPIN, sql, type PepinJson } from '../support/pepin-graphql';
import {
  acknowledgedPepin,
  CREATE_PROPOSAL,
  createProposal,
  PROPOSALS,
  publishSampleRules,
  readProposal,
  type ProposalJson,
} from '../support/proposal-graphql';

let api: TestApi;
let reporter: TestUser;
let manager: TestUser;
let admin: TestUser;
let operator: TestUser;
let elsewhere: { reporter: TestUser; manager: TestUser; operator: TestUser };

const RATIONALE =
  'Les clients attendent trop longtemps pour de petites sommes : la règle coûte plus qu’elle ne protège.';

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  operator = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  admin = await api.world.newUser(Role.ADMIN);
  const site = await api.world.newSite();
  elsewhere = {
    reporter: await api.world.newUser(Role.OPERATOR, { site }),
    manager: await api.world.newUser(Role.MANAGER, { site }),
    operator: await api.world.newUser(Role.OPERATOR, { site }),
  };
  await publishSampleRules(api, ['REFUND-001', 'REFUND-002']);
});
afterAll(() => api.close());

async function pepinStatus(id: string): Promise<string> {
  return (await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id }, { token: manager.token })).pepin.status;
}

function input(pepinIds: string[], changes: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return { input: { pepinIds, title: 'Un remboursement plus simple', rationale: RATIONALE, changes, ...extra } };
}

describe('createProposal', () => {
  it('turns acknowledged pépins into a proposal in design, with its first revision resolved against the rulebook', async () => {
    const first = await acknowledgedPepin(api, reporter, manager);
    const second = await acknowledgedPepin(api, reporter, manager);
    const proposal = await createProposal(
      api,
      manager,
      [first, second],
      [
        {
          kind: 'AMEND',
          ruleKey: 'REFUND-001',
          statement: 'Rembourser sans justificatif tout achat de moins de 30 €.',
        },
        {
          kind: 'CREATE',
          ruleKey: 'REFUND-010',
          category: 'Remboursements',
          title: 'Geste commercial immédiat',
          statement: 'Accorder un avoir de 5 € quand la livraison a plus de trois jours de retard.',
          rationale: 'Un retard coûte la confiance du client ; un petit geste la garde.',
          latitude: 'Le conseiller décide seul jusqu’à 5 €, sans validation.',
          escalation: 'Au-delà de 5 €, passer la main au superviseur du plateau.',
          customerWording: '« Je vous offre un avoir de 5 € pour ce retard, toutes nos excuses. »',
          tags: ['Livraison', 'geste'],
          effectiveFrom: '2026-09-01',
        },
        { kind: 'RETIRE', ruleKey: 'REFUND-002' },
      ],
    );

    expect(proposal.reference).toMatch(/^PROP-\d{6}$/);
    expect(proposal.status).toBe('IN_DESIGN');
    expect(proposal.currentRevision).toBe(1);
    expect(proposal.createdBy).toEqual({ id: manager.id, displayName: manager.displayName });
    expect(proposal.pepins.map((pepin) => pepin.id).sort()).toEqual([first, second].sort());
    expect(proposal.pepins.every((pepin) => pepin.status === 'IN_DESIGN')).toBe(true);
    expect(proposal.coAuthors).toEqual([
      expect.objectContaining({ kind: 'MANAGER', status: 'ACCEPTED', anonymous: false }),
    ]);

    const [revision] = proposal.revisions;
    expect(revision?.number).toBe(1);
    expect(revision?.note).toBeNull();
    expect(revision?.baseRelease).toBe(1);
    expect(revision?.author.person?.id).toBe(manager.id);
    const [amend, create, retire] = revision?.changes ?? [];
    // AMEND: the fields left out keep the published wording.
    const published = sampleRule('REFUND-001');
    expect(amend).toEqual({
      kind: 'AMEND',
      ruleKey: 'REFUND-001',
      baseRevision: 1,
      rule: {
        ...published,
        tags: [...published.tags],
        statement: 'Rembourser sans justificatif tout achat de moins de 30 €.',
      },
    });
    expect(create).toMatchObject({ kind: 'CREATE', ruleKey: 'REFUND-010', baseRevision: null });
    expect(create?.rule?.tags).toEqual(['livraison', 'geste']);
    expect(retire).toEqual({ kind: 'RETIRE', ruleKey: 'REFUND-002', baseRevision: 1, rule: null });

    // The pépins moved, with a history line naming the proposal, and their reporter was told.
    expect(await pepinStatus(first)).toBe(PepinStatus.IN_DESIGN);
    expect(await pepinStatus(second)).toBe(PepinStatus.IN_DESIGN);
    const history = (await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id: first }, { token: manager.token })).pepin
      .history;
    expect(history.at(-1)).toMatchObject({ kind: 'DESIGN_STARTED', toStatus: 'IN_DESIGN' });
    expect(history.at(-1)?.message).toContain(proposal.reference);
    expect((await notificationsOf(api, reporter)).some((n) => n.kind === 'PEPIN_IN_DESIGN')).toBe(true);

    // One audit line, by the manager, in the same transaction.
    const audit = await sql<{ action: string; actor_id: string; actor_role: string }>(
      api,
      `SELECT action, actor_id, actor_role FROM audit_entry WHERE subject_type = 'PROPOSAL' AND subject_id = $1`,
      [proposal.id],
    );
    expect(audit).toEqual([{ action: 'PROPOSAL_CREATED', actor_id: manager.id, actor_role: 'MANAGER' }]);
  });

  it('defaults a creation’s tags to none and its effective date to the day of the revision', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const rule = sampleRule('GDPR-001');
    const proposal = await createProposal(
      api,
      manager,
      [pepin],
      [
        {
          kind: 'CREATE',
          ruleKey: rule.key,
          category: rule.category,
          title: rule.title,
          statement: rule.statement,
          rationale: rule.rationale,
          latitude: rule.latitude,
          escalation: rule.escalation,
          customerWording: rule.customerWording,
        },
      ],
    );
    const created = proposal.revisions[0]?.changes[0]?.rule;
    expect(created?.tags).toEqual([]);
    expect(created?.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Math.abs(Date.parse(created?.effectiveFrom ?? '') - Date.now())).toBeLessThan(2 * 86_400_000);
  });

  it('refuses a pépin that is not ACKNOWLEDGED, and writes nothing (the other pépins stay put)', async () => {
    const fresh = (await api.world.newPepin(reporter, { noRuleApplies: true })).id;
    const acknowledged = await acknowledgedPepin(api, reporter, manager);
    const before = await sql<{ count: number }>(api, 'SELECT count(*)::int AS count FROM proposal');
    const response = await api.graphql.request(
      CREATE_PROPOSAL,
      input([acknowledged, fresh], [{ kind: 'AMEND', ruleKey: 'REFUND-001', title: 'Un titre tout neuf' }]),
      { token: manager.token, language: 'en' },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(response.errors?.[0]?.message).toMatch(/is NEW: it cannot become IN_DESIGN/);
    expect(await pepinStatus(acknowledged)).toBe('ACKNOWLEDGED');
    expect(await pepinStatus(fresh)).toBe('NEW');
    expect(await sql(api, 'SELECT count(*)::int AS count FROM proposal')).toEqual(before);

    // A pépin already in design (in another proposal) is refused the same way.
    const taken = await acknowledgedPepin(api, reporter, manager);
    await createProposal(api, manager, [taken], [{ kind: 'AMEND', ruleKey: 'REFUND-001', title: 'Un autre titre' }]);
    expect(
      await api.graphql.errorCode(CREATE_PROPOSAL, input([taken], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]), {
        token: manager.token,
      }),
    ).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses another site’s pépin as if it did not exist', async () => {
    const theirs = await acknowledgedPepin(api, elsewhere.reporter, elsewhere.manager);
    const ours = await acknowledgedPepin(api, reporter, manager);
    const response = await api.graphql.request(
      CREATE_PROPOSAL,
      input([ours, theirs], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]),
      { token: manager.token, language: 'fr' },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.errors?.[0]?.message).toBe('Ce pépin est introuvable.');
    expect(await pepinStatus(ours)).toBe('ACKNOWLEDGED');
  });

  it('lets an admin create on the pépins’ site, but not across two sites', async () => {
    const ours = await acknowledgedPepin(api, reporter, manager);
    const theirs = await acknowledgedPepin(api, elsewhere.reporter, elsewhere.manager);
    const response = await api.graphql.request(
      CREATE_PROPOSAL,
      input([ours, theirs], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]),
      { token: admin.token, language: 'en' },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('The pépins of a proposal must all belong to the same site.');
    expect(await pepinStatus(ours)).toBe('ACKNOWLEDGED');

    const proposal = (
      await api.graphql.ok<{ createProposal: ProposalJson }>(
        CREATE_PROPOSAL,
        input([theirs], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]),
        { token: admin.token },
      )
    ).createProposal;
    // It belongs to the pépins' site: its managers and operators see it, ours do not.
    expect((await readProposal(api, proposal.id, elsewhere.operator)).reference).toBe(proposal.reference);
    expect(await api.graphql.errorCode(`{ proposal(id: "${proposal.id}") { id } }`, {}, { token: manager.token })).toBe(
      'NOT_FOUND',
    );
  });

  describe('bad input, every problem at once, in French and English', () => {
    async function problems(
      changes: Record<string, unknown>[],
      language: 'fr' | 'en',
      extra: Record<string, unknown> = {},
    ) {
      const pepin = await acknowledgedPepin(api, reporter, manager);
      const response = await api.graphql.request(CREATE_PROPOSAL, input([pepin], changes, extra), {
        token: manager.token,
        language,
      });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await pepinStatus(pepin)).toBe('ACKNOWLEDGED');
      const extensions = response.errors?.[0]?.extensions as {
        reason: string;
        fields: { field: string; constraint: string; fr: string; en: string }[];
      };
      expect(extensions.reason).toBe('invalidProposalInput');
      return { message: response.errors?.[0]?.message ?? '', fields: extensions.fields };
    }

    it('an AMEND of a rule that is not in force', async () => {
      const fr = await problems([{ kind: 'AMEND', ruleKey: 'NOPE-404', title: 'Un titre' }], 'fr');
      expect(fr.fields).toEqual([
        expect.objectContaining({ field: 'changes[0].ruleKey', constraint: 'RULE_NOT_IN_FORCE' }),
      ]);
      expect(fr.message).toBe(
        'La proposition ne peut pas être créée : La règle NOPE-404 n’est pas en vigueur dans le règlement publié : impossible de la modifier.',
      );
      const en = await problems([{ kind: 'RETIRE', ruleKey: 'NOPE-404' }], 'en');
      expect(en.message).toBe(
        'The proposal cannot be created: Rule NOPE-404 is not in force in the published rulebook: it cannot be retired.',
      );
    });

    it('a CREATE of a key that already exists', async () => {
      const rule = sampleRule('REFUND-001');
      const en = await problems([{ kind: 'CREATE', ruleKey: 'REFUND-001', ...rule, key: undefined }], 'en');
      expect(en.fields).toEqual([
        expect.objectContaining({ field: 'changes[0].ruleKey', constraint: 'RULE_ALREADY_EXISTS' }),
      ]);
      expect(en.message).toContain(
        'Rule REFUND-001 already exists (revision 1 in force): propose to amend it (AMEND) instead of creating it.',
      );
      const fr = await problems([{ kind: 'CREATE', ruleKey: 'REFUND-001', ...rule, key: undefined }], 'fr');
      expect(fr.message).toContain('La règle REFUND-001 existe déjà (révision 1 en vigueur)');
    });

    it('invalid wording fields, a missing one, a bad key and date, and the proposal’s own texts', async () => {
      const { message, fields } = await problems(
        [
          { kind: 'CREATE', ruleKey: 'refund 11', title: 'Titre correct', statement: 'court' },
          { kind: 'AMEND', ruleKey: 'REFUND-001', effectiveFrom: '2026-02-30' },
          { kind: 'AMEND', ruleKey: 'REFUND-002', statement: sampleRule('REFUND-002').statement },
          { kind: 'RETIRE', ruleKey: 'REFUND-001' },
        ],
        'en',
        { title: 'Bof', rationale: '  ' },
      );
      expect(fields.map((f) => `${f.field}:${f.constraint}`)).toEqual([
        'title:TOO_SHORT',
        'rationale:REQUIRED',
        'changes[0].ruleKey:INVALID_KEY',
        'changes[0].category:REQUIRED',
        'changes[0].statement:TOO_SHORT',
        'changes[0].rationale:REQUIRED',
        'changes[0].latitude:REQUIRED',
        'changes[0].escalation:REQUIRED',
        'changes[0].customerWording:REQUIRED',
        'changes[1].effectiveFrom:INVALID_DATE',
        'changes[2]:NOTHING_CHANGES',
        'changes[3].ruleKey:RULE_CHANGED_TWICE',
      ]);
      expect(message).toContain('The proposal’s title must be at least 5 characters long (it has 3).');
      expect(message).toContain('refund 11: The key “refund 11” does not have the expected form');
      expect(message).toContain('REFUND-001: The effective date is invalid: “2026-02-30” is not a calendar date');
      expect(fields[4]?.fr).toBe("refund 11 : L'énoncé de la règle doit faire au moins 10 caractères (il en fait 5).");
    });

    it('no pépin and no change', async () => {
      const response = await api.graphql.request(CREATE_PROPOSAL, input([], []), {
        token: manager.token,
        language: 'fr',
      });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe(
        'La proposition ne peut pas être créée : Une proposition répond à au moins un pépin reconnu. ' +
          'Une proposition change au moins une règle : ajoutez une création, une modification ou un retrait.',
      );
    });

    it('a wrongly typed field, before anything is read', async () => {
      const response = await api.graphql.request(
        CREATE_PROPOSAL,
        input([], [{ kind: 'AMEND', ruleKey: 'REFUND-001', tags: 'pas-une-liste', unknown: 1 }]),
        { token: manager.token },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

describe('proposals list and access', () => {
  it('lists the site’s proposals, newest first, filtered by status, page by page', async () => {
    const site = await api.world.newSite();
    const siteManager = await api.world.newUser(Role.MANAGER, { site });
    const siteOperator = await api.world.newUser(Role.OPERATOR, { site });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pepin = await acknowledgedPepin(api, siteOperator, siteManager);
      ids.push((await createProposal(api, siteManager, [pepin], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }])).id);
    }
    type Page = {
      proposals: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
        edges: { node: { id: string; status: string } }[];
      };
    };
    const first = await api.graphql.ok<Page>(PROPOSALS, { first: 2 }, { token: siteOperator.token });
    expect(first.proposals.totalCount).toBe(3);
    expect(first.proposals.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.proposals.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await api.graphql.ok<Page>(
      PROPOSALS,
      { first: 2, after: first.proposals.pageInfo.endCursor },
      { token: siteOperator.token },
    );
    expect(second.proposals.edges.map((edge) => edge.node.id)).toEqual([ids[0]]);
    expect(second.proposals.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const inVote = await api.graphql.ok<Page>(PROPOSALS, { status: 'IN_VOTE' }, { token: siteManager.token });
    expect(inVote.proposals.totalCount).toBe(0);
    const onOtherSite = await api.graphql.ok<Page>(PROPOSALS, {}, { token: manager.token });
    expect(onOtherSite.proposals.edges.some((edge) => ids.includes(edge.node.id))).toBe(false);
    const forAdmin = await api.graphql.ok<Page>(PROPOSALS, { first: 100 }, { token: admin.token });
    expect(ids.every((id) => forAdmin.proposals.edges.some((edge) => edge.node.id === id))).toBe(true);

    expect(await api.graphql.errorCode(PROPOSALS, { after: 'not-a-cursor' }, { token: siteManager.token })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await api.graphql.errorCode(PROPOSALS, { first: 1000 }, { token: siteManager.token })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('declares who may call each operation: operators cannot create, nobody anonymous gets in', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const proposal = await createProposal(api, manager, [pepin], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
    const create = input([pepin], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
    expect(await api.graphql.errorCode(CREATE_PROPOSAL, create, { token: operator.token })).toBe('FORBIDDEN');

    const operations: [string, Record<string, unknown>][] = [
      [PROPOSALS, {}],
      [`query P($id: ID!) { proposal(id: $id) { id } }`, { id: proposal.id }],
      [CREATE_PROPOSAL, create],
      [
        `mutation R($id: ID!, $input: ReviseProposalInput!) { reviseProposal(id: $id, input: $input) { id } }`,
        { id: proposal.id, input: { note: 'Une note', changes: [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }] } },
      ],
      [
        `mutation I($p: ID!, $u: ID!) { inviteCoAuthor(proposalId: $p, userId: $u) { id } }`,
        { p: proposal.id, u: operator.id },
      ],
      [`mutation A($p: ID!) { respondToCoAuthorInvitation(proposalId: $p, accept: true) { id } }`, { p: proposal.id }],
      [
        `mutation C($input: CommentOnProposalInput!) { commentOnProposal(input: $input) { id } }`,
        { input: { proposalId: proposal.id, revision: 1, body: 'Bonne idée.' } },
      ],
      [`mutation E($id: ID!) { endorseProposal(id: $id) { id } }`, { id: proposal.id }],
    ];
    for (const [query, variables] of operations) {
      expect(await api.graphql.errorCode(query, variables)).toBe('UNAUTHENTICATED');
    }
    // Another site's people do not see it, whatever they try.
    for (const user of [elsewhere.manager, elsewhere.operator]) {
      expect(await api.graphql.errorCode(operations[1]?.[0] ?? '', { id: proposal.id }, { token: user.token })).toBe(
        'NOT_FOUND',
      );
    }
  });
});
