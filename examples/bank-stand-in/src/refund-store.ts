import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RefundTransaction } from './client/types';
import type { CallbackState } from './store';

export interface StoredRefund extends RefundTransaction {
  /** The payment it pays back. */
  bankTxnId: string;
  callback: CallbackState;
  refusalCode?: string;
}

type Line =
  | { kind: 'refund'; refund: StoredRefund }
  | { kind: 'callback'; refundId: string; callback: CallbackState; refusalCode?: string; at: string };

/**
 * The refunds the stand-in paid back: JSON lines in `<stateDir>/refunds.jsonl` (a refund line, then a line per
 * callback outcome), and the instruction nonces it has seen (`instruction-nonces.txt`, a replay is refused).
 */
export class RefundStore {
  private readonly path: string;
  private readonly noncePath: string;
  private readonly byId = new Map<string, StoredRefund>();
  private readonly nonces = new Set<string>();

  constructor(stateDir: string) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    this.path = join(stateDir, 'refunds.jsonl');
    this.noncePath = join(stateDir, 'instruction-nonces.txt');
    if (existsSync(this.noncePath)) {
      readFileSync(this.noncePath, 'utf8')
        .split('\n')
        .filter((n) => n !== '')
        .forEach((n) => this.nonces.add(n));
    }
    if (!existsSync(this.path)) return;
    for (const text of readFileSync(this.path, 'utf8').split('\n')) {
      if (text.trim() !== '') this.apply(JSON.parse(text) as Line);
    }
  }

  private apply(line: Line): void {
    if (line.kind === 'refund') {
      this.byId.set(line.refund.refundId, { ...line.refund });
      return;
    }
    const refund = this.byId.get(line.refundId);
    if (!refund) return;
    refund.callback = line.callback;
    if (line.refusalCode === undefined) delete refund.refusalCode;
    else refund.refusalCode = line.refusalCode;
  }

  private append(line: Line): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    this.apply(line);
  }

  /** False when the nonce was seen before. */
  claimNonce(nonce: string): boolean {
    if (this.nonces.has(nonce)) return false;
    appendFileSync(this.noncePath, `${nonce}\n`);
    this.nonces.add(nonce);
    return true;
  }

  recordRefund(refund: StoredRefund): void {
    this.append({ kind: 'refund', refund });
  }

  recordCallback(refundId: string, callback: CallbackState, at: Date, refusalCode?: string): void {
    this.append({
      kind: 'callback',
      refundId,
      callback,
      at: at.toISOString(),
      ...(refusalCode ? { refusalCode } : {}),
    });
  }

  get(refundId: string): StoredRefund | undefined {
    const r = this.byId.get(refundId);
    return r ? { ...r } : undefined;
  }

  /** What was refunded of a payment so far. */
  refundedOf(bankTxnId: string): number {
    return [...this.byId.values()].filter((r) => r.bankTxnId === bankTxnId).reduce((a, r) => a + r.amountFen, 0);
  }

  /** Newest first. */
  list(): StoredRefund[] {
    return [...this.byId.values()].reverse().map((r) => ({ ...r }));
  }
}
