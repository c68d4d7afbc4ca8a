import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { DECLINE_PEPIN, PEPIN, SUPPORT_PEPIN, type PepinJson } from '../support/pepin-graphql';

/** An operator takes back their "me too" (issue 15, §2), and nobody learns who filed the pépin. */
let api: TestApi;
let reporter: TestUser;
let supporter: TestUser;
let stranger: TestUser;
let manager: TestUser;

const WITHDRAW = `mutation($id: ID!) { withdrawSupport(id: $id) { id supportCount } }`;
const MY_PEPINS = `{ myPepins { relation pepin { id } } }`;

beforeAll(async () => {
  api = await startTestApi();
  const site = await api.world.newSite();
  [reporter, supporter, stranger, manager] = await Promise.all([
    api.world.newUser(Role.OPERATOR, { site }),
    api.world.newUser(Role.OPERATOR, { site }),
    api.world.newUser(Role.OPERATOR, { site }),
    api.world.newUser(Role.MANAGER, { site }),
  ]);
});
afterAll(() => api.close());

async function errorOf(id: string, user: TestUser, language = 'fr') {
  const response = await api.graphql.request(WITHDRAW, { id }, { token: user.token, headers: { 'accept-language': language } });
  const error = response.errors?.[0];
  return { code: (error?.extensions as { code?: string } | undefined)?.code, message: error?.message };
}

it('takes back the support: the count drops, the pépin leaves "my pépins", the manager sees one supporter less', async () => {
  const pepin = await api.world.newPepin(reporter);
  await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id, signed: true }, { token: supporter.token });
  expect((await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id: pepin.id }, { token: manager.token })).pepin).toMatchObject({
    supportCount: 1,
    supporters: [{ id: supporter.id }],
  });
  const done = await api.graphql.ok<{ withdrawSupport: { supportCount: number } }>(WITHDRAW, { id: pepin.id }, {
    token: supporter.token,
  });
  expect(done.withdrawSupport.supportCount).toBe(0);
  const mine = await api.graphql.ok<{ myPepins: { pepin: { id: string } }[] }>(MY_PEPINS, {}, { token: supporter.token });
  expect(mine.myPepins.map((entry) => entry.pepin.id)).not.toContain(pepin.id);
  expect((await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id: pepin.id }, { token: manager.token })).pepin).toMatchObject({
    supportCount: 0,
    supporters: [],
  });
  expect(await api.graphql.errorCode(PEPIN, { id: pepin.id }, { token: supporter.token })).toBe('NOT_FOUND');
  // Again: nothing left to withdraw. And supporting again works.
  expect((await errorOf(pepin.id, supporter)).code).toBe('ILLEGAL_TRANSITION');
  await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: supporter.token });
});

it('answers the reporter exactly as any operator without a support: the answer never says who filed', async () => {
  const pepin = await api.world.newPepin(reporter);
  for (const language of ['fr', 'en']) {
    const ofReporter = await errorOf(pepin.id, reporter, language);
    expect(ofReporter.code).toBe('ILLEGAL_TRANSITION');
    expect(ofReporter).toEqual(await errorOf(pepin.id, stranger, language));
  }
  expect((await errorOf(pepin.id, stranger, 'en')).message).toBe('You do not support this pépin: there is no support to withdraw.');
});

it('refuses managers, other sites and closed pépins', async () => {
  const pepin = await api.world.newPepin(reporter);
  await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: supporter.token });
  expect((await errorOf(pepin.id, manager)).code).toBe('FORBIDDEN');
  const elsewhere = await api.world.newUser(Role.OPERATOR);
  expect((await errorOf(pepin.id, elsewhere)).code).toBe('NOT_FOUND');
  expect((await errorOf('not-an-id', supporter)).code).toBe('NOT_FOUND');
  await api.graphql.ok(DECLINE_PEPIN, { id: pepin.id, reason: 'La procédure actuelle couvre déjà ce cas précis.' }, {
    token: manager.token,
  });
  expect((await errorOf(pepin.id, supporter)).code).toBe('CONFLICT');
});
