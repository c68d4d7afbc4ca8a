import { DataSource } from 'typeorm';
import { Clock } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { passwordSignIn, sessionPost, startTestApi, type TestApi } from '@pepite/test-support';

const ME = '{ me { id } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }';
const HOUR = 3_600_000;

interface Renewed {
  readonly accessToken: string;
  readonly expiresAt: string;
}

describe('sessions: refresh cookie, rotation, reuse detection, logout', () => {
  let api: TestApi;
  let clock: Clock;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApi({ SESSION_LIFETIME_HOURS: '12', SESSION_IDLE_MINUTES: '90' });
    clock = api.app.get(Clock);
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  async function auditActions(subjectId: string): Promise<string[]> {
    const rows: { action: string }[] = await db.query('SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY id', [subjectId]);
    return rows.map((row) => row.action);
  }

  it('password sign-in sets an httpOnly, SameSite=Strict cookie limited to /auth', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const { setCookie } = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const line = setCookie.find((value) => value.startsWith('pepite_session=')) ?? '';
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect(line).toMatch(/Path=\/auth(;|$)/);
    // Plain HTTP outside production: no Secure flag, or the browser would drop it.
    expect(line).not.toMatch(/Secure/i);
  });

  it('renews the access token with the cookie and rotates it; the old cookie then ends the whole family', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const first = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const renewed = await sessionPost<Renewed>(api.baseUrl, 'refresh', first.cookie);
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(renewed.cookie).toBeTruthy();
    expect(renewed.cookie).not.toBe(first.cookie);
    expect((await api.graphql.ok<{ me: { id: string } }>(ME, {}, { token: renewed.body.accessToken })).me.id).toBe(operator.id);

    const second = await sessionPost<Renewed>(api.baseUrl, 'refresh', renewed.cookie ?? '');
    expect(second.status).toBe(200);

    // The first cookie again: stolen or replayed. Refused, and the current one dies with it.
    const replay = await sessionPost<{ error: { code: string } }>(api.baseUrl, 'refresh', first.cookie);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('UNAUTHENTICATED');
    expect(replay.cookie).toBe('');
    const afterReplay = await sessionPost<{ error: { code: string } }>(api.baseUrl, 'refresh', second.cookie ?? '');
    expect(afterReplay.status).toBe(401);
    expect(await auditActions(operator.id)).toContain('SESSION_REUSE_DETECTED');
  });

  it('keeps another sign-in of the same person alive when one family is revoked', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const desk = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const phone = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    await sessionPost(api.baseUrl, 'refresh', desk.cookie);
    expect((await sessionPost(api.baseUrl, 'refresh', desk.cookie)).status).toBe(401);
    expect((await sessionPost(api.baseUrl, 'refresh', phone.cookie)).status).toBe(200);
  });

  it('refuses a refresh without the app header or from a foreign origin (CSRF), and keeps the cookie usable', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const { cookie } = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const noHeader = await sessionPost<{ error: { code: string; message: string } }>(api.baseUrl, 'refresh', cookie, { header: false });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe('FORBIDDEN');
    expect(noHeader.body.error.message).toBe('Cette demande ne vient pas de Pépite : elle est refusée.');
    const foreign = await sessionPost(api.baseUrl, 'refresh', cookie, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await sessionPost(api.baseUrl, 'refresh', cookie, { origin: api.baseUrl })).status).toBe(200);
  });

  it('refuses a refresh without a cookie or with an unknown one', async () => {
    expect((await sessionPost(api.baseUrl, 'refresh', null)).status).toBe(401);
    expect((await sessionPost(api.baseUrl, 'refresh', 'not-a-session')).status).toBe(401);
  });

  it('logout revokes the family: its cookie renews nothing afterwards', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const { cookie } = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const out = await sessionPost(api.baseUrl, 'logout', cookie);
    expect(out.status).toBe(204);
    expect(out.cookie).toBe('');
    expect((await sessionPost(api.baseUrl, 'refresh', cookie)).status).toBe(401);
    expect((await sessionPost(api.baseUrl, 'logout', cookie, { header: false })).status).toBe(403);
  });

  it('deactivation revokes every session of the person at once', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const operator = await api.world.newUser(Role.OPERATOR);
    const a = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const b = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    await api.graphql.ok(DEACTIVATE, { id: operator.id }, { token: admin.token });
    expect((await sessionPost(api.baseUrl, 'refresh', a.cookie)).status).toBe(401);
    expect((await sessionPost(api.baseUrl, 'refresh', b.cookie)).status).toBe(401);
    const [open]: { count: string }[] = await db.query('SELECT count(*) FROM auth_session WHERE user_id = $1 AND revoked_at IS NULL', [
      operator.id,
    ]);
    expect(open?.count).toBe('0');
  });

  it('lasts a 10-hour shift renewed every hour, then ends at its lifetime; an idle cookie ends at the idle timeout', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    let { cookie } = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    const idle = (await passwordSignIn(api.baseUrl, operator.email, operator.password)).cookie;
    for (let hour = 1; hour <= 11; hour++) {
      clock.advance(HOUR);
      const renewed = await sessionPost<Renewed>(api.baseUrl, 'refresh', cookie);
      expect(renewed.status).toBe(200);
      cookie = renewed.cookie ?? '';
      // The token is judged by the same clock: valid now, an hour later expired.
      expect((await api.graphql.ok<{ me: { id: string } }>(ME, {}, { token: renewed.body.accessToken })).me.id).toBe(operator.id);
    }
    // Unused for 11 hours: past the 90-minute idle timeout.
    expect((await sessionPost(api.baseUrl, 'refresh', idle)).status).toBe(401);
    clock.advance(HOUR);
    expect((await sessionPost(api.baseUrl, 'refresh', cookie)).status).toBe(401);
  });

  it('an access token expires on the API clock', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const { accessToken } = await passwordSignIn(api.baseUrl, operator.email, operator.password);
    expect((await api.graphql.ok<{ me: { id: string } }>(ME, {}, { token: accessToken })).me.id).toBe(operator.id);
    clock.advance(61 * 60_000);
    expect(await api.graphql.errorCode(ME, {}, { token: accessToken })).toBe('UNAUTHENTICATED');
  });
});
