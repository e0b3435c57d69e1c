export * from './scope';
export * from './decide';
export * from './authorizer';
export * from './acting';
