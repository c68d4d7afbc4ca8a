import { parseWebhookUrl } from './webhook-target';

/** The URL without its path's secrets (Teams URLs carry a key): scheme, host and a shortened path. */
export function displayedUrl(url: string): string {
  const parsed = parseWebhookUrl(url);
  if (!parsed) return url.slice(0, 60);
  const path = parsed.pathname.length > 24 ? `${parsed.pathname.slice(0, 24)}…` : parsed.pathname;
  return `${parsed.protocol}//${parsed.host}${path}`;
}
