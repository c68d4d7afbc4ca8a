export * from './error-code';
export * from './locale';
export * from './domain-error';
export * from './common-errors';
export * from './validation-messages';
