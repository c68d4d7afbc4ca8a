import { DataSource } from 'typeorm';
import { Role } from '@pepite/api/identity';
import { PepinStatus, PepinTriage } from '@pepite/api/pepins';
import { ProposalStatus, ProposalWorkflow } from '@pepite/api/proposals';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { authenticated, sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import {
  proposalForNewPepin,
  readProposal,
  REVISE_PROPOSAL,
  REVISION_DIFF,
  type ProposalJson,
  type RuleDiffJson,
} from '../support/proposal-graphql';

let api: TestApi;
let reporter: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let operator: TestUser;
let elsewhere: TestUser;

const PUBLISHED_STATEMENT = sampleRule('REFUND-001').statement;
const STATEMENT_1 = 'Vérifier la commande du client puis rembourser sans justificatif tout achat de moins de 30 €.';
const STATEMENT_2 = 'Vérifier la commande du client puis rembourser sans justificatif tout achat de moins de 50 €.';
const NEW_RULE = {
  kind: 'CREATE',
  ruleKey: 'REFUND-020',
  category: 'Remboursements',
  title: 'Remboursement express',
  statement: 'Rembourser le jour même quand le colis est perdu.',
  rationale: 'Le client n’a pas à financer nos erreurs de transport.',
  latitude: 'Le conseiller décide seul jusqu’à 100 €.',
  escalation: 'Au-delà, demander l’accord du superviseur.',
  customerWording: '« Vous êtes remboursé aujourd’hui même. »',
  effectiveFrom: '2026-10-01',
};

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  operator = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  otherManager = await api.world.newUser(Role.MANAGER);
  elsewhere = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
  await api.app.get(RulebookPublisher).publish({
    changes: ['REFUND-001', 'REFUND-002'].map((key) => ({ kind: 'CREATE' as const, rule: sampleRule(key) })),
  });
});
afterAll(() => api.close());

function newProposal(): Promise<ProposalJson> {
  return proposalForNewPepin(api, reporter, manager, [
    { kind: 'AMEND', ruleKey: 'REFUND-001', statement: STATEMENT_1 },
  ]);
}

function revise(id: string, user: TestUser, input: Record<string, unknown>, language?: string) {
  return api.graphql.request<{ reviseProposal: ProposalJson }>(
    REVISE_PROPOSAL,
    { id, input },
    { token: user.token, language },
  );
}

async function diff(id: string, number: number, against: 'PUBLISHED' | 'PREVIOUS'): Promise<RuleDiffJson[]> {
  type Data = { proposal: { revision: { number: number; diff: RuleDiffJson[] } } };
  return (await api.graphql.ok<Data>(REVISION_DIFF, { id, number, against }, { token: operator.token })).proposal
    .revision.diff;
}

