// The plain domain (also reachable alone as `@pepite/api/rulebook/domain`, for other contexts' domain code).
export * from './domain';
export * from './rulebook.errors';
export * from './rulebook.options';
export * from './rulebook.module';
export * from './application/rulebook-publisher.service';
export * from './application/release-catalog.service';
// The brotli body made after a publication (its job, and its step for a set-up that runs no workers).
export { ReleaseBrotli, RELEASE_BROTLI_JOB } from './application/release-brotli.service';
export * from './application/advisory.service';
export * from './application/rulebook-event-hub';
export * from './persistence/rulebook-entities';
export * from './application/scheduled-publications.service';
export * from './application/rulebook-import.service';
// The GraphQL shapes of the word-level diff, so that every diff of the schema reads the same.
export { DiffSegmentKind, DiffSegmentType, FieldChangeType } from './graphql/rule-diff.type';
export { RuleWordingType } from './graphql/rule-wording.type';
// The release as GraphQL shows it, for the publication context's mutations (`publishRelease`).
export { ReleaseChangesType, ReleaseType } from './graphql/release.type';
export * from './application/rule-change-history.service';
// The feed's answers from memory, which the HTTP server asks first (apps/api's front door).
export { FeedFastPath, type FeedAnswerKey } from './feed/feed-fast-path';
export { LiveStreams } from './feed/live-streams';
// Mandatory reading (issue 19), for the return path.
export * from './application/mandatory-changes.service';
