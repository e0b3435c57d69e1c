export {
  createBankClient,
  type BankClient,
  type BankClientOptions,
  type BankEndpoint,
  type HttpAnswer,
} from './bank-client';
export { newBankTxnId, receiptCode, receiptNumber, type ReceiptCodeParts } from './receipt';
export { backoffDelay, DEFAULT_RETRY_POLICY, shouldRetry, type RetryPolicy } from './retry';
export { newNonce, signMessage, type SignOptions, type SigningKey } from './signing';
export type * from './types';
