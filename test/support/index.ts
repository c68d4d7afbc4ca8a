export * from './test-api';
export * from './graphql-client';
export * from './test-world';
export * from './rulebook-fixtures';
export * from './sse-reader';
export * from './graphql-subscriptions';
export * from './session-client';
export * from './oidc-sign-in-driver';
