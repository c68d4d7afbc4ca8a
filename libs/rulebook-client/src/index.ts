/**
 * `@pepite/rulebook-client`: the browser-safe entry (no `node:` imports). Node adds
 * FileStorage through `@pepite/rulebook-client/node`.
 */
export * from '@pepite/rulebook-format';
export { RulebookClient, type RulebookClientOptions, type CurrentRelease, type SyncOutcome } from './rulebook-client';
export { RulebookError, isRulebookError, type RulebookErrorCode, type RulebookErrorDetails } from './errors';
export type {
  ConnectionState,
  ReleaseSource,
  ReleaseUpdate,
  RulebookEventMap,
  RulebookEventName,
  RulebookListener,
} from './events';
export {
  MemoryStorage,
  WebStorage,
  parseStoredRulebook,
  STORED_RULEBOOK_FORMAT,
  type RulebookStorage,
  type StoredRulebook,
  type StorageLike,
} from './storage';
export { RuleIndex, searchRules, foldText, type SearchHit, type SearchOptions, type SearchField } from './search';
export { SseParser, type SseEvent, type SseHandlers } from './sse-parser';
export { Backoff, type BackoffOptions } from './backoff';
export { applyChanges, type ReconstructedRelease } from './changes';
export {
  importKeyring,
  importPublicKey,
  openRelease,
  verifyAdvisory,
  verifySignature,
  sha256Hex,
  type VerifiedRelease,
  type ClaimedSeal,
  type VerifyKey,
  type Keyring,
  type PinnedKey,
  type TrustedKeys,
} from './verify';
export { DEFAULT_RECONNECT, type ReconnectOptions } from './live';
export type { FetchLike, TokenSource } from './http';
export { DesktopReporter, type DesktopReporterOptions, type ReleaseSource as ReporterReleaseSource } from './desktop-reporter';
