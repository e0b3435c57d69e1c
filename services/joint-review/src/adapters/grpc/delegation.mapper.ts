import { enumCodec, enumSpelling, jointReviewV1 } from '@govhall/proto';
import type { Agreement, AgreementContent, AgreementState } from '../../domain/delegation/agreement';
import type { DelegatedCase, DelegatedCaseState } from '../../domain/delegation/delegated-case';
import type { DelegationStatisticsRow } from '../../domain/delegation/statistics';
import { toProtoAttachment, toProtoDecision, toProtoLeg, toProtoTask } from './joint-review.mapper';

const pb = jointReviewV1;

export const agreementState = enumCodec<AgreementState, jointReviewV1.AgreementState>(
  enumSpelling(pb.AgreementState, 'AGREEMENT_STATE_'),
);
export const delegatedCaseState = enumCodec<DelegatedCaseState, jointReviewV1.DelegatedCaseState>(
  enumSpelling(pb.DelegatedCaseState, 'DELEGATED_CASE_STATE_'),
);

export function toProtoAgreement(a: Agreement): jointReviewV1.EntrustmentAgreement {
  return {
    id: a.id,
    tenant: a.tenant,
    department: a.department,
    agreementNumber: a.agreementNumber,
    items: a.items.map((i) => ({ ...i })),
    windowIds: [...a.windowIds],
    transferWorkingDays: a.transferWorkingDays,
    replyWorkingDays: a.replyWorkingDays,
    signedOn: a.signedOn,
    validFrom: a.validFrom,
    validUntil: a.validUntil,
    documents: a.documents.map(toProtoAttachment),
    state: agreementState.toProto(a.state),
    terminatedReason: a.terminatedReason,
    terminatedOn: a.terminatedOn,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

/** The content of an agreement as a request carries it (absent: empty, which validation reports). */
export function fromProtoAgreementContent(a: jointReviewV1.EntrustmentAgreement | undefined): AgreementContent {
  return {
    department: a?.department ?? '',
    agreementNumber: a?.agreementNumber ?? '',
    itemSeriesIds: (a?.items ?? []).map((i) => i.itemSeriesId),
    windowIds: [...(a?.windowIds ?? [])],
    transferWorkingDays: a?.transferWorkingDays ?? 0,
    replyWorkingDays: a?.replyWorkingDays ?? 0,
    signedOn: a?.signedOn ?? '',
    validFrom: a?.validFrom ?? '',
    validUntil: a?.validUntil ?? '',
  };
}

export function toProtoDelegatedCase(dc: DelegatedCase): jointReviewV1.DelegatedCase {
  return {
    id: dc.id,
    tenant: dc.tenant,
    caseId: dc.caseId,
    caseNumber: dc.caseNumber,
    itemName: dc.itemName,
    itemBasicCode: dc.itemBasicCode,
    department: dc.department,
    agreementId: dc.agreementId,
    windowId: dc.windowId,
    state: delegatedCaseState.toProto(dc.state),
    preReviewOpinion: dc.preReviewOpinion,
    transferredBy: dc.transferredBy,
    transferredAt: dc.transferredAt,
    task: dc.task ? toProtoTask(dc.task) : undefined,
    decision: dc.decision ? toProtoDecision(dc.decision) : undefined,
    repliedAt: dc.repliedAt,
    legs: dc.legs.map(toProtoLeg),
    cancelledReason: dc.cancelledReason,
    acceptedAt: dc.acceptedAt,
    updatedAt: dc.updatedAt,
    version: dc.version,
  };
}

export function toProtoStatisticsRow(r: DelegationStatisticsRow): jointReviewV1.DelegationStatisticsRow {
  return { ...r };
}
