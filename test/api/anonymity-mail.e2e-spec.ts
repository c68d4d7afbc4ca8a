import type { ParsedMail } from 'mailparser';
import { Clock } from '@pepite/api/database';
import { Role, type SiteEntity, type TeamEntity } from '@pepite/api/identity';
import { MailOutbox } from '@pepite/api/notifications';
import { AcknowledgementDeadlines } from '@pepite/api/pepins';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { ACKNOWLEDGE_PEPIN, SUPPORT_PEPIN } from '../support/pepin-graphql';
import { addresses, rawHeader, SmtpMailbox } from '../support/smtp-mailbox';
import { WebhookReceiver } from '../support/webhook-receiver';

/*
 * Anonymity through e-mail and webhooks (docs/design.md, Anonymity; docs/mail.md;
 * docs/webhooks.md): what managers and admins receive by e-mail, and what a webhook receiver
 * (read by managers) gets, is a function of what was written, never of which anonymous
 * operator wrote it. The same scenario runs in two worlds (two sites of one API); in the
 * second, every act of the anonymous pool is done by σ(operator), a permutation of the pool.
 * Managers and admins take every kind at once and in the digest, so that every e-mail a
 * manager-side reader can get is produced. Then:
 *  1. no e-mail to a manager or an admin contains the id, e-mail or name of a pool operator;
 *  2. the two worlds' manager and admin mailboxes are equal once people, references, ids and
 *     dates are replaced by placeholders;
 *  3. the same holds for every webhook payload of each world (every event, JSON format).
 */

const ASK = `mutation($pepinId: ID!, $body: String!) { askReporter(pepinId: $pepinId, body: $body) { id } }`;
const REPLY = `mutation($pepinId: ID!, $body: String!) { replyToManagers(pepinId: $pepinId, body: $body) { id } }`;
const PREFERENCES = '{ myNotificationPreferences { kind } }';
const SET_PREFERENCES = `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { kind } }`;
const HOUR = 3_600_000;
const POOL = 3;
/** σ of the second world: a rotation of the pool. */
const SIGMA = [1, 2, 0];

interface World {
  readonly place: { site: SiteEntity; team: TeamEntity };
  readonly pool: TestUser[];
  readonly managers: TestUser[];
  readonly admin: TestUser;
}

let mailbox: SmtpMailbox;
let receiver: WebhookReceiver;
let api: TestApi;

beforeAll(async () => {
  mailbox = await SmtpMailbox.start();
  receiver = await WebhookReceiver.start();
  api = await startTestApi({ SMTP_URL: mailbox.url, PUBLIC_URL: 'https://pepite.example.test', WEBHOOK_ALLOWED_TARGETS: '127.0.0.1' });
});
afterAll(async () => {
  await api.close();
  await mailbox.close();
  await receiver.close();
});

async function newWorld(name: string): Promise<World> {
  const place = await api.world.newSite(name);
  const pool = [];
  for (let i = 0; i < POOL; i++) pool.push(await api.world.newUser(Role.OPERATOR, { site: place }));
  const managers = [
    await api.world.newUser(Role.MANAGER, { site: place, locale: 'fr' }),
    await api.world.newUser(Role.MANAGER, { site: place, locale: 'en' }),
  ];
  const admin = await api.world.newUser(Role.ADMIN, { site: place });
  // Everything a manager-side reader may receive, at once.
  for (const reader of [...managers, admin]) {
    const { myNotificationPreferences } = await api.graphql.ok<{ myNotificationPreferences: { kind: string }[] }>(PREFERENCES, {}, { token: reader.token });
    const preferences = myNotificationPreferences.map(({ kind }) => ({ kind, mode: 'IMMEDIATE' }));
    await api.graphql.ok(SET_PREFERENCES, { input: { preferences } }, { token: reader.token });
  }
  return { place, pool, managers, admin };
}

/** The scenario, played in one world; `who(i)` is the pool operator doing operator i's acts. */
async function play(world: World, who: (i: number) => TestUser): Promise<string[]> {
  const [asker] = world.managers as [TestUser, TestUser];
  const filed = [];
  for (const [i, title] of [[0, 'Remboursement sans ticket'], [1, 'Échange hors délai'], [2, 'Carte cadeau expirée']] as const) {
    filed.push(await api.world.newPepin(who(i), { title, noRuleApplies: true }));
  }
  await api.graphql.ok(SUPPORT_PEPIN, { id: filed[0]?.id, signed: false }, { token: who(1).token });
  await api.graphql.ok(ASK, { pepinId: filed[0]?.id, body: 'Quel montant ?' }, { token: asker.token });
  await api.graphql.ok(REPLY, { pepinId: filed[0]?.id, body: 'Vingt euros, par carte.' }, { token: who(0).token });
  await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: filed[1]?.id }, { token: asker.token });
  return filed.map((pepin) => pepin.id);
}

