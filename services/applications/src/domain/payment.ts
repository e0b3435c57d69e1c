import type { WorkingCalendar } from '@govhall/calendar';
import { PreconditionError } from '@govhall/errors';
import type { Case, CasePayment, PaymentState } from './case';
import { transition, SYSTEM_ACTOR, type CaseEvent } from './case-events';
import { approvedExtensionDays, heldWorkingDays, recountDeadline, stepDueAfterPause } from './clocks/deadline';
import type { Edition } from './edition';

/**
 * 收缴分离 on the case's side: the payments service issues, waives, cancels and (on the bank's word only) settles a
 * case's payment notice; the case mirrors it. While a notice is due the case waits for the applicant
 * (AWAITING_PAYMENT) and its promised clock stands still (decision 3, A12); the statutory clock stopped at the
 * decision. Every function here acts only when the case is in the state that notice expects, so a replayed or late
 * event changes nothing.
 */

/** What the case needs of a payment notice (govhall.payments.v1.Notice). */
export interface NoticeFacts {
  noticeId: string;
  tenant: string;
  caseId: string;
  number: string;
  paymentCode: string;
  totalFen: number;
  /** 缴款期限, YYYY-MM-DD. */
  deadline: string;
}

/** How a notice ended for the case: paid (bank confirmed), waived (0 fen) or cancelled. */
export type NoticeOutcome = Exclude<PaymentState, 'due'>;

/** One change of the case: the case to store and the event to publish (none for a change without a transition). */
export interface PaymentChange {
  case: Case;
  event?: CaseEvent;
}

function paymentOf(notice: NoticeFacts, state: PaymentState, waits: CasePayment['waits']): CasePayment {
  return {
    noticeId: notice.noticeId,
    noticeNumber: notice.number,
    paymentCode: notice.paymentCode,
    totalFen: notice.totalFen,
    deadline: notice.deadline,
    state,
    waits,
  };
}

function belongs(c: Case, notice: NoticeFacts): boolean {
  return c.id === notice.caseId && c.tenant === notice.tenant;
}

/**
 * A notice was issued for the approved case → AWAITING_PAYMENT (payment due, a wait opens today: the promised clock
 * pauses). Null — nothing to do — unless the case is APPROVED and does not hold that notice already (a replay, or a
 * notice of a case that moved on).
 */
export function awaitPayment(c: Case, notice: NoticeFacts, today: string, at: Date): PaymentChange | null {
  if (!belongs(c, notice) || c.status !== 'approved' || c.payment?.noticeId === notice.noticeId) return null;
  // Earlier notices' waits stay: the promised clock is recounted from its start with every one of them.
  const payment = paymentOf(notice, 'due', [...(c.payment?.waits ?? []), { from: today, to: '' }]);
  const { case: next, event } = transition(c, {
    action: `缴款通知书已开具（${notice.number}），待申请人缴费，承诺办结时限暂停计时`,
    transition: 'payment_requested',
    to: 'awaiting_payment',
    actor: SYSTEM_ACTOR,
    at,
    detail: { payment },
    changes: { payment },
  });
  return { case: next, event };
}

const OUTCOME_WORDS: Readonly<Record<NoticeOutcome, string>> = {
  paid: '银行确认缴款到账',
  waived: '经核定免缴费用',
  cancelled: '缴款通知书已撤销',
};

/**
 * The notice ended (`outcome`):
 * - the case waits for this very notice → APPROVED: the wait closes today, the promised due date and the active
 *   step's due date move by the working days it held (ADR 0022: [from, to)), the statutory one does not;
 * - an APPROVED case that never waited for it (a notice waived at 0 fen, or paid before it reached the case) records
 *   it: PAYMENT_SETTLED with the status unchanged (no wait, no recount) — unless it is cancelled: a notice the case
 *   never waited for leaves nothing to record;
 * - anything else (a replay, another notice, a case that moved on) → null.
 */
export function settlePayment(
  c: Case,
  notice: NoticeFacts,
  outcome: NoticeOutcome,
  calendar: WorkingCalendar,
  today: string,
  at: Date,
): PaymentChange | null {
  if (!belongs(c, notice)) return null;
  const held = c.payment?.noticeId === notice.noticeId ? c.payment : undefined;
  if (c.status === 'awaiting_payment' && held?.state === 'due') {
    const open = held.waits.findIndex((w) => w.to === '');
    const waits = held.waits.map((w, i) => (i === open ? { ...w, to: today } : w));
    const closed = open >= 0 ? waits[open]! : undefined;
    const days = closed ? heldWorkingDays(calendar, closed.from, closed.to) : 0;
    const payment = paymentOf(notice, outcome, waits);
    // Only the promised clock: the statutory one (§42) stopped at the decision and stays as it is.
    const clocks = c.clocks.promised
      ? {
          ...c.clocks,
          promised: recountDeadline(calendar, c.clocks.promised, '承诺办结时限', {
            suspensions: c.suspensions,
            extensionWorkingDays: approvedExtensionDays(c),
            paymentWaits: waits,
          }),
        }
      : c.clocks;
    const steps = closed
      ? c.steps.map((s) =>
          s.state === 'active' ? { ...s, dueDate: stepDueAfterPause(calendar, s.dueDate, closed) } : s,
        )
      : c.steps;
    const { case: next, event } = transition(c, {
      action: `${OUTCOME_WORDS[outcome]}（${notice.number}），恢复计时（等待缴费${days}个工作日）`,
      transition: 'payment_settled',
      to: 'approved',
      actor: SYSTEM_ACTOR,
      at,
      detail: { payment },
      changes: { payment, clocks, steps },
    });
    return { case: next, event };
  }
  if (outcome === 'cancelled' || c.status !== 'approved') return null;
  if (held && held.state === outcome) return null;
  const payment = paymentOf(notice, outcome, c.payment?.waits ?? []);
  // Published like every act after submission (the case stream mirrors the history), status unchanged.
  const { case: next, event } = transition(c, {
    action: `${OUTCOME_WORDS[outcome]}（${notice.number}）`,
    transition: 'payment_settled',
    actor: SYSTEM_ACTOR,
    at,
    detail: { payment },
    changes: { payment },
  });
  return { case: next, event };
}

/**
 * Whether the result may not be issued yet for want of payment: the pinned edition charges fees and the case's notice
 * is neither paid (the bank's word) nor waived — including no notice at all yet (the fee is still being assessed).
 */
export function paymentOutstanding(c: Pick<Case, 'payment'>, edition: Pick<Edition, 'hasFees'>): boolean {
  if (!edition.hasFees) return false;
  return c.payment?.state !== 'paid' && c.payment?.state !== 'waived';
}

/** Refuses issuing the result while payment is outstanding: FAILED_PRECONDITION PAYMENT_OUTSTANDING. */
export function ensurePaymentSettled(
  c: Pick<Case, 'payment' | 'status'>,
  edition: Pick<Edition, 'hasFees'>,
  act: string,
): void {
  if (c.status !== 'awaiting_payment' && !paymentOutstanding(c, edition)) return;
  const state = c.payment?.state ?? 'assessing';
  throw new PreconditionError(
    'PAYMENT_OUTSTANDING',
    c.payment?.state === 'due'
      ? `该事项须缴纳费用，申请人尚未缴款（缴款通知书${c.payment.noticeNumber}），银行确认到账后方可${act}`
      : `该事项须缴纳费用，尚未开具缴款通知书或缴款未确认，缴款确认或核定免缴后方可${act}`,
    { paymentState: state },
  );
}
