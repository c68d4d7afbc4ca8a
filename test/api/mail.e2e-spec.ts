import type { ParsedMail } from 'mailparser';
import { Clock } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { MAIL_SWEEP_JOB, MailOutbox, NotificationsService } from '@pepite/api/notifications';
import { AcknowledgementDeadlines } from '@pepite/api/pepins';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { ACKNOWLEDGE_PEPIN, notificationsOf, sql } from '../support/pepin-graphql';
import { rawHeader, SmtpMailbox, unsubscribeUrl } from '../support/smtp-mailbox';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://pepite.example.test';
const ASK = `mutation($pepinId: ID!, $body: String!) { askReporter(pepinId: $pepinId, body: $body) { id } }`;
const PREFERENCES = '{ myNotificationPreferences { kind title mode defaultMode } }';
const SET_PREFERENCES = `mutation($input: SetNotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) { kind mode } }`;

interface PreferenceJson {
  kind: string;
  title: string;
  mode: string;
  defaultMode: string;
}

describe('e-mail: at once, in the reader’s language, with one-click unsubscribe; reminders and the daily digest', () => {
  let mailbox: SmtpMailbox;
  let api: TestApi;
  let outbox: MailOutbox;
  let clock: Clock;
  let operator: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    mailbox = await SmtpMailbox.start();
    api = await startTestApi({ SMTP_URL: mailbox.url, PUBLIC_URL });
    outbox = api.app.get(MailOutbox);
    clock = api.app.get(Clock);
    operator = await api.world.newUser(Role.OPERATOR, { locale: 'fr' });
    manager = await api.world.newUser(Role.MANAGER, { locale: 'fr' });
  });
  afterAll(async () => {
    await api.close();
    await mailbox.close();
  });

  const first = (user: TestUser, kind: string) => () =>
    mailbox.to(user.email).find((message) => rawHeader(message, 'X-Pepite-Kind') === kind);
  const preferences = async (user: TestUser) =>
    (await api.graphql.ok<{ myNotificationPreferences: PreferenceJson[] }>(PREFERENCES, {}, { token: user.token })).myNotificationPreferences;
  const modeOf = async (user: TestUser, kind: string) => (await preferences(user)).find((p) => p.kind === kind)?.mode;

  let question: ParsedMail;

  it('tells an operator of a manager’s question at once, in French with its accents, with a plain-text part and a link to her pépin', async () => {
    const pepin = await api.world.newPepin(operator, { title: 'Remboursement refusé à une cliente âgée', noRuleApplies: true });
    await api.graphql.ok(ASK, { pepinId: pepin.id, body: 'Quel était le montant ?' }, { token: manager.token });
    question = await mailbox.waitFor(first(operator, 'PEPIN_QUESTION'));

    expect(question.subject).toBe('Pépite · Question d’un manager');
    expect(question.text).toContain(`Un manager vous pose une question sur votre pépin ${pepin.reference} « Remboursement refusé à une cliente âgée ». Vous restez anonyme en répondant.`);
    expect(question.html).toContain('Remboursement refusé à une cliente âgée');
    expect(question.html).toContain('<html lang="fr">');
    const link = `${PUBLIC_URL}/my-pepins/${pepin.id}`;
    expect(question.html).toContain(`href="${link}"`);
    expect(question.text).toContain(link);
    expect(question.text).toContain(`${PUBLIC_URL}/settings/notifications`);
    expect(rawHeader(question, 'Content-Language')).toBe('fr');
    expect(rawHeader(question, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeUrl(question)).toMatch(new RegExp(`^${PUBLIC_URL}/api/mail/unsubscribe\\?token=[\\w-]+\\.[\\w-]+$`));
    expect(question.messageId).toMatch(/@pepite>$/);
    // Nobody else was written to.
    expect(mailbox.messages.filter((message) => message !== question)).toEqual([]);
  });

  it('gives each role its defaults and lets a person change them; a kind that is not theirs is refused, nothing written', async () => {
    const mine = await preferences(operator);
    expect(mine.find((p) => p.kind === 'PEPIN_QUESTION')).toEqual({
      kind: 'PEPIN_QUESTION',
      title: 'Question d’un manager',
      mode: 'IMMEDIATE',
      defaultMode: 'IMMEDIATE',
    });
    expect(mine.find((p) => p.kind === 'PEPIN_PUBLISHED')?.mode).toBe('IMMEDIATE');
    expect(mine.find((p) => p.kind === 'PEPIN_ACKNOWLEDGED')?.mode).toBe('OFF');
    expect(mine.some((p) => p.kind === 'VOTE_OPENED')).toBe(false);
    const managers = await preferences(manager);
    expect(managers.find((p) => p.kind === 'PEPIN_ACK_DUE_SOON')?.mode).toBe('IMMEDIATE');
    expect(managers.find((p) => p.kind === 'VOTE_OPENED')?.mode).toBe('IMMEDIATE');
    expect(managers.find((p) => p.kind === 'PEPIN_ANSWER')?.mode).toBe('DIGEST');

    const refused = await api.graphql.errorCode(
      SET_PREFERENCES,
      { input: { preferences: [{ kind: 'PEPIN_DECLINED', mode: 'DIGEST' }, { kind: 'VOTE_OPENED', mode: 'IMMEDIATE' }] } },
      { token: operator.token },
    );
    expect(refused).toBe('BAD_USER_INPUT');
    expect(await modeOf(operator, 'PEPIN_DECLINED')).toBe('OFF');
  });

  it('writes in English to an English reader who asked for acknowledgements at once, and not to one who did not', async () => {
    const english = await api.world.newUser(Role.OPERATOR, { locale: 'en' });
    await api.graphql.ok(SET_PREFERENCES, { input: { preferences: [{ kind: 'PEPIN_ACKNOWLEDGED', mode: 'IMMEDIATE' }] } }, { token: english.token });
    const hers = await api.world.newPepin(english, { title: 'Carte de fidélité bloquée', noRuleApplies: true });
    const quiet = await api.world.newPepin(operator, { noRuleApplies: true });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: hers.id, message: 'Merci, c’est noté.' }, { token: manager.token });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: quiet.id }, { token: manager.token });

    const mail = await mailbox.waitFor(first(english, 'PEPIN_ACKNOWLEDGED'));
    expect(mail.subject).toBe('Pépite · Pépin acknowledged');
    expect(mail.text).toContain(`Your pépin ${hers.reference} “Carte de fidélité bloquée” has been acknowledged by the managers. Message: Merci, c’est noté.`);
    expect(mail.html).toContain('<html lang="en">');
    // The French operator keeps acknowledgements in the console only: nothing planned for hers.
    const acknowledged = (await notificationsOf(api, operator)).find((n) => n.kind === 'PEPIN_ACKNOWLEDGED' && n.subjectId === quiet.id);
    expect(acknowledged).toBeDefined();
    expect(await outbox.planAtOnce([acknowledged?.id ?? ''])).toBe(0);
    expect(await sql(api, 'SELECT 1 FROM mail_delivery WHERE $1 = ANY(notification_ids)', [acknowledged?.id])).toEqual([]);
  });

  it('unsubscribes in one click from the header, without signing in; a forged link is refused', async () => {
    const url = unsubscribeUrl(question).replace(PUBLIC_URL, api.baseUrl);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Confirmer le désabonnement');
    expect(await modeOf(operator, 'PEPIN_QUESTION')).toBe('IMMEDIATE'); // opening the link changes nothing

    const [payload = '', signature = ''] = new URL(url).searchParams.get('token')?.split('.') ?? [];
    const forged = await fetch(`${api.baseUrl}/api/mail/unsubscribe?token=${payload}.${signature.slice(1)}x`, { method: 'POST' });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Ce lien de désabonnement n’est pas valable');

    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Vous ne recevrez plus ce type d’e-mail.');
    expect(await modeOf(operator, 'PEPIN_QUESTION')).toBe('OFF');
    expect(await modeOf(operator, 'PEPIN_PUBLISHED')).toBe('IMMEDIATE');

    const pepin = await api.world.newPepin(operator, { noRuleApplies: true });
    await api.graphql.ok(ASK, { pepinId: pepin.id, body: 'Et la date ?' }, { token: manager.token });
    const asked = (await notificationsOf(api, operator)).find((n) => n.kind === 'PEPIN_QUESTION' && n.subjectId === pepin.id);
    expect(await outbox.planAtOnce([asked?.id ?? ''])).toBe(0);
  });

  it('reminds the site’s managers 24 hours before the deadline and again at escalation, once each, even with two sweeps at once', async () => {
    const place = await api.world.newSite('Site de Lille');
    const reporter = await api.world.newUser(Role.OPERATOR, { site: place });
    const french = await api.world.newUser(Role.MANAGER, { site: place, locale: 'fr' });
    const english = await api.world.newUser(Role.MANAGER, { site: place, locale: 'en' });
    const pepin = await api.world.newPepin(reporter, { title: 'Échange refusé', noRuleApplies: true });
    const deadlines = api.app.get(AcknowledgementDeadlines);

    clock.advance(47 * HOUR);
    expect(await deadlines.remind()).toBe(0);
    clock.advance(HOUR + 60_000);
    const reminded = await Promise.all([deadlines.remind(), deadlines.remind()]);
    expect(reminded.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await deadlines.remind()).toBe(0);

    const fr = await mailbox.waitFor(first(french, 'PEPIN_ACK_DUE_SOON'));
    const en = await mailbox.waitFor(first(english, 'PEPIN_ACK_DUE_SOON'));
    expect(fr.subject).toBe('Pépite · Pépin à prendre en compte sous 24 h');
    expect(fr.text).toContain(`Le pépin ${pepin.reference} « Échange refusé » attend d’être pris en compte`);
    expect(en.text).toContain(`Pépin ${pepin.reference} “Échange refusé” is waiting to be acknowledged`);
    expect(fr.html).toContain(`href="${PUBLIC_URL}/triage/${pepin.id}"`);

    clock.advance(24 * HOUR);
    await deadlines.sweep();
    const overdue = await mailbox.waitFor(first(french, 'PEPIN_ACK_OVERDUE'));
    expect(overdue.text).toContain(`Votre équipe n’a pas encore pris en compte le pépin ${pepin.reference}`);
    await mailbox.waitFor(first(english, 'PEPIN_ACK_OVERDUE'));
    await outbox.drain();
    for (const who of [french, english]) {
      const kinds = mailbox.to(who.email).map((message) => rawHeader(message, 'X-Pepite-Kind'));
      expect(kinds.sort()).toEqual(['PEPIN_ACK_DUE_SOON', 'PEPIN_ACK_OVERDUE']);
    }
    // The reporter is never named to the managers.
    for (const message of [fr, en, overdue]) {
      for (const secret of [reporter.displayName, reporter.email, reporter.id]) {
        expect(`${message.html}${message.text}`).not.toContain(secret);
      }
    }
  });

  it('sends the daily digest at 08:00 Paris time across the spring change, once per person and period', async () => {
    const schedule = await sql<{ cron: string }>(api, 'SELECT cron FROM pgboss.schedule WHERE name = $1', [MAIL_SWEEP_JOB]);
    expect(schedule).toEqual([{ cron: '* * * * *' }]);
    const place = await api.world.newSite('Site de Paris');
    const reader = await api.world.newUser(Role.MANAGER, { site: place, locale: 'fr' });
    const notifications = api.app.get(NotificationsService);
    const revised = (revision: number) =>
      notifications.notify({
        recipientIds: [reader.id],
        kind: 'PROPOSAL_REVISED',
        subjectType: 'PROPOSAL',
        subjectId: '5b0e7f55-2b7c-4a4e-9d55-0c8f4d3f1a10',
        params: { reference: 'PRO-000042', title: 'Rembourser sans justificatif', revision },
      });
    const digests = () =>
      sql<{ period_key: string; count: number; status: string }>(
        api,
        `SELECT period_key, cardinality(notification_ids)::int AS count, status FROM mail_delivery
          WHERE recipient_id = $1 ORDER BY period_key`,
        [reader.id],
      );
    const moveTo = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
    const digestMails = () => mailbox.to(reader.email).filter((message) => rawHeader(message, 'X-Pepite-Kind') === 'DIGEST');

    await revised(2);
    moveTo('2027-03-27T06:59:00Z'); // 07:59 in Paris (UTC+1): yesterday's digest
    await outbox.planDigests();
    await outbox.planDigests();
    await outbox.drain();
    expect(await digests()).toEqual([{ period_key: 'digest:2027-03-26', count: 1, status: 'SENT' }]);

    await revised(3);
    await outbox.planDigests(); // same period: already sent, the new one waits
    moveTo('2027-03-27T07:00:00Z'); // 08:00 in Paris
    await outbox.planDigests();
    await outbox.drain();

    await revised(4);
    moveTo('2027-03-28T05:59:00Z'); // 07:59 in Paris, now UTC+2
    await outbox.planDigests();
    expect((await digests()).map((d) => d.period_key)).toEqual(['digest:2027-03-26', 'digest:2027-03-27']);
    moveTo('2027-03-28T06:00:00Z'); // 08:00 in Paris, an hour earlier in UTC than the day before
    await outbox.planDigests();
    await Promise.all([outbox.drain(), outbox.planDigests().then(() => outbox.drain())]);
    expect(await digests()).toEqual([
      { period_key: 'digest:2027-03-26', count: 1, status: 'SENT' },
      { period_key: 'digest:2027-03-27', count: 1, status: 'SENT' },
      { period_key: 'digest:2027-03-28', count: 1, status: 'SENT' },
    ]);
    const mails = await mailbox.waitFor(() => digestMails().length === 3 && digestMails());
    expect(mails.map((m) => m.subject)).toEqual([
      'Votre résumé Pépite du 26 mars 2027 (1 nouvelle)',
      'Votre résumé Pépite du 27 mars 2027 (1 nouvelle)',
      'Votre résumé Pépite du 28 mars 2027 (1 nouvelle)',
    ]);
    expect(mails.map((m) => /révision \(n° (\d)\)/.exec(m.text ?? '')?.[1])).toEqual(['2', '3', '4']);
    expect(mails[2]?.html).toContain(`href="${PUBLIC_URL}/proposals/5b0e7f55-2b7c-4a4e-9d55-0c8f4d3f1a10"`);
    // Its link says what it opens (each item of a digest has its own link name).
    expect(mails[2]?.html).toContain('>Ouvrir PRO-000042 « Rembourser sans justificatif » (nouvelle révision)</a>');
    expect(mails[2]?.text).toContain(`Ouvrir PRO-000042 « Rembourser sans justificatif » (nouvelle révision) : ${PUBLIC_URL}/proposals/`);
    expect(unsubscribeUrl(mails[2] as ParsedMail)).toContain('/api/mail/unsubscribe?token=');
  });
});
