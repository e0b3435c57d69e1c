import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { textField } from '../text-field';

export type MismatchKind =
  | 'amount'
  | 'unknown_payment_code'
  | 'paid_not_confirmed'
  | 'confirmed_not_on_statement'
  | 'fee_outside_center'
  | 'slip_unconfirmed';

/** The kinds supervision records as violations (P4 and P3). */
export const SUPERVISED_KINDS: readonly MismatchKind[] = ['fee_outside_center', 'slip_unconfirmed'];

export type MismatchState = 'open' | 'resolved';

/** One difference between a statement and the notices, for the finance reconciler. */
export interface Mismatch {
  /** "<tenant>.<kind>.<payment code or notice id>": found again, it is the same mismatch. */
  id: string;
  tenant: string;
  statementId: string;
  settlementDate: string;
  kind: MismatchKind;
  paymentCode: string;
  noticeId: string;
  noticeNumber: string;
  caseId: string;
  caseNumber: string;
  lineNumbers: number[];
  bankTxnId: string;
  collectingUnitCode: string;
  revenueCode: string;
  /** The register's owning department of the line's codes (fee_outside_center). */
  department: string;
  expectedFen: number;
  statementFen: number;
  detail: string;
  state: MismatchState;
  resolutionNote: string;
  resolvedBy: string;
  resolvedAt?: Date;
  foundAt: Date;
  version: number;
}

const SLUGS: Record<MismatchKind, string> = {
  amount: 'amount',
  unknown_payment_code: 'unknown-payment-code',
  paid_not_confirmed: 'paid-not-confirmed',
  confirmed_not_on_statement: 'confirmed-not-on-statement',
  fee_outside_center: 'fee-outside-center',
  slip_unconfirmed: 'slip-unconfirmed',
};

export function mismatchId(tenant: string, kind: MismatchKind, subject: string): string {
  return `${tenant}.${SLUGS[kind]}.${subject}`;
}

/** The reconciler settles a mismatch with a note (1-500 characters). */
export function resolveMismatch(m: Mismatch, note: string, by: string, now: Date): Mismatch {
  const v: Violation[] = [];
  const said = textField(v, 'note', note, { label: '处理说明', min: 1, max: 500, multiline: true });
  if (v.length > 0) throw new ValidationError(v);
  if (m.state !== 'open') throw new PreconditionError('WRONG_STATE', '该差异已处理');
  return { ...m, state: 'resolved', resolutionNote: said, resolvedBy: by, resolvedAt: now };
}
