import { DataSource } from 'typeorm';
import { Role } from '@pepite/api/identity';
import { PepinStatus } from '@pepite/api/pepins';
import { ProposalStatus } from '@pepite/api/proposals';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { readProposal } from '../support/proposal-graphql';
import {
  approvedProposal,
  latestSnapshot,
  PUBLISH_RELEASE,
  type PublishedReleaseJson,
} from '../support/publication-graphql';

// Proposals reach APPROVED through the workflow hooks here (see approvedProposal); the
// whole loop with real ballots comes with the voting context.

let api: TestApi;
let reporter: TestUser;
let coAuthor: TestUser;
let author: TestUser;
let publisherManager: TestUser;
let admin: TestUser;
let elsewhere: TestUser;

const NOTIFICATIONS = `query { notifications(first: 50) { edges { node { kind text params subjectId } } } }`;
type NotificationsJson = {
  notifications: {
    edges: { node: { kind: string; text: string; params: Record<string, unknown>; subjectId: string | null } }[];
  };
};

beforeAll(async () => {
  api = await startTestApi({ JOBS_POLL_SECONDS: '1' });
  reporter = await api.world.newUser(Role.OPERATOR);
  coAuthor = await api.world.newUser(Role.OPERATOR);
  author = await api.world.newUser(Role.MANAGER);
  publisherManager = await api.world.newUser(Role.MANAGER);
  admin = await api.world.newUser(Role.ADMIN);
  elsewhere = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
  await api.app.get(RulebookPublisher).publish({
    changes: ['REFUND-001', 'REFUND-002', 'REFUND-003', 'REFUND-004', 'REFUND-005'].map((key) => ({
      kind: 'CREATE' as const,
      rule: sampleRule(key),
    })),
  });
});
afterAll(() => api.close());

const amend = (ruleKey: string, statement: string) => ({ kind: 'AMEND', ruleKey, statement });

function publish(user: TestUser | null, input: Record<string, unknown>, language?: string) {
  return api.graphql.request<{ publishRelease: PublishedReleaseJson }>(
    PUBLISH_RELEASE,
    { input },
    user ? { token: user.token, language } : { language },
  );
}

async function pepinStatus(id: string): Promise<string> {
  const rows: { status: string }[] = await api.app
    .get(DataSource)
    .query('SELECT status FROM pepin WHERE id = $1', [id]);
  return rows[0]?.status as string;
}

async function notificationsOf(user: TestUser) {
  return (await api.graphql.ok<NotificationsJson>(NOTIFICATIONS, {}, { token: user.token })).notifications.edges.map(
    (edge) => edge.node,
  );
}

async function latestVersion(): Promise<number> {
  return (await latestSnapshot(api, reporter)).version;
}

