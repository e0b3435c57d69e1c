export * from './templates';
export * from './delivery';
export * from './smtp';
export * from './sms';
export * from './ledger';
export * from './dispatcher';
export * from './case-notifications';
export * from './config';
