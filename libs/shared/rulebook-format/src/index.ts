export * from './canonical-json';
export * from './wire-types';
export * from './snapshot';
