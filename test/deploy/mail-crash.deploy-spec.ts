import { freePort } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { MailOutbox } from '@pepite/api/notifications';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { rawHeader, SmtpMailbox } from '../support/smtp-mailbox';
import { ApiProcess, sharedSecrets } from './support/api-process';
import { waitUntil } from './support/wait';

/**
 * An e-mail is sent once even when the instance sending it is killed (SIGKILL) after the
 * relay received the whole message and before it answered: the relay never accepted it, the
 * delivery row stays PENDING, and the next instance to start sends it, once.
 */
describe('e-mail: no duplicate and no loss when an instance is killed mid-send', () => {
  let mailbox: SmtpMailbox;
  let setup: TestApi;
  let env: Record<string, string>;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    mailbox = await SmtpMailbox.start();
    // The first message is held: its DATA arrives, the relay never answers.
    mailbox.verdict = (attempt) => (attempt === 1 ? 'hold' : 'accept');
    const secrets = sharedSecrets();
    // The test's own instance prepares people and acts; it runs no jobs, so it sends nothing.
    setup = await startTestApi({ ...secrets, JOBS_ENABLED: 'false', SMTP_URL: mailbox.url });
    env = {
      ...secrets,
      DATABASE_URL: setup.database.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'true',
      JOBS_POLL_SECONDS: '1',
      SMTP_URL: mailbox.url,
      PUBLIC_URL: 'https://pepite.example.test',
    };
  }, 180_000);

  afterAll(async () => {
    for (const api of processes) await api.kill();
    await setup?.close();
    await mailbox?.close();
  }, 60_000);

  it('is sent once by the next instance after the first one dies holding it', async () => {
    const first = await ApiProcess.start('first', await freePort(), env);
    processes.push(first);
    const operator: TestUser = await setup.world.newUser(Role.OPERATOR, { locale: 'fr' });
    const manager = await setup.world.newUser(Role.MANAGER);
    const pepin = await setup.world.newPepin(operator, { noRuleApplies: true });
    await setup.graphql.ok(`mutation($pepinId: ID!, $body: String!) { askReporter(pepinId: $pepinId, body: $body) { id } }`, {
      pepinId: pepin.id,
      body: 'Quel était le montant ?',
    }, { token: manager.token });

    await mailbox.waitForHeld();
    expect(await first.kill()).toBe('SIGKILL');
    expect(mailbox.to(operator.email)).toEqual([]);
    // The killed instance's transaction died with its connection: the row is PENDING, unlocked.
    const pending = () => sql<{ status: string }>(setup, 'SELECT status FROM mail_delivery WHERE recipient_id = $1', [operator.id]);
    await waitUntil(async () => (await pending())[0]?.status === 'PENDING', { what: () => 'the delivery to be pending' });

    const second = await ApiProcess.start('second', await freePort(), env);
    processes.push(second);
    const [mail] = await mailbox.waitFor(() => mailbox.to(operator.email).length > 0 && mailbox.to(operator.email), 60_000);
    expect(mail && rawHeader(mail, 'X-Pepite-Kind')).toBe('PEPIN_QUESTION');
    await waitUntil(async () => (await pending())[0]?.status === 'SENT', { what: () => 'the delivery to be sent' });

    // A third instance starting, and the minute sweep, find nothing more to send.
    const third = await ApiProcess.start('third', await freePort(), env);
    processes.push(third);
    await setup.app.get(MailOutbox).drain();
    expect(mailbox.to(operator.email)).toHaveLength(1);
    expect(await pending()).toEqual([{ status: 'SENT' }]);
  }, 300_000);
});
