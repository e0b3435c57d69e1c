import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaymentTransaction, RevenueLine } from './client/types';

/** What became of a transaction's callback. */
export type CallbackState = 'PENDING' | 'HELD' | 'ACCEPTED' | 'DUPLICATE' | 'REFUSED' | 'GAVE_UP';

export interface StoredTransaction extends PaymentTransaction {
  noticeNumber: string;
  /** The payer as GovHall answered the query (masked), and the money by owner: for the statement. */
  payerName?: string;
  lines?: RevenueLine[];
  callback: CallbackState;
  /** The refusal's code when REFUSED or GAVE_UP. */
  refusalCode?: string;
}

type Line =
  | { kind: 'payment'; tx: StoredTransaction }
  | { kind: 'callback'; bankTxnId: string; callback: CallbackState; refusalCode?: string; at: string };

/**
 * The stand-in's own record of the payments it took: JSON lines appended to `<stateDir>/transactions.jsonl` (a
 * payment line, then a callback line for each outcome). One process writes it; it is read whole on start.
 */
export class TransactionStore {
  private readonly path: string;
  private readonly byId = new Map<string, StoredTransaction>();

  constructor(stateDir: string) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    this.path = join(stateDir, 'transactions.jsonl');
    if (!existsSync(this.path)) return;
    for (const text of readFileSync(this.path, 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      this.apply(JSON.parse(text) as Line);
    }
  }

  private apply(line: Line): void {
    if (line.kind === 'payment') {
      this.byId.set(line.tx.bankTxnId, { ...line.tx });
      return;
    }
    const tx = this.byId.get(line.bankTxnId);
    if (!tx) return;
    tx.callback = line.callback;
    if (line.refusalCode === undefined) delete tx.refusalCode;
    else tx.refusalCode = line.refusalCode;
  }

  private append(line: Line): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    this.apply(line);
  }

  /** The next receipt sequence: one more than the payments recorded. */
  nextReceiptSequence(): number {
    return this.byId.size + 1;
  }

  recordPayment(tx: StoredTransaction): void {
    if (this.byId.has(tx.bankTxnId)) throw new Error('bankTxnId already recorded');
    this.append({ kind: 'payment', tx });
  }

  recordCallback(bankTxnId: string, callback: CallbackState, at: Date, refusalCode?: string): void {
    this.append({
      kind: 'callback',
      bankTxnId,
      callback,
      at: at.toISOString(),
      ...(refusalCode ? { refusalCode } : {}),
    });
  }

  get(bankTxnId: string): StoredTransaction | undefined {
    const tx = this.byId.get(bankTxnId);
    return tx ? { ...tx } : undefined;
  }

  /** Newest first. */
  list(): StoredTransaction[] {
    return [...this.byId.values()].reverse().map((tx) => ({ ...tx }));
  }
}
