import { applicationsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type {
  ApplicantKind,
  CaseStatus,
  Channel,
  DeliveryMethod,
  DocumentKind,
  ExtensionState,
  HandlingCategory,
  Outcome,
  PaymentState,
  StepState,
} from '../../domain/case';
import type { Transition } from '../../domain/case-events';

const pb = applicationsV1;

export const caseStatus = enumCodec<CaseStatus, applicationsV1.CaseStatus>(enumSpelling(pb.CaseStatus, 'CASE_STATUS_'));
export const handlingCategory = enumCodec<HandlingCategory, applicationsV1.HandlingCategory>(
  enumSpelling(pb.HandlingCategory, 'HANDLING_CATEGORY_'),
);
export const channel = enumCodec<Channel, applicationsV1.Channel>(enumSpelling(pb.Channel, 'CHANNEL_'));
export const applicantKind = enumCodec<ApplicantKind, applicationsV1.ApplicantKind>(
  enumSpelling(pb.ApplicantKind, 'APPLICANT_KIND_'),
);
export const outcome = enumCodec<Outcome, applicationsV1.Outcome>(enumSpelling(pb.Outcome, 'OUTCOME_'));
export const deliveryMethod = enumCodec<DeliveryMethod, applicationsV1.DeliveryMethod>(
  enumSpelling(pb.DeliveryMethod, 'DELIVERY_METHOD_'),
);
export const stepState = enumCodec<StepState, applicationsV1.StepState>(enumSpelling(pb.StepState, 'STEP_STATE_'));
export const extensionState = enumCodec<ExtensionState, applicationsV1.ExtensionState>(
  enumSpelling(pb.ExtensionState, 'EXTENSION_STATE_'),
);
export const documentKind = enumCodec<DocumentKind, applicationsV1.DocumentKind>(
  enumSpelling(pb.DocumentKind, 'DOCUMENT_KIND_'),
);
export const transition = enumCodec<Transition, applicationsV1.Transition>(enumSpelling(pb.Transition, 'TRANSITION_'));
export const paymentState = enumCodec<PaymentState, applicationsV1.PaymentState>(
  enumSpelling(pb.PaymentState, 'PAYMENT_STATE_'),
);
