/**
 * Every failure the SDK reports has one of these codes, so a desktop can tell "the server is
 * down" (keep working from the stored copy) from "someone altered the rulebook" (alert).
 */
export type RulebookErrorCode =
  /** A release older than (or different from, at the same version) the one already trusted. */
  | 'ROLLBACK'
  /** The bytes do not match their SHA-256 or their Ed25519 signature. */
  | 'TAMPERED'
  /** A release or advisory arrived without a signature. */
  | 'UNSIGNED'
  /** Not the shape the feed promises (bad JSON, missing fields, wrong format tag). */
  | 'MALFORMED'
  /** The server answered with an unexpected HTTP status. */
  | 'HTTP'
  /** The request never got an answer (connection refused, DNS, timeout). */
  | 'NETWORK'
  /** The server is unreachable at start: the client runs from its stored copy, if any. */
  | 'OFFLINE'
  /** The persistence layer failed to load or save the copy. */
  | 'STORAGE';

export interface RulebookErrorDetails {
  readonly url?: string;
  readonly status?: number;
  /** `error.code` of the server's JSON error body, e.g. `NOT_FOUND`. */
  readonly serverCode?: string;
  /** The version that was refused. */
  readonly version?: number;
  /** The version the client trusts and keeps. */
  readonly trustedVersion?: number;
  /** TAMPERED: the key id a release claims to be signed with, when no pinned key has it (a rotation the desktop missed). */
  readonly keyId?: string;
}

export class RulebookError extends Error {
  override readonly name = 'RulebookError';

  constructor(
    readonly code: RulebookErrorCode,
    message: string,
    readonly details: RulebookErrorDetails = {},
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRulebookError(error: unknown): error is RulebookError {
  return error instanceof RulebookError;
}

/** Wraps anything thrown into a RulebookError, keeping the original as `cause`. */
export function toRulebookError(error: unknown, fallback: RulebookErrorCode, message: string): RulebookError {
  if (error instanceof RulebookError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new RulebookError(fallback, `${message}: ${reason}`, {}, { cause: error });
}
