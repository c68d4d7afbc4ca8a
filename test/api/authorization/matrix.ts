import { randomBytes } from 'node:crypto';
import { Role } from '@pepite/api/identity';
import { PepinFiling } from '@pepite/api/pepins';
import type { SiteEntity, TeamEntity } from '@pepite/api/identity';
import { AdvisoryService, RulebookPublisher } from '@pepite/api/rulebook';
import { DataSource } from 'typeorm';
import { authenticated, sampleRule, type TestApi, type TestUser } from '@pepite/test-support';
import { acknowledgedPepin, amendStatement, createProposal } from '../../support/proposal-graphql';
import { approvedProposal } from '../../support/publication-graphql';

/**
 * The authorisation matrix: every GraphQL operation × every kind of caller, with the
 * answer the API must give. The single source of truth for
 * test/api/authorization-matrix.e2e-spec.ts and docs/authorization.md.
 */

/** A public address (a documentation range would be refused): webhooks are registered, never called, here. */
const WEBHOOK_URL = 'https://93.184.216.34/pepite-hook';

/** The callers, in the order of the table's columns. */
export const CALLERS = ['anonymous', 'operator', 'otherOperator', 'otherSiteManager', 'manager', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_LABELS: Record<Caller, string> = {
  anonymous: 'anonymous',
  operator: 'operator',
  otherOperator: 'other operator',
  otherSiteManager: 'manager of another site',
  manager: 'manager',
  admin: 'admin',
};

/** `ok`, or the `extensions.code` of the first error. */
export type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | (string & {});

export type OperationKind = 'Query' | 'Mutation' | 'Subscription';

export interface OperationCase {
  readonly document: string;
  readonly variables?: Record<string, unknown>;
}

/** The world every case is built against, prepared once. */
export interface MatrixWorld {
  readonly site: { site: SiteEntity; team: TeamEntity };
  readonly otherSite: { site: SiteEntity; team: TeamEntity };
  readonly users: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  /** A second manager of the site: author of the proposals, so that `manager` publishes with four eyes. */
  readonly coManager: TestUser;
  /** A pépin filed by `operator`. */
  readonly pepinId: string;
  /** A proposal (IN_DESIGN) of the site, by `coManager`. */
  readonly proposalId: string;
  /** A proposal of the site in vote (opened by `manager`). */
  readonly votedProposalId: string;
  /** A published release. */
  readonly releaseVersion: number;
  readonly ruleKey: string;
}

/** Fresh objects for cases whose mutation changes them: each role gets its own. */
export class Fresh {
  constructor(
    private readonly api: TestApi,
    private readonly world: MatrixWorld,
  ) {}

  /** A NEW pépin filed by `operator`. */
  async pepin(): Promise<string> {
    return (await this.api.world.newPepin(this.world.users.operator, { noRuleApplies: true })).id;
  }

  acknowledgedPepin(): Promise<string> {
    return acknowledgedPepin(this.api, this.world.users.operator, this.world.users.manager);
  }

  /** An IN_DESIGN proposal of the site by `coManager`, answering a pépin of `operator`. */
  async proposal(): Promise<string> {
    return (await this.proposalAndPepin()).proposalId;
  }

  async proposalAndPepin(): Promise<{ proposalId: string; pepinId: string }> {
    const pepinId = await this.acknowledgedPepin();
    const proposal = await createProposal(
      this.api,
      this.world.coManager,
      [pepinId],
      [amendStatement(this.world.ruleKey, `Rembourser sans justificatif sous ${unique()} €.`)],
    );
    return { proposalId: proposal.id, pepinId };
  }

  /** A proposal whose vote `manager` opened. */
  async votedProposal(): Promise<string> {
    const proposalId = await this.proposal();
    await this.api.graphql.ok(
      `mutation($proposalId: ID!, $closesAt: DateTime!) { openVote(proposalId: $proposalId, closesAt: $closesAt) { id } }`,
      { proposalId, closesAt: inHours(48) },
      { token: this.world.users.manager.token },
    );
    return proposalId;
  }

  /** A proposal whose vote `manager` opened with a quorum of 1, reached by `manager`'s abstention (still open). */
  async quorateVote(): Promise<string> {
    const proposalId = await this.proposal();
    const token = { token: this.world.users.manager.token };
    await this.api.graphql.ok(
      `mutation($proposalId: ID!, $closesAt: DateTime!) { openVote(proposalId: $proposalId, closesAt: $closesAt, quorum: 1) { id } }`,
      { proposalId, closesAt: inHours(48) },
      token,
    );
    await this.api.graphql.ok(
      `mutation($proposalId: ID!) { castVote(proposalId: $proposalId, choice: ABSTAIN) { choice } }`,
      { proposalId },
      token,
    );
    return proposalId;
  }

  /** An APPROVED proposal by `coManager` (so `manager` and admins publish it with four eyes). */
  async approvedProposal(): Promise<string> {
    const { proposal } = await approvedProposal(this.api, this.world.users.operator, this.world.coManager, [
      amendStatement(this.world.ruleKey, `Rembourser sans justificatif sous ${unique()} €.`),
    ]);
    return proposal.id;
  }

  /** A proposal by `coManager` that invites `operator` to co-author. */
  /** A webhook to a public address (registration never calls it), registered by `admin`. */
  async webhook(): Promise<string> {
    const { registerWebhook } = await this.api.graphql.ok<{ registerWebhook: { webhook: { id: string } } }>(
      'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }',
      { input: { url: WEBHOOK_URL, events: ['pepin.filed'] } },
      { token: this.world.users.admin.token },
    );
    return registerWebhook.webhook.id;
  }

  async invitation(): Promise<string> {
    const proposalId = await this.proposal();
    await this.api.graphql.ok(
      `mutation($proposalId: ID!, $userId: ID!) { inviteCoAuthor(proposalId: $proposalId, userId: $userId) { id } }`,
      { proposalId, userId: this.world.users.operator.id },
      { token: this.world.coManager.token },
    );
    return proposalId;
  }

  /** A double écoute `operator` asked of `manager` on a pépin they filed; scheduled when asked. */
  async listeningSession(scheduled = false): Promise<string> {
    const pepinId = await this.pepin();
    const { requestListeningSession } = await this.api.graphql.ok<{ requestListeningSession: { id: string } }>(
      `mutation($input: RequestListeningSessionInput!) { requestListeningSession(input: $input) { id } }`,
      { input: { pepinId, managerId: this.world.users.manager.id, reason: 'Réécoutons l’appel ensemble.' } },
      { token: this.world.users.operator.token },
    );
    if (scheduled) {
      await this.api.graphql.ok(
        `mutation($id: ID!, $at: DateTime!) { scheduleListeningSession(id: $id, scheduledAt: $at) { id } }`,
        { id: requestListeningSession.id, at: inHours(24) },
        { token: this.world.users.manager.token },
      );
    }
    return requestListeningSession.id;
  }

  /** An operator account of the site (no token). */
  async user(): Promise<string> {
    const user = await this.api.world.directory.createUser({
      email: `matrix-${unique()}@test.pepite`,
      displayName: `Compte ${unique()}`,
      role: Role.OPERATOR,
      siteId: this.world.site.site.id,
      teamId: this.world.site.team.id,
      password: `pw-${unique()}-${unique()}`,
    });
    return user.id;
  }

  async deactivatedUser(): Promise<string> {
    const id = await this.user();
    await this.api.world.directory.deactivateUser(authenticated(this.world.users.admin), id);
    return id;
  }

  /** Publishes a release rewording the rule; returns the version before it (one to roll back to). */
  async newerRelease(): Promise<number> {
    const release = await this.api.app.get(RulebookPublisher).publish({
      changes: [{ kind: 'AMEND', rule: sampleRule(this.world.ruleKey, { title: `Remboursement ${unique()}` }) }],
    });
    return release.version - 1;
  }

  /** A mandatory advisory on the world's rule: the change to acknowledge or remind of. */
  async mandatoryChange(): Promise<{ releaseVersion: number; ruleKey: string }> {
    const advisory = await this.api.app.get(AdvisoryService).publishAdvisory({
      ruleKey: this.world.ruleKey,
      message: `Lecture obligatoire ${unique()} : vérifier l’identité.`,
      expiresAt: new Date(Date.now() + 86_400_000),
      mandatory: true,
    });
    return { releaseVersion: advisory.releaseVersion, ruleKey: advisory.ruleKey };
  }

  /** An unanswered search of the world's site. */
  async searchGap(): Promise<string> {
    const query = `carte cadeau ${unique().replace(/[0-9]/g, 'x')}`;
    await this.api.app.get(DataSource).query(
      // On two days, three times: above the default threshold managers see a search from.
      `INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, CURRENT_DATE, $2, 2), ($1, CURRENT_DATE - 1, $2, 1)`,
      [this.world.site.site.id, query],
    );
    return query;
  }

  /** A provider group mapped to the site's operators. */
  async groupMapping(): Promise<string> {
    const { setIdentityGroupMapping } = await this.api.graphql.ok<{ setIdentityGroupMapping: { id: string } }>(
      'mutation($input: SetIdentityGroupMappingInput!) { setIdentityGroupMapping(input: $input) { id } }',
      { input: { group: `groupe-${unique()}`, role: 'OPERATOR', siteId: this.world.site.site.id, teamId: this.world.site.team.id } },
      { token: this.world.users.admin.token },
    );
    return setIdentityGroupMapping.id;
  }

  async team(): Promise<string> {
    return (await this.api.world.directory.ensureTeam(this.world.site.site.id, `Équipe ${unique()}`)).id;
  }
}

export interface CaseContext {
  readonly api: TestApi;
  readonly world: MatrixWorld;
  readonly caller: Caller;
  readonly fresh: Fresh;
}

export interface MatrixEntry {
  readonly kind: OperationKind;
  readonly name: string;
  /** The document with minimal valid variables; may prepare fresh objects first. */
  readonly build: (context: CaseContext) => OperationCase | Promise<OperationCase>;
  readonly expected: Readonly<Record<Caller, Outcome>>;
  /** Run the callers one after the other (publications: each moves the rulebook the next builds on). */
  readonly sequential?: boolean;
  /** Why the row looks the way it does, when it is not obvious. */
  readonly note?: string;
}

const SHORT: Record<string, Outcome> = { ok: 'ok', U: 'UNAUTHENTICATED', F: 'FORBIDDEN', N: 'NOT_FOUND' };

/**
 * One row, in the column order of CALLERS: `row('U ok N N ok ok')`.
 * ok = allowed, U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND; any other word is a code.
 */
function row(outcomes: string): Record<Caller, Outcome> {
  const words = outcomes.trim().split(/\s+/);
  if (words.length !== CALLERS.length) throw new Error(`row "${outcomes}" needs ${CALLERS.length} outcomes`);
  return Object.fromEntries(
    CALLERS.map((caller, i) => [caller, SHORT[words[i] as string] ?? (words[i] as string)]),
  ) as Record<Caller, Outcome>;
}

const EVERYONE_SIGNED_IN = row('U ok ok ok ok ok');
const ADMINS = row('U F F F F ok');
const MANAGERS_AND_ADMINS = row('U F F ok ok ok');
const OPERATORS = row('U ok ok F F F');
/** Managers of the object's site and admins; another site's object does not exist for its managers. */
const SITE_MANAGERS_AND_ADMINS = row('U F F N ok ok');

const q = (document: string, variables?: Record<string, unknown>): OperationCase => ({ document, variables });

export const MATRIX: readonly MatrixEntry[] = [
  // ───────────────────────────── Queries ─────────────────────────────
  { kind: 'Query', name: 'advisories', build: () => q('{ advisories { id } }'), expected: EVERYONE_SIGNED_IN },
  { kind: 'Query', name: 'auditLog', build: () => q('{ auditLog { pageInfo { hasNextPage } } }'), expected: ADMINS },
  {
    kind: 'Query',
    name: 'insights',
    build: ({ world }) =>
      q('query($siteId: ID) { insights(siteId: $siteId) { __typename } }', { siteId: world.site.site.id }),
    expected: row('U F F F ok ok'),
    note: 'asked for the site; a manager of another site is FORBIDDEN (sites are known to managers)',
  },
  {
    kind: 'Query',
    name: 'listeningSessionManagers',
    build: () => q('{ listeningSessionManagers { id } }'),
    expected: OPERATORS,
  },
  {
    kind: 'Query',
    name: 'listeningSessions',
    build: () => q('{ listeningSessions { id } }'),
    expected: row('U ok ok ok ok F'),
  },
  {
    kind: 'Query',
    name: 'identityGroupMappings',
    build: () => q('{ identityGroupMappings { id group } }'),
    expected: ADMINS,
  },
  {
    kind: 'Query',
    name: 'mandatoryReadingStatus',
    build: ({ world }) => q('query($siteId: ID) { mandatoryReadingStatus(siteId: $siteId) { ruleKey } }', { siteId: world.site.site.id }),
    expected: row('U F F F ok ok'),
    note: 'names who has not acknowledged: managers of the site and admins only',
  },
  { kind: 'Query', name: 'me', build: () => q('{ me { id } }'), expected: EVERYONE_SIGNED_IN },
  { kind: 'Query', name: 'myBallots', build: () => q('{ myBallots { proposalId } }'), expected: MANAGERS_AND_ADMINS },
  { kind: 'Query', name: 'myMandatoryReadings', build: () => q('{ myMandatoryReadings { ruleKey } }'), expected: OPERATORS },
  { kind: 'Query', name: 'myPepins', build: () => q('{ myPepins { relation } }'), expected: OPERATORS },
  {
    kind: 'Query',
    name: 'notifications',
    build: () => q('{ notifications { unreadCount } }'),
    expected: EVERYONE_SIGNED_IN,
  },
  {
    kind: 'Query',
    name: 'myNotificationPreferences',
    build: () => q('{ myNotificationPreferences { kind mode } }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'the caller’s own e-mail preferences',
  },
  {
    kind: 'Query',
    name: 'pepin',
    build: ({ world }) => q('query($id: ID!) { pepin(id: $id) { id } }', { id: world.pepinId }),
    expected: row('U ok N N ok ok'),
    note: 'the pépin filed by operator',
  },
  {
    kind: 'Query',
    name: 'pepins',
    build: () => q('{ pepins { totalCount } }'),
    expected: MANAGERS_AND_ADMINS,
    note: 'each manager sees their own site’s queue',
  },
  {
    kind: 'Query',
    name: 'proposal',
    build: ({ world }) => q('query($id: ID!) { proposal(id: $id) { id } }', { id: world.proposalId }),
    expected: row('U ok ok N ok ok'),
  },
  {
    kind: 'Query',
    name: 'proposalVote',
    build: ({ world }) =>
      q('query($proposalId: ID!) { proposalVote(proposalId: $proposalId) { id } }', {
        proposalId: world.votedProposalId,
      }),
    expected: row('U ok ok N ok ok'),
  },
  {
    kind: 'Query',
    name: 'proposals',
    build: () => q('{ proposals { totalCount } }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'the caller’s own site',
  },
  {
    kind: 'Query',
    name: 'releaseAdoption',
    build: ({ world }) =>
      q('query($v: Int!, $siteId: ID) { releaseAdoption(version: $v, siteId: $siteId) { share } }', {
        v: world.releaseVersion,
        siteId: world.site.site.id,
      }),
    expected: row('U F F F ok ok'),
    note: 'asked for the site; a manager of another site is FORBIDDEN (aggregates only, no name)',
  },
  { kind: 'Query', name: 'releases', build: () => q('{ releases { totalCount } }'), expected: EVERYONE_SIGNED_IN },
  {
    kind: 'Query',
    name: 'rule',
    build: ({ world }) => q('query($key: String!) { rule(key: $key) { key } }', { key: world.ruleKey }),
    expected: EVERYONE_SIGNED_IN,
  },
  {
    kind: 'Query',
    name: 'rulebook',
    build: ({ world }) =>
      q('query($version: Int) { rulebook(version: $version) { release { version } } }', {
        version: world.releaseVersion,
      }),
    expected: EVERYONE_SIGNED_IN,
  },
  {
    kind: 'Query',
    name: 'similarPepins',
    build: () => q('{ similarPepins(text: "le client est reparti mécontent") { __typename } }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'the caller’s own site',
  },
  {
    kind: 'Query',
    name: 'searchGaps',
    build: ({ world }) => q('query($siteId: ID) { searchGaps(siteId: $siteId) { to } }', { siteId: world.site.site.id }),
    expected: row('U F F F ok ok'),
    note: 'aggregates per site and day, no person',
  },
  { kind: 'Query', name: 'sites', build: () => q('{ sites { id } }'), expected: ADMINS },
  { kind: 'Query', name: 'users', build: () => q('{ users { id } }'), expected: ADMINS },
  {
    kind: 'Query',
    name: 'webhookDeliveries',
    build: async ({ fresh }) => q('query($id: ID!) { webhookDeliveries(webhookId: $id) { id } }', { id: await fresh.webhook() }),
    expected: ADMINS,
  },
  { kind: 'Query', name: 'webhooks', build: () => q('{ webhooks { id } }'), expected: ADMINS },

  // ──────────────────────────── Mutations ────────────────────────────
  {
    kind: 'Mutation',
    name: 'acknowledgeRuleChange',
    build: async ({ fresh }) =>
      q('mutation($input: AcknowledgeRuleChangeInput!) { acknowledgeRuleChange(input: $input) { acknowledgedAt } }', {
        input: await fresh.mandatoryChange(),
      }),
    expected: OPERATORS,
    note: 'a mandatory advisory on the rulebook (shared by every site)',
  },
  {
    kind: 'Mutation',
    name: 'acknowledgePepin',
    build: async ({ fresh }) =>
      q('mutation($id: ID!) { acknowledgePepin(id: $id) { id } }', { id: await fresh.pepin() }),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'acknowledgePepins',
    build: async ({ fresh }) =>
      q('mutation($ids: [ID!]!) { acknowledgePepins(ids: $ids) { id } }', { ids: [await fresh.pepin()] }),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'askReporter',
    build: async ({ fresh }) =>
      q('mutation($pepinId: ID!) { askReporter(pepinId: $pepinId, body: "Quel client, quelle commande ?") { id } }', {
        pepinId: await fresh.pepin(),
      }),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'cancelListeningSession',
    build: async ({ fresh }) =>
      q('mutation($id: ID!) { cancelListeningSession(id: $id) { id } }', { id: await fresh.listeningSession() }),
    expected: row('U ok N N ok F'),
    note: 'operator asked manager: only the two participants',
  },
  {
    kind: 'Mutation',
    name: 'cancelVote',
    build: async ({ fresh }) =>
      q('mutation($proposalId: ID!) { cancelVote(proposalId: $proposalId) { id } }', {
        proposalId: await fresh.votedProposal(),
      }),
    expected: SITE_MANAGERS_AND_ADMINS,
    note: 'manager opened the vote (its opener or an admin)',
  },
  {
    kind: 'Mutation',
    name: 'closeVote',
    build: async ({ fresh }) =>
      q('mutation($proposalId: ID!) { closeVote(proposalId: $proposalId) { id } }', {
        proposalId: await fresh.quorateVote(),
      }),
    expected: SITE_MANAGERS_AND_ADMINS,
    note: 'manager opened the vote (its opener or an admin), once the quorum is reached',
  },
  {
    kind: 'Mutation',
    name: 'castVote',
    build: async ({ fresh }) =>
      q('mutation($proposalId: ID!) { castVote(proposalId: $proposalId, choice: APPROVE) { choice } }', {
        proposalId: await fresh.votedProposal(),
      }),
    expected: row('U F F N ok F'),
    note: 'electors are the managers of the site',
  },
  {
    kind: 'Mutation',
    name: 'commentOnProposal',
    build: ({ world }) =>
      q('mutation($input: CommentOnProposalInput!) { commentOnProposal(input: $input) { id } }', {
        input: { proposalId: world.proposalId, revision: 1, body: 'Bonne idée, mais quel plafond ?' },
      }),
    expected: row('U ok ok N ok ok'),
  },
  {
    kind: 'Mutation',
    name: 'completeListeningSession',
    build: async ({ fresh }) =>
      q(
        'mutation($id: ID!) { completeListeningSession(id: $id, outcome: "Le client avait raison, règle à revoir.") { id } }',
        {
          id: await fresh.listeningSession(true),
        },
      ),
    expected: row('U F F N ok F'),
    note: 'the chosen manager only',
  },
  {
    kind: 'Mutation',
    name: 'createProposal',
    build: async ({ fresh, world }) =>
      q('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
        input: {
          pepinIds: [await fresh.acknowledgedPepin()],
          title: 'Rembourser sans justificatif',
          rationale: 'Les clients attendent trop longtemps pour de petites sommes.',
          changes: [amendStatement(world.ruleKey, `Rembourser sans justificatif sous ${unique()} €.`)],
        },
      }),
    expected: SITE_MANAGERS_AND_ADMINS,
    note: 'on an acknowledged pépin of the site',
  },
  {
    kind: 'Mutation',
    name: 'createSite',
    build: () =>
      q('mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
        input: { name: `Site ${unique()}`, timeZone: 'Europe/Paris' },
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'createTeam',
    build: ({ world }) =>
      q('mutation($siteId: ID!, $name: String!) { createTeam(siteId: $siteId, name: $name) { id } }', {
        siteId: world.site.site.id,
        name: `Équipe ${unique()}`,
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'createUser',
    build: ({ world }) =>
      q('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: {
          email: `matrix-${unique()}@test.pepite`,
          displayName: 'Nouveau compte',
          password: `pw-${unique()}-${unique()}`,
          role: 'OPERATOR',
          siteId: world.site.site.id,
          teamId: world.site.team.id,
        },
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'deactivateUser',
    build: async ({ fresh }) => q('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: await fresh.user() }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'declinePepin',
    build: async ({ fresh }) =>
      q(
        'mutation($id: ID!) { declinePepin(id: $id, reason: "La règle couvre déjà ce cas, voir la section deux.") { id } }',
        {
          id: await fresh.pepin(),
        },
      ),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'endorseProposal',
    build: async ({ fresh }) =>
      q('mutation($id: ID!) { endorseProposal(id: $id) { id } }', { id: await fresh.proposal() }),
    expected: OPERATORS,
    note: 'operators of the site',
  },
  {
    kind: 'Mutation',
    name: 'eraseSearchGap',
    build: async ({ fresh }) =>
      q('mutation($input: EraseSearchGapInput!) { eraseSearchGap(input: $input) { erased } }', { input: { query: await fresh.searchGap() } }),
    expected: MANAGERS_AND_ADMINS,
    note: 'on the caller’s own site (another site’s manager erases nothing: the same answer)',
  },
  {
    kind: 'Mutation',
    name: 'fileSearchGapPepin',
    build: async ({ fresh }) =>
      q('mutation($input: FileSearchGapPepinInput!) { fileSearchGapPepin(input: $input) { id } }', { input: { query: await fresh.searchGap() } }),
    expected: row('U F F N ok ok'),
    note: 'a search gap of the site; unknown on another site',
  },
  {
    kind: 'Mutation',
    name: 'filePepin',
    build: () =>
      q('mutation($input: FilePepinInput!) { filePepin(input: $input) { id } }', {
        input: {
          title: `Pépin ${unique()}`,
          description: 'La règle ne prévoit pas ce cas et le client est reparti mécontent.',
          noRuleApplies: true,
        },
      }),
    expected: OPERATORS,
  },
  {
    kind: 'Mutation',
    name: 'inviteReporter',
    build: async ({ fresh }) =>
      q(
        'mutation($proposalId: ID!, $pepinId: ID!) { inviteReporter(proposalId: $proposalId, pepinId: $pepinId) { id } }',
        await fresh.proposalAndPepin(),
      ),
    expected: SITE_MANAGERS_AND_ADMINS,
    note: 'the reporter of a pépin the proposal answers, unnamed',
  },
  {
    kind: 'Mutation',
    name: 'inviteCoAuthor',
    build: async ({ fresh, world }) =>
      q(
        'mutation($proposalId: ID!, $userId: ID!) { inviteCoAuthor(proposalId: $proposalId, userId: $userId) { id } }',
        {
          proposalId: await fresh.proposal(),
          userId: world.users.otherOperator.id,
        },
      ),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'login',
    build: ({ world }) =>
      q('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', {
        email: world.users.operator.email,
        password: world.users.operator.password,
      }),
    expected: row('ok ok ok ok ok ok'),
    note: 'public: anyone with the right password',
  },
  {
    kind: 'Mutation',
    name: 'linkExternalIdentity',
    build: async ({ fresh }) =>
      q('mutation($userId: ID!, $subject: String!) { linkExternalIdentity(userId: $userId, subject: $subject) { id } }', {
        userId: await fresh.user(),
        subject: `subject-${unique()}`,
      }),
    // No OpenID provider in this world: past the access rule, the use case says it is not configured.
    expected: row('U F F F F N'),
    note: 'without OIDC configured the admin gets NOT_FOUND (oidc-sign-in.e2e-spec.ts links with a provider)',
  },
  {
    kind: 'Mutation',
    name: 'markDuplicate',
    build: async ({ fresh }) =>
      q('mutation($id: ID!, $duplicateOf: ID!) { markDuplicate(id: $id, duplicateOf: $duplicateOf) { id } }', {
        id: await fresh.pepin(),
        duplicateOf: await fresh.pepin(),
      }),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'markNotificationsRead',
    build: () => q('mutation { markNotificationsRead(all: true) }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'the caller’s own notifications',
  },
  {
    kind: 'Mutation',
    name: 'registerWebhook',
    build: () =>
      q('mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }', {
        input: { url: WEBHOOK_URL, events: ['pepin.filed', 'release.published'] },
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'setWebhookEnabled',
    build: async ({ fresh }) =>
      q('mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { id } }', { id: await fresh.webhook() }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'deleteWebhook',
    build: async ({ fresh }) => q('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: await fresh.webhook() }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'setNotificationPreferences',
    build: () =>
      q('mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { kind } }', {
        input: { preferences: [{ kind: 'PROPOSAL_REVISED', mode: 'DIGEST' }] },
      }),
    expected: EVERYONE_SIGNED_IN,
    note: 'the caller’s own e-mail preferences',
  },
  {
    kind: 'Mutation',
    name: 'openVote',
    build: async ({ fresh }) =>
      q(
        'mutation($proposalId: ID!, $closesAt: DateTime!) { openVote(proposalId: $proposalId, closesAt: $closesAt) { id } }',
        {
          proposalId: await fresh.proposal(),
          closesAt: inHours(48),
        },
      ),
    expected: SITE_MANAGERS_AND_ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'publishAdvisory',
    build: ({ world }) =>
      q('mutation($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }', {
        input: {
          ruleKey: world.ruleKey,
          message: 'Consigne provisoire : accepter les photos du colis.',
          expiresAt: inHours(24),
        },
      }),
    expected: MANAGERS_AND_ADMINS,
    note: 'the rulebook is shared by every site',
  },
  {
    kind: 'Mutation',
    name: 'publishRelease',
    build: async ({ fresh }) =>
      q('mutation($input: PublishReleaseInput!) { publishRelease(input: $input) { version } }', {
        input: { proposalIds: [await fresh.approvedProposal()] },
      }),
    sequential: true,
    expected: SITE_MANAGERS_AND_ADMINS,
    note: 'an approved proposal of the site, authored by another manager (four eyes)',
  },
  {
    kind: 'Mutation',
    name: 'reactivateUser',
    build: async ({ fresh }) =>
      q('mutation($id: ID!) { reactivateUser(id: $id) { id } }', { id: await fresh.deactivatedUser() }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'removeIdentityGroupMapping',
    build: async ({ fresh }) => q('mutation($id: ID!) { removeIdentityGroupMapping(id: $id) { id } }', { id: await fresh.groupMapping() }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'renameTeam',
    build: async ({ fresh }) =>
      q('mutation($id: ID!, $name: String!) { renameTeam(id: $id, name: $name) { id } }', {
        id: await fresh.team(),
        name: `Équipe ${unique()}`,
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'replyToManagers',
    build: async ({ fresh }) =>
      q('mutation($pepinId: ID!) { replyToManagers(pepinId: $pepinId, body: "C’était la commande 4521.") { id } }', {
        pepinId: await fresh.pepin(),
      }),
    expected: row('U ok N F F F'),
    note: 'the reporter only',
  },
  {
    kind: 'Mutation',
    name: 'remindMandatoryReading',
    build: async ({ fresh }) =>
      q('mutation($input: RemindMandatoryReadingInput!) { remindMandatoryReading(input: $input) { reminded } }', {
        input: await fresh.mandatoryChange(),
      }),
    expected: row('U F F ok ok ok'),
    note: 'in the caller’s own site (mandatory changes are the rulebook’s, shared by every site)',
  },
  {
    kind: 'Mutation',
    name: 'reportDesktopStatus',
    build: ({ world }) =>
      q('mutation($input: ReportDesktopStatusInput!) { reportDesktopStatus(input: $input) { recorded } }', {
        input: { releaseVersion: world.releaseVersion, appliedAt: new Date().toISOString() },
      }),
    expected: EVERYONE_SIGNED_IN,
    note: 'any signed-in desktop; only operators’ reports are kept',
  },
  {
    kind: 'Mutation',
    name: 'reportSearchGaps',
    build: () => q('mutation { reportSearchGaps(input: { queries: ["carte cadeau expirée"] }) { counted } }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'any signed-in desktop; kept per site and day, with no person',
  },
  {
    kind: 'Mutation',
    name: 'requestListeningSession',
    build: async ({ fresh, world }) =>
      q('mutation($input: RequestListeningSessionInput!) { requestListeningSession(input: $input) { id } }', {
        input: { pepinId: await fresh.pepin(), managerId: world.users.manager.id },
      }),
    expected: row('U ok N F F F'),
    note: 'on a pépin the caller filed or supports',
  },
  {
    kind: 'Mutation',
    name: 'respondToCoAuthorInvitation',
    build: async ({ fresh }) =>
      q('mutation($proposalId: ID!) { respondToCoAuthorInvitation(proposalId: $proposalId, accept: true) { id } }', {
        proposalId: await fresh.invitation(),
      }),
    expected: row('U ok N N N N'),
    note: 'operator is the one invited; no invitation is found for anyone else',
  },
  {
    kind: 'Mutation',
    name: 'reviseProposal',
    build: async ({ fresh, world }) =>
      q('mutation($id: ID!, $input: ReviseProposalInput!) { reviseProposal(id: $id, input: $input) { id } }', {
        id: await fresh.proposal(),
        input: {
          note: 'Un plafond plus bas.',
          changes: [amendStatement(world.ruleKey, `Rembourser sans justificatif sous ${unique()} €.`)],
        },
      }),
    expected: SITE_MANAGERS_AND_ADMINS,
    note: 'operators only as co-authors (operator is not one here)',
  },
  {
    kind: 'Mutation',
    name: 'rollbackRelease',
    build: async ({ fresh }) =>
      q(
        'mutation($toVersion: Int!) { rollbackRelease(toVersion: $toVersion, reason: "Retour arrière de la matrice.") { version } }',
        {
          toVersion: await fresh.newerRelease(),
        },
      ),
    sequential: true,
    expected: MANAGERS_AND_ADMINS,
    note: 'the rulebook is shared by every site',
  },
  {
    kind: 'Mutation',
    name: 'scheduleListeningSession',
    build: async ({ fresh }) =>
      q('mutation($id: ID!, $at: DateTime!) { scheduleListeningSession(id: $id, scheduledAt: $at) { id } }', {
        id: await fresh.listeningSession(),
        at: inHours(24),
      }),
    expected: row('U F F N ok F'),
    note: 'the chosen manager only',
  },
  {
    kind: 'Mutation',
    name: 'setIdentityGroupMapping',
    build: ({ world }) =>
      q('mutation($input: SetIdentityGroupMappingInput!) { setIdentityGroupMapping(input: $input) { id } }', {
        input: { group: `groupe-${unique()}`, role: 'OPERATOR', siteId: world.site.site.id, teamId: world.site.team.id },
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'supportPepin',
    build: async ({ fresh }) => q('mutation($id: ID!) { supportPepin(id: $id) { id } }', { id: await fresh.pepin() }),
    expected: row('U CONFLICT ok F F F'),
    note: 'operators of the site; operator filed it, so it already counts them (CONFLICT)',
  },
  {
    kind: 'Mutation',
    name: 'updateSite',
    build: ({ world }) =>
      q('mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }', {
        id: world.site.site.id,
        input: { timeZone: 'Europe/Paris' },
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'updateUser',
    build: async ({ fresh }) =>
      q('mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }', {
        id: await fresh.user(),
        input: { displayName: 'Renommé' },
      }),
    expected: ADMINS,
  },
  {
    kind: 'Mutation',
    name: 'withdrawSupport',
    build: async ({ api, world, caller, fresh }) => {
      const id = await fresh.pepin();
      if (caller === 'otherOperator') await api.app.get(PepinFiling).supportPepin(authenticated(world.users.otherOperator), id);
      return q('mutation($id: ID!) { withdrawSupport(id: $id) { id } }', { id });
    },
    expected: row('U ILLEGAL_TRANSITION ok F F F'),
    note: 'operators of the site who support it; the reporter has no support to withdraw (ILLEGAL_TRANSITION, as anyone without one)',
  },
  {
    kind: 'Mutation',
    name: 'writeListeningNotes',
    build: async ({ fresh }) =>
      q('mutation($id: ID!) { writeListeningNotes(id: $id, notes: "Le client était pressé.") { id } }', {
        id: await fresh.listeningSession(),
      }),
    expected: row('U ok N N ok F'),
    note: 'only the two participants',
  },

  // ────────────────────────── Subscriptions ──────────────────────────
  {
    kind: 'Subscription',
    name: 'floorChanged',
    build: () => q('subscription { floorChanged { siteId } }'),
    expected: MANAGERS_AND_ADMINS,
    note: 'their own site by default (graphql-ws: no token closes with 4401)',
  },
  {
    kind: 'Subscription',
    name: 'notificationAdded',
    build: () => q('subscription { notificationAdded { id } }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'graphql-ws: a connection without a token is closed (4401)',
  },
  {
    kind: 'Subscription',
    name: 'pepinChanged',
    build: ({ world }) => q('subscription($id: ID!) { pepinChanged(id: $id) { id } }', { id: world.pepinId }),
    expected: row('U ok N N ok ok'),
    note: 'who may read the pépin filed by operator, as the pepin query (graphql-ws: no token closes with 4401)',
  },
  {
    kind: 'Subscription',
    name: 'rulebookChanged',
    build: () => q('subscription { rulebookChanged { kind } }'),
    expected: EVERYONE_SIGNED_IN,
    note: 'graphql-ws: a connection without a token is closed (4401)',
  },
];

function unique(): string {
  return randomBytes(4).toString('hex');
}

function inHours(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}
