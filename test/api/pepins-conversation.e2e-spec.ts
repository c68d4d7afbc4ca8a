import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, PEPIN, SUPPORT_PEPIN, type PepinJson } from '../support/pepin-graphql';

let api: TestApi;
let reporter: TestUser;
let supporter: TestUser;
let manager: TestUser;
let secondManager: TestUser;
let englishManager: TestUser;

const ASK =
  'mutation($id: ID!, $body: String!) { askReporter(pepinId: $id, body: $body) { id authorKind author body at } }';
const REPLY =
  'mutation($id: ID!, $body: String!) { replyToManagers(pepinId: $id, body: $body) { id authorKind author body at } }';
const THREAD = `query($id: ID!) { pepin(id: $id) { updatedAt conversation { authorKind author body at } } }`;

type Line = { authorKind: string; author: string; body: string; at: string };

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  supporter = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  secondManager = await api.world.newUser(Role.MANAGER);
  englishManager = await api.world.newUser(Role.MANAGER, { locale: 'en' });
});
afterAll(() => api.close());

async function thread(id: string, user: TestUser): Promise<{ updatedAt: string; conversation: Line[] | null }> {
  return (
    await api.graphql.ok<{ pepin: { updatedAt: string; conversation: Line[] | null } }>(
      THREAD,
      { id },
      { token: user.token },
    )
  ).pepin;
}

describe('the conversation between managers and the reporter', () => {
  it('lets managers ask and the reporter answer, as “Reporter”, each side told', async () => {
    const pepin = await api.world.newPepin(reporter);
    const before = await thread(pepin.id, manager);
    await api.graphql.ok(ASK, { id: pepin.id, body: 'Quel était le montant du colis ?' }, { token: manager.token });
    await api.graphql.ok(
      ASK,
      { id: pepin.id, body: 'Et le client avait-il déjà appelé ?' },
      { token: secondManager.token },
    );
    const [question] = (await notificationsOf(api, reporter)).filter((n) => n.subjectId === pepin.id);
    expect(question).toMatchObject({ kind: 'PEPIN_QUESTION', params: { reference: pepin.reference } });
    expect(question?.text.fr).toContain('Vous restez anonyme');

    const answer = await api.graphql.ok<{ replyToManagers: Line }>(
      REPLY,
      { id: pepin.id, body: '  Environ 40 euros,\n\net oui, deux fois.  ' },
      { token: reporter.token },
    );
    expect(answer.replyToManagers).toMatchObject({
      authorKind: 'REPORTER',
      author: 'Rapporteur',
      body: 'Environ 40 euros,\n\net oui, deux fois.',
    });
    for (const asker of [manager, secondManager]) {
      expect(
        (await notificationsOf(api, asker)).filter((n) => n.kind === 'PEPIN_ANSWER' && n.subjectId === pepin.id),
      ).toHaveLength(1);
    }

    const seenByManager = await thread(pepin.id, manager);
    expect(seenByManager.conversation).toEqual([
      expect.objectContaining({
        authorKind: 'MANAGER',
        author: manager.displayName,
        body: 'Quel était le montant du colis ?',
      }),
      expect.objectContaining({ authorKind: 'MANAGER', author: secondManager.displayName }),
      expect.objectContaining({
        authorKind: 'REPORTER',
        author: 'Rapporteur',
        body: 'Environ 40 euros,\n\net oui, deux fois.',
      }),
    ]);
    expect(JSON.stringify(seenByManager)).not.toContain(reporter.displayName);
    expect((await thread(pepin.id, englishManager)).conversation?.[2]?.author).toBe('Reporter');
    // The reporter sees the thread on their own pépin; the reporter's activity does not move updatedAt.
    expect((await thread(pepin.id, reporter)).conversation).toHaveLength(3);
    expect(seenByManager.updatedAt).toBe(before.updatedAt);
  });

  it('lets only the reporter answer, and keeps the thread from supporters', async () => {
    const pepin = await api.world.newPepin(reporter);
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: supporter.token });
    await api.graphql.ok(ASK, { id: pepin.id, body: 'Une précision ?' }, { token: manager.token });
    expect(
      await api.graphql.errorCode(REPLY, { id: pepin.id, body: 'Moi aussi je sais !' }, { token: supporter.token }),
    ).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(REPLY, { id: pepin.id, body: 'Réponse' }, { token: manager.token })).toBe(
      'FORBIDDEN',
    );
    expect(await api.graphql.errorCode(ASK, { id: pepin.id, body: 'Question' }, { token: reporter.token })).toBe(
      'FORBIDDEN',
    );
    expect((await thread(pepin.id, supporter)).conversation).toBeNull();
    const pepinSeen = await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id: pepin.id }, { token: supporter.token });
    expect(pepinSeen.pepin.id).toBe(pepin.id);
  });

  it('keeps questions to the managers of the pépin’s site, and messages to a sensible length', async () => {
    const pepin = await api.world.newPepin(reporter);
    const away = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
    expect(await api.graphql.errorCode(ASK, { id: pepin.id, body: 'Question ?' }, { token: away.token })).toBe(
      'NOT_FOUND',
    );
    expect(await api.graphql.errorCode(ASK, { id: pepin.id, body: ' ' }, { token: manager.token })).toBe(
      'BAD_USER_INPUT',
    );
    const tooLong = await api.graphql.request(
      REPLY,
      { id: pepin.id, body: 'x'.repeat(2001) },
      { token: reporter.token, language: 'en' },
    );
    expect(tooLong.errors?.[0]?.message).toBe('The message must be 2 to 2000 characters long.');
  });
});
