export * from './browser-stack';
export * from './sign-in';
export * from './accessibility';
export * from './english-check';
