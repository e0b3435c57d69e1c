import type { CaseNotificationFacts, RectificationOutcomeFacts } from '@govhall/notify';
import { complaintsV1 } from '@govhall/proto';
import { centerNameOf, tellApplicant, type NotifierDeps } from './tell-applicant';

/** The complaints service's rectifications of bad ratings (差评整改), key = the rectification's id. */
export const RECTIFICATION_TOPIC = 'govhall.complaints.rectification';
/** The events after which a rectification may be closed: the handler's conclusion, the office's appeal decision. */
export const RECTIFICATION_CLOSING_TYPES = [
  'govhall.complaints.v1.RectificationConcluded',
  'govhall.complaints.v1.AppealDecided',
] as const;

const O = complaintsV1.RectificationOutcome;
const OUTCOMES: Partial<Record<complaintsV1.RectificationOutcome, RectificationOutcomeFacts['outcome']>> = {
  [O.RECTIFICATION_OUTCOME_FIXED]: 'fixed',
  [O.RECTIFICATION_OUTCOME_FIX_BY_DATE]: 'fix_by_date',
  [O.RECTIFICATION_OUTCOME_EXPLAINED]: 'explained',
  [O.RECTIFICATION_OUTCOME_APPEAL_MISTAKEN]: 'appeal_mistaken',
  [O.RECTIFICATION_OUTCOME_APPEAL_MALICIOUS]: 'appeal_malicious',
};

/**
 * The outcome the rater is told, as the complaints service shows it on their case (replyToRater): only a closed
 * rectification of a real-name rating of a case; an upheld appeal with the supervision office's reasons.
 */
export function toldOutcome(r: complaintsV1.Rectification | undefined): RectificationOutcomeFacts | undefined {
  if (!r || r.status !== complaintsV1.RectificationStatus.RECTIFICATION_STATUS_CLOSED) return undefined;
  if (r.subject !== complaintsV1.RatingSubject.RATING_SUBJECT_CASE || !r.realName || !r.caseId) return undefined;
  const outcome = OUTCOMES[r.outcome];
  if (!outcome) return undefined;
  const text = r.appealDecision?.upheld ? r.appealDecision.notes : r.outcomeText;
  return { outcome, text: text || '（无）', ...(r.fixBy ? { fixBy: r.fixBy } : {}) };
}

/**
 * The applicant told the outcome of the rectification of their bad rating of their case (差评整改, ADR 0065): the
 * complaints service decides it is closed; this service, which keeps the applicant's contact, tells them as it tells
 * every case notification (in-site, e-mail, SMS; ids `<event id>:site|email|sms`). A case of another tenant, or not
 * in this service's database (a case of a center this instance does not host), is not this service's to tell.
 */
export function rectificationNotifier(deps: NotifierDeps) {
  return async (envelope: { id: string; type: string; payload: Uint8Array; tenant: string; occurredAt?: Date }) => {
    const decode = envelope.type.endsWith('.AppealDecided')
      ? complaintsV1.AppealDecided.decode
      : complaintsV1.RectificationConcluded.decode;
    const r = decode(envelope.payload).rectification;
    const rectification = toldOutcome(r);
    if (!r || !rectification) return;
    const c = await deps.core.cases.findById(r.caseId);
    if (!c || c.tenant !== r.tenant) return;
    const facts: CaseNotificationFacts = {
      kind: 'rectification_closed',
      centerName: await centerNameOf(deps.core, c),
      caseNumber: c.caseNumber,
      itemName: c.itemName,
      applicantName: c.applicant.name,
      progressUrl: deps.progressUrl(c.caseNumber),
      rectification,
    };
    await tellApplicant(deps, envelope.id, c, facts, envelope.occurredAt ?? deps.core.clock.now());
  };
}
