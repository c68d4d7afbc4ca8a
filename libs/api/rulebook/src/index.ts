export * from './domain/canonical-json';
export * from './domain/release-seal';
