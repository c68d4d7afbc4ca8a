import { DataSource } from 'typeorm';
import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi } from '@pepite/test-support';

/** SERVICE_UNAVAILABLE says when to come back: `Retry-After` in the HTTP header and in the extensions. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ DB_POOL_SIZE: '1' });
});
afterAll(() => api?.close());

it('a request that finds the pool exhausted gets SERVICE_UNAVAILABLE with Retry-After, header and extensions alike', async () => {
  const operator = await api.world.newUser(Role.OPERATOR);
  // The pool's only connection, held until the request has been answered.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken!: () => void;
  const holding = new Promise<void>((resolve) => (taken = resolve));
  const transaction = api.app.get(DataSource).transaction(async () => {
    taken();
    await held;
  });
  await holding;
  try {
    const response = await api.graphql.request('{ me { id } }', {}, { token: operator.token, language: 'en' });
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const header = Number(response.headers.get('retry-after'));
    expect(header).toBeGreaterThan(0);
    expect(error?.extensions?.['retryAfterSeconds']).toBe(header);
  } finally {
    release();
    await transaction;
  }
});
