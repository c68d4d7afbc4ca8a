import { DomainError } from '@pepite/api/errors';
import { auditCursor, idOfCursor } from './audit-cursor';

describe('audit cursors', () => {
  it('round-trip an entry id, opaquely', () => {
    const cursor = auditCursor('12345');
    expect(cursor).not.toContain('12345');
    expect(idOfCursor(cursor)).toBe('12345');
    expect(idOfCursor(auditCursor('9223372036854775807'))).toBe('9223372036854775807');
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['another context’s cursor', Buffer.from('notification:12').toString('base64url')],
    ['a zero id', auditCursor('0')],
    ['a negative id', auditCursor('-1')],
    ['an id with leading zeros', auditCursor('012')],
    ['an id too long for a bigint', auditCursor('12345678901234567890')],
    ['a non-canonical encoding', `${auditCursor('12')}=`],
  ])('refuse %s with BAD_USER_INPUT', (_name, cursor) => {
    let thrown: unknown;
    try {
      idOfCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('BAD_USER_INPUT');
  });
});
