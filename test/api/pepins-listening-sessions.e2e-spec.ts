import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, SUPPORT_PEPIN } from '../support/pepin-graphql';

let api: TestApi;
let reporter: TestUser;
let supporter: TestUser;
let chosen: TestUser;
let otherManager: TestUser;
let admin: TestUser;

const SESSION_FIELDS = `id status participant callReference reason scheduledAt operatorNotes managerNotes outcome requestedAt completedAt
  pepin { id reference } manager { id displayName } operator { id displayName }`;
const REQUEST = `mutation($input: RequestListeningSessionInput!) { requestListeningSession(input: $input) { ${SESSION_FIELDS} } }`;
const SCHEDULE = `mutation($id: ID!, $at: DateTime!) { scheduleListeningSession(id: $id, scheduledAt: $at) { ${SESSION_FIELDS} } }`;
const NOTES = `mutation($id: ID!, $notes: String!) { writeListeningNotes(id: $id, notes: $notes) { ${SESSION_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $outcome: String!) { completeListeningSession(id: $id, outcome: $outcome) { ${SESSION_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelListeningSession(id: $id) { ${SESSION_FIELDS} } }`;
const ON_PEPIN = `query($id: ID!) { pepin(id: $id) { updatedAt history { kind actorRole message } listeningSessions { ${SESSION_FIELDS} } } }`;
const MINE = `{ listeningSessions { ${SESSION_FIELDS} } }`;

type Session = {
  id: string;
  status: string;
  participant: boolean;
  callReference: string | null;
  reason: string | null;
  scheduledAt: string | null;
  operatorNotes: string | null;
  managerNotes: string | null;
  outcome: string | null;
  requestedAt: string | null;
  completedAt: string | null;
  manager: { id: string; displayName: string };
  operator: { id: string; displayName: string } | null;
};

const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  supporter = await api.world.newUser(Role.OPERATOR);
  chosen = await api.world.newUser(Role.MANAGER);
  otherManager = await api.world.newUser(Role.MANAGER);
  admin = await api.world.newUser(Role.ADMIN);
});
afterAll(() => api.close());

async function sessionsOnPepin(
  id: string,
  user: TestUser,
): Promise<{ updatedAt: string; history: { kind: string; message: string | null }[]; listeningSessions: Session[] }> {
  return (
    await api.graphql.ok<{
      pepin: { updatedAt: string; history: { kind: string; message: string | null }[]; listeningSessions: Session[] };
    }>(ON_PEPIN, { id }, { token: user.token })
  ).pepin;
}

