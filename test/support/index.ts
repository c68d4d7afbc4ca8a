export * from './test-api';
export * from './graphql-client';
export * from './test-world';
