import { applicationsV1 } from '@govhall/proto';
import { CASE_STATUS_NAMES as LABELLED_STATUSES } from '@govhall/labels';
import { enumMapping } from '../../../../lib/enum-map';

/* The enums of govhall.applications.v1 ⇄ their REST spellings (lower_snake without the prefix). */
const mapping = <E extends Record<string, string | number>, const P extends string>(name: string, e: E, prefix: P) =>
  enumMapping('applications', name, e, prefix);

export const caseStatus = mapping('CaseStatus', applicationsV1.CaseStatus, 'CASE_STATUS_');
export const handlingCategory = mapping('HandlingCategory', applicationsV1.HandlingCategory, 'HANDLING_CATEGORY_');
export const channel = mapping('Channel', applicationsV1.Channel, 'CHANNEL_');
export const applicantKind = mapping('ApplicantKind', applicationsV1.ApplicantKind, 'APPLICANT_KIND_');
export const documentKind = mapping('DocumentKind', applicationsV1.DocumentKind, 'DOCUMENT_KIND_');
export const stepState = mapping('StepState', applicationsV1.StepState, 'STEP_STATE_');
export const extensionState = mapping('ExtensionState', applicationsV1.ExtensionState, 'EXTENSION_STATE_');
export const outcome = mapping('Outcome', applicationsV1.Outcome, 'OUTCOME_');
export const deliveryMethod = mapping('DeliveryMethod', applicationsV1.DeliveryMethod, 'DELIVERY_METHOD_');
export const voidReason = mapping('VoidReason', applicationsV1.VoidReason, 'VOID_REASON_');
export const myCaseList = mapping('MyCaseList', applicationsV1.MyCaseList, 'MY_CASE_LIST_');
export const queueKind = mapping('QueueKind', applicationsV1.QueueKind, 'QUEUE_KIND_');
export const paymentState = mapping('PaymentState', applicationsV1.PaymentState, 'PAYMENT_STATE_');

export type CaseStatus = (typeof caseStatus.values)[number];

/** What a citizen or clerk reads for each case state (@govhall/labels: the same words as the services and the web). */
export const CASE_STATUS_NAMES: Readonly<Record<CaseStatus, string>> = LABELLED_STATUSES;

/**
 * The state named by a WRONG_STATE refusal's currentStatus metadata, as REST spells it. The contract does not say
 * how the service writes it, so the proto name (CASE_STATUS_PROCESSING), the bare name (PROCESSING), the REST
 * spelling (processing) and the number (7) are all understood; anything else is undefined.
 */
export function currentStatusOf(value: string | undefined): CaseStatus | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return caseStatus.values.find((s) => caseStatus.proto(s) === Number(trimmed));
  const spelling = trimmed.toLowerCase().replace(/^case_status_/, '');
  return caseStatus.values.find((s) => s === spelling);
}
