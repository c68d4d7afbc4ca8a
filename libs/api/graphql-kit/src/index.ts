export * from './page-info.type';
export * from './json-object.scalar';
export * from './request-batcher';
