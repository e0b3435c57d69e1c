import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { BankClient } from '../client/bank-client';
import type { CallbackOutcome } from '../client/types';
import type { RefundStore, StoredRefund } from '../refund-store';
import type { CallbackState, TransactionStore } from '../store';

export interface RefundDeps {
  client: BankClient;
  store: TransactionStore;
  refunds: RefundStore;
  /** GovHall's public keys by kid (PLATFORM_KEYS). */
  platformKeys: Map<string, KeyObject>;
  now: () => Date;
  log: (line: string) => void;
}

const MAX_JWS = 16 * 1024;
const WINDOW_SECONDS = 300;
const ID = /^[A-Za-z0-9-]{1,64}$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function readJws(req: IncomingMessage): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/jose') throw new Refusal(415, 'UNSUPPORTED_MEDIA_TYPE', '退款指令应为 application/jose');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JWS) throw new Refusal(413, 'TOO_LARGE', '退款指令过大');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

interface Instruction {
  refundId: string;
  paymentCode: string;
  bankTxnId: string;
  amountFen: number;
}

/** The signature (EdDSA, GovHall's kid), the time window and the nonce; then the instruction's fields. */
async function verified(deps: RefundDeps, jws: string): Promise<Instruction> {
  const invalid = () => new Refusal(401, 'SIGNATURE_INVALID', '退款指令签名无效');
  let kid: unknown;
  try {
    ({ kid } = decodeProtectedHeader(jws));
  } catch {
    throw invalid();
  }
  const key = typeof kid === 'string' ? deps.platformKeys.get(kid) : undefined;
  if (!key) throw invalid();
  let p: Record<string, unknown>;
  try {
    const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as Record<string, unknown>;
  } catch {
    throw invalid();
  }
  if (p.type !== 'REFUND_INSTRUCTION') throw new Refusal(400, 'VALIDATION_FAILED', 'type 应为 REFUND_INSTRUCTION');
  if (typeof p.iat !== 'number' || Math.abs(deps.now().getTime() / 1000 - p.iat) > WINDOW_SECONDS) {
    throw new Refusal(401, 'EXPIRED', '退款指令签名时间超出允许范围');
  }
  if (typeof p.nonce !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(p.nonce)) {
    throw new Refusal(400, 'VALIDATION_FAILED', 'nonce 格式不正确');
  }
  const { refundId, paymentCode, bankTxnId, amountFen } = p;
  if (
    typeof refundId !== 'string' ||
    !ID.test(refundId) ||
    typeof paymentCode !== 'string' ||
    !/^\d{20}$/.test(paymentCode) ||
    typeof bankTxnId !== 'string' ||
    !ID.test(bankTxnId) ||
    typeof amountFen !== 'number' ||
    !Number.isSafeInteger(amountFen) ||
    amountFen < 1
  ) {
    throw new Refusal(400, 'VALIDATION_FAILED', '退款指令字段不完整或格式不正确');
  }
  if (!deps.refunds.claimNonce(p.nonce)) throw new Refusal(401, 'REPLAYED', '退款指令重复（nonce 已使用）');
  return { refundId, paymentCode, bankTxnId, amountFen };
}

function stateOf(outcome: CallbackOutcome): { state: CallbackState; refusalCode?: string } {
  if (outcome.kind === 'confirmed') return { state: outcome.outcome };
  if (outcome.kind === 'refused')
    return { state: 'REFUSED', refusalCode: outcome.problem.code ?? `HTTP_${outcome.status}` };
  const last = outcome.last;
  return {
    state: 'GAVE_UP',
    refusalCode: last.kind === 'refused' ? (last.problem.code ?? `HTTP_${last.status}`) : 'UNREACHABLE',
  };
}

/** Sends a refund's REFUND callback (with the client's retries) and records what became of it. */
export async function deliverRefundCallback(deps: RefundDeps, refund: StoredRefund): Promise<CallbackState> {
  const outcome = await deps.client.sendRefundCallback(refund);
  const { state, refusalCode } = stateOf(outcome);
  deps.refunds.recordCallback(refund.refundId, state, deps.now(), refusalCode);
  deps.log(
    `refund callback ${refund.refundId} ${state}${refusalCode ? ` ${refusalCode}` : ''} attempts=${outcome.attempts}`,
  );
  return state;
}

/** On start: the refund callbacks left PENDING are sent again. */
export async function resendPendingRefunds(deps: RefundDeps): Promise<number> {
  const pending = deps.refunds.list().filter((r) => r.callback === 'PENDING');
  for (const refund of pending.reverse()) await deliverRefundCallback(deps, refund);
  return pending.length;
}

const newRefundTxnId = (at: Date, n: number) =>
  `RF${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}${String(n).padStart(6, '0')}`;

/**
 * POST /refunds: GovHall's signed REFUND_INSTRUCTION. The stand-in pays back (of a payment it took, at most what is
 * left of it), answers 202, then reports it with a signed REFUND callback. The same refund id again answers 200
 * DUPLICATE (and sends the callback again if GovHall has not confirmed it).
 */
export function refundInstructionHandler(deps: RefundDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (deps.platformKeys.size === 0) {
        throw new Refusal(503, 'NOT_CONFIGURED', '未配置政务服务平台的公钥（PLATFORM_KEYS），不能受理退款');
      }
      const instruction = await verified(deps, await readJws(req));
      const earlier = deps.refunds.get(instruction.refundId);
      if (earlier) {
        if (earlier.callback !== 'ACCEPTED' && earlier.callback !== 'DUPLICATE') {
          setImmediate(() => void deliverRefundCallback(deps, earlier));
        }
        return json(res, 200, { outcome: 'DUPLICATE', refundTxnId: earlier.refundTxnId });
      }
      const tx = deps.store.get(instruction.bankTxnId);
      if (!tx || tx.paymentCode !== instruction.paymentCode) {
        throw new Refusal(404, 'UNKNOWN_TRANSACTION', '本行没有这笔缴款交易');
      }
      if (deps.refunds.refundedOf(tx.bankTxnId) + instruction.amountFen > tx.amountFen) {
        throw new Refusal(409, 'AMOUNT_EXCEEDS_PAYMENT', '退款金额超过该笔缴款的剩余金额');
      }
      const at = deps.now();
      const refund: StoredRefund = {
        ...instruction,
        refundTxnId: newRefundTxnId(at, deps.refunds.list().length + 1),
        refundedAt: at.toISOString(),
        callback: 'PENDING',
      };
      deps.refunds.recordRefund(refund);
      deps.log(`refund ${refund.refundId} paid back ${refund.amountFen} fen (${refund.refundTxnId})`);
      json(res, 202, { outcome: 'ACCEPTED', refundTxnId: refund.refundTxnId });
      setImmediate(() => void deliverRefundCallback(deps, refund));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      deps.log(`refund instruction refused ${error.code}`);
      json(res, error.status, { status: error.status, code: error.code, detail: error.message });
    }
  };
}