describe('double écoute', () => {
  it('reveals the operator to the chosen manager only, and attaches the outcome to the pépin', async () => {
    const pepin = await api.world.newPepin(reporter, { callReference: 'CALL-555' });
    const managers = await api.graphql.ok<{ listeningSessionManagers: { id: string }[] }>(
      '{ listeningSessionManagers { id displayName } }',
      {},
      { token: reporter.token },
    );
    expect(managers.listeningSessionManagers.map((m) => m.id)).toEqual(
      expect.arrayContaining([chosen.id, otherManager.id]),
    );
    expect(managers.listeningSessionManagers.map((m) => m.id)).not.toContain(admin.id);

    const requested = (
      await api.graphql.ok<{ requestListeningSession: Session }>(
        REQUEST,
        { input: { pepinId: pepin.id, managerId: chosen.id, reason: 'Réécoutons l’appel ensemble.' } },
        { token: reporter.token },
      )
    ).requestListeningSession;
    expect(requested).toMatchObject({
      status: 'REQUESTED',
      participant: true,
      callReference: 'CALL-555',
      manager: { id: chosen.id },
      operator: { id: reporter.id, displayName: reporter.displayName },
    });
    const [request] = (await notificationsOf(api, chosen)).filter((n) => n.subjectId === requested.id);
    expect(request).toMatchObject({
      kind: 'LISTENING_SESSION_REQUESTED',
      subjectType: 'LISTENING_SESSION',
      params: { reference: pepin.reference },
    });
    expect(request?.text.fr).toContain(reporter.displayName);
    expect(await notificationsOf(api, otherManager)).toEqual([]);

    const at = tomorrow();
    const scheduled = (
      await api.graphql.ok<{ scheduleListeningSession: Session }>(
        SCHEDULE,
        { id: requested.id, at },
        { token: chosen.token },
      )
    ).scheduleListeningSession;
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', scheduledAt: at });
    expect(
      (await notificationsOf(api, reporter)).find((n) => n.kind === 'LISTENING_SESSION_SCHEDULED')?.text.fr,
    ).toContain(chosen.displayName);
    await api.graphql.ok(NOTES, { id: requested.id, notes: 'Le client était très pressé.' }, { token: reporter.token });
    const noted = (
      await api.graphql.ok<{ writeListeningNotes: Session }>(
        NOTES,
        { id: requested.id, notes: 'L’opérateur a bien suivi la règle.' },
        { token: chosen.token },
      )
    ).writeListeningNotes;
    expect(noted).toMatchObject({
      operatorNotes: 'Le client était très pressé.',
      managerNotes: 'L’opérateur a bien suivi la règle.',
    });

    // Before it is done, another manager sees that a session exists, with whom, and nothing else.
    const meanwhile = (await sessionsOnPepin(pepin.id, otherManager)).listeningSessions;
    expect(meanwhile).toEqual([
      {
        id: requested.id,
        status: 'SCHEDULED',
        participant: false,
        callReference: null,
        reason: null,
        scheduledAt: null,
        operatorNotes: null,
        managerNotes: null,
        outcome: null,
        requestedAt: null,
        completedAt: null,
        pepin: { id: pepin.id, reference: pepin.reference },
        manager: { id: chosen.id, displayName: chosen.displayName },
        operator: null,
      },
    ]);

    const done = (
      await api.graphql.ok<{ completeListeningSession: Session }>(
        COMPLETE,
        { id: requested.id, outcome: 'La règle doit prévoir ce cas de livraison.' },
        { token: chosen.token },
      )
    ).completeListeningSession;
    expect(done).toMatchObject({
      status: 'DONE',
      outcome: 'La règle doit prévoir ce cas de livraison.',
      completedAt: expect.any(String),
    });
    expect((await notificationsOf(api, reporter)).some((n) => n.kind === 'LISTENING_SESSION_DONE')).toBe(true);

    const forOthers = await sessionsOnPepin(pepin.id, otherManager);
    expect(forOthers.listeningSessions[0]).toMatchObject({
      participant: false,
      operator: null,
      operatorNotes: null,
      managerNotes: null,
      outcome: 'La règle doit prévoir ce cas de livraison.',
    });
    expect(forOthers.history.at(-1)).toMatchObject({
      kind: 'LISTENING_SESSION_DONE',
      message: 'La règle doit prévoir ce cas de livraison.',
    });
    expect(JSON.stringify(forOthers)).not.toContain(reporter.displayName);
    expect(JSON.stringify(await sessionsOnPepin(pepin.id, admin))).not.toContain(reporter.id);
    // The two participants see it all, on the pépin and in their own list.
    expect((await sessionsOnPepin(pepin.id, chosen)).listeningSessions[0]).toMatchObject({
      participant: true,
      operator: { id: reporter.id },
      callReference: 'CALL-555',
    });
    expect((await sessionsOnPepin(pepin.id, reporter)).listeningSessions[0]).toMatchObject({
      participant: true,
      managerNotes: 'L’opérateur a bien suivi la règle.',
    });
    for (const user of [chosen, reporter]) {
      const mine = await api.graphql.ok<{ listeningSessions: Session[] }>(MINE, {}, { token: user.token });
      expect(mine.listeningSessions.map((s) => s.id)).toEqual([requested.id]);
    }
    expect(
      (await api.graphql.ok<{ listeningSessions: Session[] }>(MINE, {}, { token: otherManager.token }))
        .listeningSessions,
    ).toEqual([]);
  });

  it('is open to supporters too, never revealing whether they filed the pépin, and not their colleague’s call', async () => {
    const pepin = await api.world.newPepin(reporter, { callReference: 'CALL-REPORTER' });
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: supporter.token });
    const session = (
      await api.graphql.ok<{ requestListeningSession: Session }>(
        REQUEST,
        { input: { pepinId: pepin.id, managerId: chosen.id } },
        { token: supporter.token },
      )
    ).requestListeningSession;
    expect(session).toMatchObject({ operator: { id: supporter.id }, callReference: null });
    // The reporter sees a session on their pépin, but not who asked.
    expect((await sessionsOnPepin(pepin.id, reporter)).listeningSessions[0]).toMatchObject({
      participant: false,
      operator: null,
    });
    expect(
      await api.graphql.errorCode(
        REQUEST,
        { input: { pepinId: pepin.id, managerId: chosen.id } },
        { token: supporter.token },
      ),
    ).toBe('CONFLICT');
    const stranger = await api.world.newUser(Role.OPERATOR);
    expect(
      await api.graphql.errorCode(
        REQUEST,
        { input: { pepinId: pepin.id, managerId: chosen.id } },
        { token: stranger.token },
      ),
    ).toBe('NOT_FOUND');
  });

  it('lets only the chosen manager schedule and conclude, and each step only in its turn', async () => {
    const pepin = await api.world.newPepin(reporter);
    const { requestListeningSession: session } = await api.graphql.ok<{ requestListeningSession: Session }>(
      REQUEST,
      { input: { pepinId: pepin.id, managerId: chosen.id } },
      { token: reporter.token },
    );
    expect(
      await api.graphql.errorCode(SCHEDULE, { id: session.id, at: tomorrow() }, { token: otherManager.token }),
    ).toBe('NOT_FOUND');
    expect(
      await api.graphql.errorCode(NOTES, { id: session.id, notes: 'Je lis.' }, { token: otherManager.token }),
    ).toBe('NOT_FOUND');
    expect(
      await api.graphql.errorCode(
        COMPLETE,
        { id: session.id, outcome: 'Conclusion prématurée ici.' },
        { token: chosen.token },
      ),
    ).toBe('ILLEGAL_TRANSITION');
    expect(
      await api.graphql.errorCode(
        SCHEDULE,
        { id: session.id, at: new Date(Date.now() - 60_000).toISOString() },
        { token: chosen.token },
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await api.graphql.errorCode(
        SCHEDULE,
        { id: session.id, at: new Date(Date.now() + 200 * 86_400_000).toISOString() },
        { token: chosen.token },
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await api.graphql.errorCode(SCHEDULE, { id: session.id, at: tomorrow() }, { token: reporter.token })).toBe(
      'FORBIDDEN',
    );
    await api.graphql.ok(SCHEDULE, { id: session.id, at: tomorrow() }, { token: chosen.token });
    expect(await api.graphql.errorCode(COMPLETE, { id: session.id, outcome: 'court' }, { token: chosen.token })).toBe(
      'BAD_USER_INPUT',
    );
    const cancelled = (
      await api.graphql.ok<{ cancelListeningSession: Session }>(CANCEL, { id: session.id }, { token: reporter.token })
    ).cancelListeningSession;
    expect(cancelled.status).toBe('CANCELLED');
    expect(
      (await notificationsOf(api, chosen)).some(
        (n) => n.kind === 'LISTENING_SESSION_CANCELLED' && n.subjectId === session.id,
      ),
    ).toBe(true);
    expect(await api.graphql.errorCode(SCHEDULE, { id: session.id, at: tomorrow() }, { token: chosen.token })).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await api.graphql.errorCode(NOTES, { id: session.id, notes: 'Trop tard.' }, { token: reporter.token })).toBe(
      'ILLEGAL_TRANSITION',
    );
    // Once cancelled, the operator may ask again.
    await api.graphql.ok(
      REQUEST,
      { input: { pepinId: pepin.id, managerId: otherManager.id } },
      { token: reporter.token },
    );
  });

  it('asks only an active manager of the operator’s own site', async () => {
    const pepin = await api.world.newPepin(reporter);
    const away = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
    for (const managerId of [away.id, admin.id, supporter.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await api.graphql.request(
        REQUEST,
        { input: { pepinId: pepin.id, managerId } },
        { token: reporter.token },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'listeningManagerNotFound',
      });
    }
    expect(
      await api.graphql.errorCode(
        REQUEST,
        { input: { pepinId: pepin.id, managerId: chosen.id } },
        { token: chosen.token },
      ),
    ).toBe('FORBIDDEN');
  });
});
