import { Role } from '@pepite/api/identity';
import { PepinConversation } from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi } from '@pepite/test-support';

const CONVERSATION = `query($id: ID!) { pepin(id: $id) { conversation { author body } } }`;

interface Conversation {
  pepin: { conversation: { author: string; body: string }[] | null };
}

// Issue 15: "Rapporteur" showed on English screens. The console names its language in
// Accept-Language; labels the API words follow it rather than the account's stored locale.
describe('the reader’s language', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('words the labels of a conversation in the language the request names, else the account’s', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const manager = await api.world.newUser(Role.MANAGER);
    const pepin = await api.world.newPepin(operator);
    const conversation = api.app.get(PepinConversation);
    await conversation.askReporter(authenticated(manager), pepin.id, 'Quel client était concerné ?');
    await conversation.replyToManagers(authenticated(operator), pepin.id, 'Un client professionnel.');

    const authors = async (language?: string) =>
      (await api.graphql.ok<Conversation>(CONVERSATION, { id: pepin.id }, { token: manager.token, language })).pepin.conversation?.map(
        (message) => message.author,
      );
    expect(await authors('en')).toEqual([manager.displayName, 'Reporter']);
    expect(await authors('fr')).toEqual([manager.displayName, 'Rapporteur']);
    expect(await authors()).toEqual([manager.displayName, 'Rapporteur']);
  });
});
