import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a receiver reads (docs/webhooks.md shows how to check them). */
export const SIGNATURE_HEADER = 'X-Pepite-Signature';
export const TIMESTAMP_HEADER = 'X-Pepite-Timestamp';

/**
 * HMAC-SHA256, keyed with the webhook's secret, over `<timestamp>.<body>` (the Unix time in
 * seconds, a dot, the exact body bytes), hex: `v1=<hex>`. The timestamp is signed with the
 * body, so a receiver that refuses old timestamps refuses replays.
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifySignature(secret: string, timestamp: number, body: string, header: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
