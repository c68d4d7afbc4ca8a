import type { KeyObject } from 'node:crypto';

export interface RulebookOptions {
  /** Ed25519 private key that signs every release and advisory. */
  readonly signingKey: KeyObject;
  /** Key rotation: public keys of earlier signing keys, listed by /public-key as `previous`. */
  readonly previousPublicKeys?: readonly KeyObject[];
  /** Serve the feed without a token (a kiosk or an intranet behind its own gate). */
  readonly publicFeed: boolean;
  readonly sseHeartbeatSeconds: number;
  /** What SSE clients are told to wait before reconnecting. */
  readonly sseRetryMilliseconds: number;
}

export const RULEBOOK_OPTIONS = Symbol('RULEBOOK_OPTIONS');
