export * from './page-info.type';
export * from './connection.type';
export * from './json-object.scalar';
export * from './request-batcher';
export * from './page.args';
export * from './id-field';
export * from './from-view';
