export * from './page-info.type';
