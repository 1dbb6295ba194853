export * from './error-codes';
export * from './app-error';
export * from './envelope';
export * from './validation';
