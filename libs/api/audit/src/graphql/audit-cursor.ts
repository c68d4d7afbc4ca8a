import { AuditErrors } from '../audit.errors';

const PREFIX = 'audit:';

/** Opaque to clients; an audit entry's id underneath. */
export function auditCursor(id: string): string {
  return Buffer.from(`${PREFIX}${id}`).toString('base64url');
}

export function idOfCursor(cursor: string): string {
  const match = /^audit:([1-9]\d{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const id = match?.[1];
  if (id === undefined || auditCursor(id) !== cursor) throw AuditErrors.invalidCursor();
  return id;
}
