export * from './result';
export * from './region-code';
export * from './resident-id-number';
export * from './credit-code';
export * from './mask';
export * from './china-date';
export * from './text';