describe('reviseProposal and the diffs of each revision', () => {
  it('adds a revision with a note; diffs it word by word against the published rules and the previous revision', async () => {
    const proposal = await newProposal();
    // Revision 1 against the rulebook: only the statement changed, word by word.
    expect(await diff(proposal.id, 1, 'PUBLISHED')).toEqual([
      {
        ruleKey: 'REFUND-001',
        kind: 'AMEND',
        existsBefore: true,
        existsAfter: true,
        publishedRevision: 1,
        fields: [
          {
            field: 'statement',
            before: PUBLISHED_STATEMENT,
            after: STATEMENT_1,
            segments: [
              { kind: 'SAME', text: 'Vérifier la commande du client puis ' },
              { kind: 'REMOVED', text: 'appliquer la procédure décrite ici' },
              { kind: 'ADDED', text: 'rembourser sans justificatif tout achat de moins de 30 €' },
              { kind: 'SAME', text: '.' },
            ],
          },
        ],
      },
    ]);
    expect(await diff(proposal.id, 1, 'PREVIOUS')).toEqual([]);

    const response = await revise(proposal.id, otherManager, {
      note: 'Seuil relevé à 50 €, et un remboursement express pour les colis perdus.',
      title: 'Rembourser sans justificatif sous 50 €',
      changes: [
        { kind: 'AMEND', ruleKey: 'REFUND-001', statement: STATEMENT_2, title: 'Remboursement simplifié' },
        NEW_RULE,
      ],
    });
    const revised = response.data?.reviseProposal as ProposalJson;
    expect(response.errors).toBeUndefined();
    expect(revised.currentRevision).toBe(2);
    expect(revised.status).toBe('IN_DESIGN');
    expect(revised.title).toBe('Rembourser sans justificatif sous 50 €');
    expect(revised.revisions.map((r) => [r.number, r.note, r.title])).toEqual([
      [1, null, 'Rembourser sans justificatif sous 30 €'],
      [
        2,
        'Seuil relevé à 50 €, et un remboursement express pour les colis perdus.',
        'Rembourser sans justificatif sous 50 €',
      ],
    ]);
    expect(revised.revisions[1]?.author.person?.id).toBe(otherManager.id);
    // The manager who revised is a co-author now.
    expect(revised.coAuthors.map((c) => c.author.person?.id)).toEqual([manager.id, otherManager.id]);

    // Against the previous revision: the threshold moved, the title changed, a rule appeared.
    const previous = await diff(proposal.id, 2, 'PREVIOUS');
    expect(previous).toEqual([
      {
        ruleKey: 'REFUND-001',
        kind: 'AMEND',
        existsBefore: true,
        existsAfter: true,
        publishedRevision: 1,
        fields: [
          { field: 'title', before: 'Règle de test REFUND-001', after: 'Remboursement simplifié', segments: null },
          {
            field: 'statement',
            before: STATEMENT_1,
            after: STATEMENT_2,
            segments: [
              {
                kind: 'SAME',
                text: 'Vérifier la commande du client puis rembourser sans justificatif tout achat de moins de ',
              },
              { kind: 'REMOVED', text: '30' },
              { kind: 'ADDED', text: '50' },
              { kind: 'SAME', text: ' €.' },
            ],
          },
        ],
      },
      expect.objectContaining({ ruleKey: 'REFUND-020', kind: 'CREATE', existsBefore: false, existsAfter: true }),
    ]);
    const created = previous[1] as RuleDiffJson;
    expect(created.publishedRevision).toBeNull();
    expect(created.fields.find((f) => f.field === 'statement')).toEqual({
      field: 'statement',
      before: '',
      after: NEW_RULE.statement,
      segments: [{ kind: 'ADDED', text: NEW_RULE.statement }],
    });

    // Against the rulebook: REFUND-001 from revision 1 in force, REFUND-020 from nothing.
    const published = await diff(proposal.id, 2, 'PUBLISHED');
    expect(published.map((d) => [d.ruleKey, d.kind, d.fields.map((f) => f.field)])).toEqual([
      ['REFUND-001', 'AMEND', ['title', 'statement']],
      [
        'REFUND-020',
        'CREATE',
        ['category', 'title', 'statement', 'rationale', 'latitude', 'escalation', 'customerWording', 'effectiveFrom'],
      ],
    ]);
    expect(published[0]?.fields[1]?.segments).toEqual([
      { kind: 'SAME', text: 'Vérifier la commande du client puis ' },
      { kind: 'REMOVED', text: 'appliquer la procédure décrite ici' },
      { kind: 'ADDED', text: 'rembourser sans justificatif tout achat de moins de 50 €' },
      { kind: 'SAME', text: '.' },
    ]);

    // A third revision that drops the creation and retires REFUND-002 instead.
    await revise(proposal.id, manager, {
      note: 'Le remboursement express fera l’objet d’une autre proposition.',
      changes: [
        { kind: 'AMEND', ruleKey: 'REFUND-001', statement: STATEMENT_2, title: 'Remboursement simplifié' },
        { kind: 'RETIRE', ruleKey: 'REFUND-002' },
      ],
    });
    const third = await diff(proposal.id, 3, 'PREVIOUS');
    expect(third.map((d) => [d.ruleKey, d.kind, d.existsBefore, d.existsAfter])).toEqual([
      ['REFUND-002', 'RETIRE', true, false],
      ['REFUND-020', null, true, false],
    ]);
    expect(third[0]?.fields.find((f) => f.field === 'statement')?.segments).toEqual([
      { kind: 'REMOVED', text: sampleRule('REFUND-002').statement },
    ]);

    const audit = await sql<{ action: string; actor_id: string }>(
      api,
      `SELECT action, actor_id FROM audit_entry WHERE subject_id = $1 ORDER BY id`,
      [proposal.id],
    );
    expect(audit).toEqual([
      { action: 'PROPOSAL_CREATED', actor_id: manager.id },
      { action: 'PROPOSAL_REVISED', actor_id: otherManager.id },
      { action: 'PROPOSAL_REVISED', actor_id: manager.id },
    ]);
  });

  it('diffs against the rules in force now, while each change keeps the revision it was based on', async () => {
    const proposal = await newProposal();
    const release = await api.app.get(RulebookPublisher).publish({
      changes: [{ kind: 'AMEND', rule: sampleRule('REFUND-001', { statement: STATEMENT_1 }) }],
    });
    const now = await diff(proposal.id, 1, 'PUBLISHED');
    expect(now).toEqual([
      { ruleKey: 'REFUND-001', kind: 'AMEND', existsBefore: true, existsAfter: true, publishedRevision: 2, fields: [] },
    ]);
    const read = await readProposal(api, proposal.id, manager);
    expect(read.revisions[0]?.changes[0]?.baseRevision).toBe(1);
    expect(read.revisions[0]?.baseRelease).toBe(release.version - 1);
    // An amendment that would change nothing any more is refused in a new revision.
    const response = await revise(proposal.id, manager, {
      note: 'On reprend la même chose.',
      changes: [{ kind: 'AMEND', ruleKey: 'REFUND-001', statement: STATEMENT_1 }],
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.['fields']).toEqual([
      expect.objectContaining({ field: 'changes[0]', constraint: 'NOTHING_CHANGES' }),
    ]);
    // Put the rulebook back for the other tests.
    await api.app.get(RulebookPublisher).rollback(release.version - 1, null);
  });

  it('refuses a revision during a vote, and a rejected or approved proposal goes back to design with its pépins', async () => {
    const workflow = api.app.get(ProposalWorkflow);
    const triage = api.app.get(PepinTriage);
    const proposal = await newProposal();
    const pepinIds = await workflow.pepinIdsOf(proposal.id);
    expect(pepinIds).toEqual(proposal.pepins.map((p) => p.id));

    // What the voting context does when a vote opens.
    await workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE);
    await triage.moveToStatus(pepinIds, PepinStatus.IN_VOTE, authenticated(manager), null);
    const during = await revise(
      proposal.id,
      manager,
      { note: 'Encore un changement.', changes: [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }] },
      'fr',
    );
    expect(during.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(during.errors?.[0]?.message).toBe(
      `La proposition ${proposal.reference} est en cours de vote : elle ne peut pas être révisée avant la fin du vote.`,
    );
    expect((await readProposal(api, proposal.id, manager)).currentRevision).toBe(1);

    // Rejected (the pépins left in IN_VOTE here): a new revision takes both back to design.
    await workflow.setStatus(proposal.id, ProposalStatus.IN_VOTE, ProposalStatus.REJECTED);
    const back = await revise(proposal.id, manager, {
      note: 'Nous tenons compte des objections du vote.',
      changes: [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }],
    });
    expect(back.data?.reviseProposal.status).toBe('IN_DESIGN');
    expect(back.data?.reviseProposal.pepins.map((p) => p.status)).toEqual(['IN_DESIGN']);

    // Approved then revised: the approval is void, back to design.
    await workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE);
    await workflow.setStatus(proposal.id, ProposalStatus.IN_VOTE, ProposalStatus.APPROVED);
    const approved = await revise(proposal.id, manager, {
      note: 'Une correction après le vote.',
      changes: [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }],
    });
    expect(approved.data?.reviseProposal.status).toBe('IN_DESIGN');
    expect(approved.data?.reviseProposal.currentRevision).toBe(3);
  });

  it('setStatus follows the state machine, compare-and-set; forPublication hands over the approved revision', async () => {
    const workflow = api.app.get(ProposalWorkflow);
    const proposal = await newProposal();
    await expect(
      workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.PUBLISHED),
    ).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await expect(
      workflow.setStatus(proposal.id, ProposalStatus.IN_VOTE, ProposalStatus.APPROVED),
    ).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await expect(
      workflow.setStatus('00000000-0000-4000-8000-000000000000', ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const dataSource = api.app.get(DataSource);
    await expect(dataSource.transaction((tx) => workflow.forPublication([proposal.id], tx))).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE);
    const record = await workflow.setStatus(proposal.id, ProposalStatus.IN_VOTE, ProposalStatus.APPROVED);
    expect(record).toMatchObject({
      id: proposal.id,
      reference: proposal.reference,
      status: 'APPROVED',
      currentRevision: 1,
    });
    const [publishable] = await dataSource.transaction((tx) => workflow.forPublication([proposal.id], tx));
    expect(publishable?.pepinIds).toEqual(proposal.pepins.map((p) => p.id));
    expect(publishable?.revision.number).toBe(1);
    expect(publishable?.revision.baseRelease).toBeGreaterThanOrEqual(1);
    expect(publishable?.revision.ruleChanges).toEqual([
      { kind: 'AMEND', rule: { ...sampleRule('REFUND-001'), statement: STATEMENT_1 } },
    ]);
    expect(publishable?.revision.changes[0]?.baseRevision).toBe(1);

    // Revisions are immutable, whoever tries.
    await expect(
      sql(api, `UPDATE proposal_revision SET note = 'x' WHERE proposal_id = $1`, [proposal.id]),
    ).rejects.toThrow(/immutable/);
  });

  it('lets only the site’s managers (and operator co-authors) revise', async () => {
    const proposal = await newProposal();
    const input = { note: 'Une note valable.', changes: [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }] };
    const byOperator = await revise(proposal.id, operator, input, 'en');
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byOperator.errors?.[0]?.message).toBe(
      'Only the site’s managers and operator co-authors (invitation accepted) can revise this proposal.',
    );
    expect((await revise(proposal.id, elsewhere, input)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await revise('not-an-id', manager, input)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noNote = await revise(proposal.id, manager, { ...input, note: '  ' }, 'fr');
    expect(noNote.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noNote.errors?.[0]?.message).toBe(
      'La révision ne peut pas être enregistrée : La note de révision est obligatoire.',
    );
  });
});
