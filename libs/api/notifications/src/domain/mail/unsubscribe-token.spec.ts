import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const secret = 'a-secret-long-enough-for-the-test-0123456789';
  const what = { userId: '6f1c1b6e-3d4f-4a38-9a51-3d0f0d6f8a11', scope: 'VOTE_OPENED' };

  it('read back what they were made of', () => {
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, what))).toEqual(what);
  });

  it('refuse an edited payload, another secret’s signature and garbage', () => {
    const token = unsubscribeToken(secret, what);
    const other = unsubscribeToken(secret, { ...what, userId: '00000000-0000-4000-8000-000000000000' });
    const forged = `${other.split('.')[0]}.${token.split('.')[1]}`;
    expect(readUnsubscribeToken(secret, forged)).toBeNull();
    expect(readUnsubscribeToken('another-secret-long-enough-0123456789', token)).toBeNull();
    expect(readUnsubscribeToken(secret, 'not-a-token')).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
  });
});
