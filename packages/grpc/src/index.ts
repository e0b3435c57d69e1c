export * from './server';
export * from './client';
export * from './status-mapping';
export * from './acting-calls';
