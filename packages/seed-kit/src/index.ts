export * from './center-accounts';
export * from './identity-accounts';
export * from './secret-file';
export * from './published-items';