describe('publishRelease', () => {
  it('publishes an approved proposal as release N+1: feed, pépite, proposal, notifications, audit', async () => {
    const statement = 'Rembourser sans justificatif tout achat de moins de 30 €, après vérification de la commande.';
    const { proposal, pepinId } = await approvedProposal(
      api,
      reporter,
      author,
      [amend('REFUND-001', statement)],
      coAuthor,
    );
    const before = await latestVersion();

    const response = await publish(publisherManager, { proposalIds: [proposal.id], notes: 'Petits montants' });
    expect(response.errors).toBeUndefined();
    const release = response.data?.publishRelease as PublishedReleaseJson;
    const pepinReference = (await readProposal(api, proposal.id, author)).pepins[0]?.reference as string;
    expect(release).toMatchObject({
      version: before + 1,
      changes: { added: [], amended: ['REFUND-001'], retired: [], restoredFrom: null },
      answeredPepins: [pepinReference],
    });
    // The notes are what the publisher wrote; the proposals are data, which each reader's
    // screen lists in its own language (no "Propositions / Proposals:" line in two languages).
    expect(release.notes).toBe('Petits montants');
    expect(release.proposals).toEqual([proposal.reference]);

    const snapshot = await latestSnapshot(api, reporter);
    expect(snapshot.version).toBe(before + 1);
    expect(snapshot.rules.find((rule) => rule.key === 'REFUND-001')?.statement).toBe(statement);
    expect(snapshot.changelog.answers).toEqual([pepinReference]);
    expect(snapshot.changelog.proposals).toEqual([proposal.reference]);
    expect(snapshot.notes).toBe('Petits montants');

    expect(await pepinStatus(pepinId)).toBe(PepinStatus.PUBLISHED);
    expect((await readProposal(api, proposal.id, author)).status).toBe(ProposalStatus.PUBLISHED);

    const told = (await notificationsOf(reporter)).find(
      (n) => n.kind === 'PEPIN_PUBLISHED' || n.params.status === 'PUBLISHED',
    );
    expect(told?.text).toContain(`${before + 1}`);
    for (const person of [author, coAuthor]) {
      const notice = (await notificationsOf(person)).find((n) => n.kind === 'PROPOSAL_PUBLISHED');
      expect(notice).toMatchObject({
        subjectId: proposal.id,
        params: { reference: proposal.reference, release: before + 1 },
      });
      expect(notice?.text).toContain(`${before + 1}`);
    }
    expect((await notificationsOf(publisherManager)).some((n) => n.kind === 'PROPOSAL_PUBLISHED')).toBe(false);

    const audit: { actor_id: string; details: Record<string, unknown> }[] = await api.app
      .get(DataSource)
      .query(`SELECT actor_id, details FROM audit_entry WHERE action = 'RELEASE_PUBLISHED' AND subject_id = $1`, [
        String(before + 1),
      ]);
    expect(audit).toEqual([
      {
        actor_id: publisherManager.id,
        details: expect.objectContaining({
          proposals: [proposal.reference],
          answers: [pepinReference],
          amended: ['REFUND-001'],
        }),
      },
    ]);
  });

  it('refuses two proposals changing one rule differently (CONFLICT) and writes nothing', async () => {
    const a = await approvedProposal(api, reporter, author, [
      amend('REFUND-002', 'Rembourser sous 7 jours sans condition de justificatif.'),
    ]);
    const b = await approvedProposal(api, reporter, author, [
      amend('REFUND-002', 'Rembourser sous 14 jours sans condition de justificatif.'),
    ]);
    const before = await latestVersion();
    const response = await publish(publisherManager, { proposalIds: [a.proposal.id, b.proposal.id] }, 'en');
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toContain('REFUND-002');
    expect(response.errors?.[0]?.message).toContain(a.proposal.reference);
    expect(response.errors?.[0]?.message).toContain(b.proposal.reference);
    const fr = await publish(publisherManager, { proposalIds: [a.proposal.id, b.proposal.id] });
    expect(fr.errors?.[0]?.message).toContain('modifient différemment les mêmes règles');
    expect(await latestVersion()).toBe(before);
    expect((await readProposal(api, a.proposal.id, author)).status).toBe(ProposalStatus.APPROVED);
    expect(await pepinStatus(a.pepinId)).toBe(PepinStatus.IN_VOTE);
  });

  it('publishes identical changes of two proposals once', async () => {
    const same = amend('REFUND-005', 'Rembourser le jour même les achats de moins de 10 €.');
    const a = await approvedProposal(api, reporter, author, [same]);
    const b = await approvedProposal(api, reporter, author, [same]);
    const response = await publish(publisherManager, { proposalIds: [a.proposal.id, b.proposal.id] });
    expect(response.errors).toBeUndefined();
    expect(response.data?.publishRelease.changes.amended).toEqual(['REFUND-005']);
    expect(response.data?.publishRelease.answeredPepins).toHaveLength(2);
  });

  it('refuses a proposal whose rule was reworded since its revision (stale base: CONFLICT), nothing written', async () => {
    const { proposal, pepinId } = await approvedProposal(api, reporter, author, [
      amend('REFUND-003', 'Rembourser après accord du superviseur, sous 48 heures.'),
    ]);
    await api.app.get(RulebookPublisher).publish({
      changes: [
        { kind: 'AMEND', rule: sampleRule('REFUND-003', { statement: 'Une autre formulation publiée entre-temps.' }) },
      ],
    });
    const before = await latestVersion();
    const response = await publish(publisherManager, { proposalIds: [proposal.id] }, 'en');
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toContain('Revise the proposal against the rulebook in force');
    expect(response.errors?.[0]?.message).toContain('REFUND-003');
    expect(await latestVersion()).toBe(before);
    expect(await pepinStatus(pepinId)).toBe(PepinStatus.IN_VOTE);
  });

  it('four eyes: refuses the only author of a proposal, in French and English; a co-author or another publisher passes', async () => {
    const solo = await approvedProposal(api, reporter, author, [
      amend('REFUND-004', 'Rembourser sous 5 jours ouvrés.'),
    ]);
    const fr = await publish(author, { proposalIds: [solo.proposal.id] });
    expect(fr.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(fr.errors?.[0]?.message).toContain(`Quatre yeux : vous êtes le seul auteur de ${solo.proposal.reference}`);
    const en = await publish(author, { proposalIds: [solo.proposal.id] }, 'en');
    expect(en.errors?.[0]?.message).toContain(`Four eyes: you are the only author of ${solo.proposal.reference}`);
    expect((await readProposal(api, solo.proposal.id, author)).status).toBe(ProposalStatus.APPROVED);
    // Another manager may publish it.
    expect((await publish(publisherManager, { proposalIds: [solo.proposal.id] })).errors).toBeUndefined();

    // The author may publish a proposal someone else co-wrote.
    const shared = await approvedProposal(
      api,
      reporter,
      author,
      [amend('REFUND-004', 'Rembourser sous 3 jours ouvrés.')],
      coAuthor,
    );
    expect((await publish(author, { proposalIds: [shared.proposal.id] })).errors).toBeUndefined();
  });

  it('lets managers and admins publish only: operators FORBIDDEN, anonymous UNAUTHENTICATED, another site NOT_FOUND', async () => {
    const { proposal } = await approvedProposal(api, reporter, author, [
      amend('REFUND-002', 'Rembourser sous 10 jours, sans justificatif.'),
    ]);
    expect((await publish(reporter, { proposalIds: [proposal.id] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await publish(null, { proposalIds: [proposal.id] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await publish(elsewhere, { proposalIds: [proposal.id] })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await publish(publisherManager, { proposalIds: [] })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const response = await publish(admin, { proposalIds: [proposal.id] });
    expect(response.errors).toBeUndefined();
    // Published proposals are no longer APPROVED.
    expect((await publish(admin, { proposalIds: [proposal.id] })).errors?.[0]?.extensions?.code).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('schedules a publication at effectiveAt: the pépins become pépites only when it takes effect', async () => {
    const statement = 'Rembourser sans justificatif tout achat de moins de 40 €.';
    const { proposal, pepinId } = await approvedProposal(api, reporter, author, [amend('REFUND-001', statement)]);
    const before = await latestVersion();
    const inPast = await publish(publisherManager, {
      proposalIds: [proposal.id],
      effectiveAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(inPast.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const response = await publish(publisherManager, {
      proposalIds: [proposal.id],
      effectiveAt: new Date(Date.now() + 2_000).toISOString(),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.publishRelease.version).toBe(before);
    expect(await pepinStatus(pepinId)).toBe(PepinStatus.IN_VOTE);
    expect((await readProposal(api, proposal.id, author)).status).toBe(ProposalStatus.APPROVED);

    for (let i = 0; i < 60 && (await pepinStatus(pepinId)) !== PepinStatus.PUBLISHED; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await pepinStatus(pepinId)).toBe(PepinStatus.PUBLISHED);
    expect((await readProposal(api, proposal.id, author)).status).toBe(ProposalStatus.PUBLISHED);
    const snapshot = await latestSnapshot(api, reporter);
    expect(snapshot.version).toBe(before + 1);
    expect(snapshot.rules.find((rule) => rule.key === 'REFUND-001')?.statement).toBe(statement);
    const audit: { action: string; actor_role: string }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT action, actor_role FROM audit_entry WHERE action IN ('RELEASE_SCHEDULED', 'RELEASE_PUBLISHED') AND details->'proposals' ? $1 ORDER BY id`,
        [proposal.reference],
      );
    expect(audit).toEqual([
      { action: 'RELEASE_SCHEDULED', actor_role: 'MANAGER' },
      { action: 'RELEASE_PUBLISHED', actor_role: 'SYSTEM' },
    ]);
  }, 60_000);
});