function transcript(world: World, pepinIds: readonly string[], mails: readonly ParsedMail[]): string[] {
  const readers = [...world.managers, world.admin];
  const lines = mails
    .filter((mail) => readers.some((reader) => addresses(mail).includes(reader.email.toLowerCase())))
    .map((mail) => {
      const reader = readers.findIndex((r) => addresses(mail).includes(r.email.toLowerCase()));
      let text = `${reader} ${rawHeader(mail, 'X-Pepite-Kind')} ${mail.subject}\n${mail.text}\n${mail.html}`;
      pepinIds.forEach((id, i) => (text = text.replaceAll(id, `<pepin ${i}>`)));
      return text
        .replace(/PEP-\d+/g, '<ref>')
        .replace(/token=[\w.-]+/g, 'token=<token>')
        // Deadlines differ by the milliseconds between the worlds' filings.
        .replace(/\d{1,2}:\d{2}/g, '<time>')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    });
  return lines.sort();
}

it('tells managers and admins by e-mail, and webhook receivers, nothing that depends on which anonymous operator acted', async () => {
  const admin = await api.world.newUser(Role.ADMIN);
  await api.graphql.ok(
    `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`,
    { input: { url: receiver.url('/crm'), events: ['pepin.filed', 'pepin.acknowledged', 'pepin.became_pepite'] } },
    { token: admin.token },
  );
  const worlds = [await newWorld('Monde A'), await newWorld('Monde B')] as const;
  const identity = await play(worlds[0], (i) => worlds[0].pool[i] as TestUser);
  const permuted = await play(worlds[1], (i) => worlds[1].pool[SIGMA[i] as number] as TestUser);

  // Reminders 24 h before, escalation to the team's managers, then to the site's admins; then the digest.
  const clock = api.app.get(Clock);
  const deadlines = api.app.get(AcknowledgementDeadlines);
  const outbox = api.app.get(MailOutbox);
  clock.advance(48 * HOUR + 60_000);
  await deadlines.remind();
  clock.advance(24 * HOUR);
  await deadlines.sweep();
  clock.advance(25 * HOUR);
  await deadlines.sweep();
  await outbox.drain();

  const expected = (world: World) => [...world.managers, world.admin];
  const kindsOf = (world: World) => () => {
    const kinds = new Set(
      mailbox.messages
        .filter((mail) => expected(world).some((reader) => addresses(mail).includes(reader.email.toLowerCase())))
        .map((mail) => rawHeader(mail, 'X-Pepite-Kind')),
    );
    return ['PEPIN_ANSWER', 'PEPIN_ACK_DUE_SOON', 'PEPIN_ACK_OVERDUE', 'PEPIN_ACK_OVERDUE_ADMIN'].every((kind) => kinds.has(kind));
  };
  await mailbox.waitFor(kindsOf(worlds[0]));
  await mailbox.waitFor(kindsOf(worlds[1]));
  await outbox.drain();

  for (const world of worlds) {
    const received = mailbox.messages.filter((mail) => expected(world).some((reader) => addresses(mail).includes(reader.email.toLowerCase())));
    expect(received.length).toBeGreaterThan(0);
    for (const mail of received) {
      const whole = `${mail.subject}\n${mail.text}\n${mail.html}\n${mail.headerLines.map((h) => h.line).join('\n')}`;
      for (const operator of world.pool) {
        for (const secret of [operator.id, operator.email, operator.displayName]) expect(whole).not.toContain(secret);
      }
    }
  }
  expect(transcript(worlds[1], permuted, mailbox.messages)).toEqual(transcript(worlds[0], identity, mailbox.messages));

  // Webhooks: 3 filings and 1 acknowledgement per world.
  await receiver.waitFor(() => receiver.to('/crm').length >= 8);
  const payloads = (world: World, pepinIds: readonly string[]) => {
    const bodies = receiver.to('/crm').map((call) => call.body).filter((body) => body.includes(world.place.site.id));
    for (const body of bodies) {
      for (const operator of world.pool) for (const secret of [operator.id, operator.email, operator.displayName]) expect(body).not.toContain(secret);
    }
    return bodies
      .map((body) => {
        let text = body.replaceAll(world.place.site.id, '<site>');
        pepinIds.forEach((id, i) => (text = text.replaceAll(id, `<pepin ${i}>`)));
        return text
          .replace(/PEP-\d+/g, '<ref>')
          .replace(/"(id|occurredAt|ackDueAt)":"[^"]+"/g, '"$1":"<…>"');
      })
      .sort();
  };
  const first = payloads(worlds[0], identity);
  expect(first).toHaveLength(4);
  expect(payloads(worlds[1], permuted)).toEqual(first);
});
