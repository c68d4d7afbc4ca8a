import { NotificationErrors } from '../notifications.errors';

const PREFIX = 'notification:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients; a notification's id underneath. */
export function notificationCursor(id: string): string {
  return Buffer.from(`${PREFIX}${id}`).toString('base64url');
}

export function idOfCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString().slice(PREFIX.length);
  if (!UUID.test(id) || notificationCursor(id) !== cursor) throw NotificationErrors.invalidCursor();
  return id;
}
