export * from './domain/release-seal';
export * from './domain/rule-change';
export * from './domain/rule-draft';
export * from './domain/rulebook-document';
export * from './domain/signing-key';
export * from './rulebook.errors';
export * from './rulebook.options';
export * from './rulebook.module';
export * from './application/rulebook-publisher.service';
export * from './application/release-catalog.service';
export * from './application/advisory.service';
export * from './application/rulebook-event-hub';
export * from './persistence/rulebook-entities';
export * from './application/scheduled-publications.service';
export * from './application/rulebook-import.service';
export * from './demo/demo-rulebook';
// The word-level rule diff, for contexts that compare wordings (proposals), and its GraphQL
// shapes so that every diff of the schema reads the same (`FieldChange`, `DiffSegment`).
export {
  diffRule,
  DIFFED_RULE_FIELDS,
  LONG_TEXT_FIELDS,
  type DiffedRuleField,
  type DiffSegment,
  type RuleFieldChange,
  type RuleWording,
} from './domain/rule-diff';
export { DiffSegmentKind, DiffSegmentType, FieldChangeType } from './graphql/rule-diff.type';
// The release as GraphQL shows it, for the publication context's mutations (`publishRelease`).
export { ReleaseChangesType, ReleaseType } from './graphql/release.type';
export * from './application/rule-change-history.service';
// The feed's answers from memory, which the HTTP server asks first (apps/api's front door).
export { FeedFastPath, type FeedAnswerKey } from './feed/feed-fast-path';
