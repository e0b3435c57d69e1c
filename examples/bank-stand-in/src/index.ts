/**
 * @govhall/bank-stand-in: the client side of the bank protocol (docs/bank-protocol.md), reusable by integration
 * tests, and the pieces of the stand-in process.
 */
export * from './client';
export { bankChannelsEntry, loadSigningKey, type LoadedKey } from './keys';
export { TransactionStore, type CallbackState, type StoredTransaction } from './store';
export { createStandInServer, deliverCallback, resendPending, type StandInDeps } from './web/server';
export { escapeHtml } from './web/html';
