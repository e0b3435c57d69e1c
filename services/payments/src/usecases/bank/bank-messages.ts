import { DomainError, UnauthenticatedError } from '@govhall/errors';
import type { RefusalReason } from '../../domain/bank/bank-message';
import type { BankKeys, BankLedger, BankMessageRecord, BankNonces, Clock } from '../ports';

export const MAX_JWS_LENGTH = 16 * 1024;
const CHANNEL = /^[a-z0-9-]{1,32}$/;

export interface BankDeps {
  keys: BankKeys;
  nonces: BankNonces;
  ledger: BankLedger;
  clock: Clock;
}

const signatureInvalid = () => new UnauthenticatedError('SIGNATURE_INVALID', '报文签名无效');

/** The signature, checked first: a forged message learns nothing and burns no nonce. */
export async function verifiedPayload(deps: BankDeps, channel: string, jws: string): Promise<unknown> {
  if (!CHANNEL.test(channel) || !jws || jws.length > MAX_JWS_LENGTH) throw signatureInvalid();
  return deps.keys.verify(channel, jws);
}

/** Replays refused: the nonce is claimed after the signature and the time window were checked. */
export async function claimNonce(deps: BankDeps, channel: string, nonce: string, at: Date): Promise<void> {
  if (!(await deps.nonces.claim(channel, nonce, at))) {
    throw new UnauthenticatedError('REPLAYED', '报文重复（nonce 已使用）');
  }
}

const REASONS: readonly RefusalReason[] = [
  'SIGNATURE_INVALID',
  'EXPIRED',
  'REPLAYED',
  'VALIDATION_FAILED',
  'UNKNOWN_PAYMENT_CODE',
  'NOTICE_NOT_PAYABLE',
  'AMOUNT_MISMATCH',
  'REFUND_NOT_FOUND',
  'REFUND_NOT_APPROVED',
];

/**
 * Runs a bank message's handling and records its verdict in the ledger: the outcome, or the refusal's reason. The
 * refusal itself is passed on to the bank.
 */
export async function recorded<T>(
  deps: BankDeps,
  entry: Omit<BankMessageRecord, 'outcome' | 'at' | 'reason'>,
  handle: (note: Partial<BankMessageRecord>) => Promise<{ result: T; outcome: BankMessageRecord['outcome'] }>,
): Promise<T> {
  const seen: Partial<BankMessageRecord> = {};
  try {
    const { result, outcome } = await handle(seen);
    await deps.ledger.record({ ...entry, ...seen, outcome, at: deps.clock.now() });
    return result;
  } catch (e) {
    if (e instanceof DomainError) {
      const reason = (REASONS as readonly string[]).includes(e.code) ? (e.code as RefusalReason) : undefined;
      await deps.ledger.record({
        ...entry,
        ...seen,
        outcome: 'refused',
        ...(reason ? { reason } : {}),
        at: deps.clock.now(),
      });
    }
    throw e;
  }
}
