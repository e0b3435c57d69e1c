import type { Principal } from '@govhall/auth';
import type { Notice } from '../../domain/notices/notice';
import type { Mismatch, MismatchKind, MismatchState } from '../../domain/reconciliation/mismatch';
import type { StatementEncoding } from '../../domain/reconciliation/statement-file';
import type { Page, PageQuery } from '../ports';

/** A statement as stored: one file, id = the SHA-256 of its bytes (docs/bank-protocol.md "Statement file"). */
export interface Statement {
  id: string;
  tenant: string;
  settlementDate: string;
  fileName: string;
  encoding: StatementEncoding;
  lineCount: number;
  paidTotalFen: number;
  refundTotalFen: number;
  matchedCount: number;
  mismatchCount: number;
  importedBy: string;
  importedAt: Date;
}

export interface StatementRepository {
  findById(id: string): Promise<Statement | null>;
  /** Stores the statement with StatementImported; false (nothing written) when its id is taken. */
  insert(statement: Statement, actor: Principal): Promise<boolean>;
  list(tenant: string, page: PageQuery): Promise<Page<Statement>>;
}

export interface MismatchFilter {
  statementId?: string;
  kind?: MismatchKind;
  state?: MismatchState;
}

export interface MismatchRepository {
  findById(id: string): Promise<Mismatch | null>;
  /** Stores each mismatch not stored yet (by id) with MismatchFound; answers those it stored. */
  insertNew(mismatches: readonly Mismatch[], actor: Principal): Promise<Mismatch[]>;
  /** Saves a change made on `expectedVersion` with MismatchResolved (ConcurrencyError when stale). */
  saveResolved(next: Mismatch, expectedVersion: number, actor: Principal): Promise<Mismatch>;
  list(tenant: string, filter: MismatchFilter, page: PageQuery): Promise<Page<Mismatch>>;
}

/** The notices the reconciliation reads besides those by payment code. */
export interface ReconciliationLookups {
  byPaymentCodes(codes: readonly string[]): Promise<Notice[]>;
  /** The tenant's notices whose payment is dated in [from, to). */
  paidBetween(tenant: string, from: Date, to: Date): Promise<Notice[]>;
  /** The tenant's notices with a registered slip (unpaid) whose deadline is on or before `date` (yyyy-mm-dd). */
  slipsDueBy(tenant: string, date: string): Promise<Notice[]>;
}
