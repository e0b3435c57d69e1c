import type { CaseNotificationFacts, NotificationKind } from '@govhall/notify';
import type { applicationsV1 } from '@govhall/proto';
import type { Case, PaymentState } from '../../domain/case';
import type { Transition } from '../../domain/case-events';

/**
 * Which notification a transition sends the applicant (A15): acceptance, one-time notice, suspension, extension,
 * decision, result ready, and the others the applicant must hear of. Transitions not listed send nothing. A result
 * sent by post is told when it is posted (DeliverResult records the tracking number the notice carries), not when it
 * is issued: there is no tracking number yet, and the notice could not be written. A payment notice is told when it is
 * issued (payment_due) and when the bank confirmed it (payment_received, `settled` is the event's payment state); a
 * notice cancelled or waived while the case waited sends nothing of its own.
 */
export function notificationKind(
  transition: Transition,
  c: Pick<Case, 'decision'> & Partial<Pick<Case, 'delivery'>>,
  settled?: PaymentState,
): NotificationKind | undefined {
  const posted = c.delivery?.method === 'post';
  switch (transition) {
    case 'returned':
      return 'returned';
    case 'one_time_notice_issued':
      return 'one_time_notice';
    case 'accepted':
      return 'accepted';
    case 'not_accepted':
      return 'not_accepted';
    case 'suspended':
      return 'suspended';
    case 'resumed':
      return 'resumed';
    case 'extension_approved':
      return 'extension_approved';
    case 'decided':
      return c.decision?.outcome === 'denied' ? 'decided_denied' : 'decided_approved';
    case 'decided_on_the_spot':
      if (c.decision?.outcome === 'denied') return 'decided_denied';
      return posted ? undefined : 'result_ready';
    case 'result_issued':
      return posted ? undefined : 'result_ready';
    case 'delivered':
      return posted ? 'result_ready' : 'delivered';
    case 'withdrawn':
      return 'withdrawn';
    case 'payment_requested':
      return 'payment_due';
    case 'payment_settled':
      return settled === 'paid' ? 'payment_received' : undefined;
    default:
      return undefined;
  }
}

const DELIVERY = { window_pickup: 'window', post: 'post', electronic: 'electronic' } as const;

/** The facts of the notification, from the event (dates as they were then) and the case (names, codes). */
export function notificationFacts(
  kind: NotificationKind,
  event: applicationsV1.CaseTransitioned,
  c: Case,
  names: { centerName: string; progressUrl: string },
): CaseNotificationFacts {
  const clocks = event.facts?.clocks;
  const suspension = event.suspension;
  const delivery = c.delivery;
  const payment = event.payment;
  return {
    kind,
    centerName: names.centerName,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    applicantName: c.applicant.name,
    dates: {
      received: clocks?.receivedDate || undefined,
      accepted: clocks?.acceptedDate || undefined,
      promisedBy: clocks?.promised?.dueDate || undefined,
      suspendedFrom: suspension?.startedDate || undefined,
      resumed: suspension?.endedDate || undefined,
      decided: event.decision?.decidedAt?.toISOString().slice(0, 10),
      delivered: event.delivery?.deliveredAt?.toISOString().slice(0, 10),
      withdrawn: kind === 'withdrawn' ? c.updatedAt.toISOString().slice(0, 10) : undefined,
      paymentBy: payment?.deadline || undefined,
    },
    problems: event.problems.map((p) => p.message),
    reason:
      event.reason || event.decision?.reasons.join('；') || suspension?.reason || event.extension?.reason || undefined,
    days: event.extension?.workingDays || suspension?.plannedWorkingDays || undefined,
    remedies: event.decision?.remedies.length ? event.decision.remedies.join('；') : undefined,
    deliveryMethod: delivery ? DELIVERY[delivery.method] : undefined,
    pickupCode: delivery?.pickupCode || undefined,
    trackingNumber: delivery?.trackingNumber || undefined,
    progressUrl: names.progressUrl,
    payment: payment
      ? { noticeNumber: payment.noticeNumber, paymentCode: payment.paymentCode, totalFen: payment.totalFen }
      : undefined,
  };
}
