import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { AllowedTargets, isAllowedTarget } from '../domain/target-address';

/** A receiver's address, checked: the host's every address is allowed, and this is the one to connect to. */
export interface CheckedTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

export const MAX_URL_LENGTH = 2000;

/** A syntactically acceptable webhook URL, or null. */
export function parseWebhookUrl(text: string): URL | null {
  if (text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url;
}

/**
 * Resolves the host and refuses it when any of its addresses is forbidden (a name that
 * resolves to both a public and an internal address is refused). Checked at registration
 * and again before each call, and the call connects to the address checked, so a DNS answer
 * that changes in between (rebinding) cannot redirect it.
 */
export async function checkTarget(url: URL, allowed: AllowedTargets): Promise<CheckedTarget | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return null;
  }
  const first = addresses[0];
  if (!first || !addresses.every((entry) => isAllowedTarget(entry.address, allowed))) return null;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` for http.request that answers with the checked address only. */
export function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else callback(null, target.address, target.family);
  };
}
