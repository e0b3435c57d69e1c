import { enumSpelling, supervisionV1 } from '@govhall/proto';
import { enumCodec } from './enum-codec';
import type { Violation, ViolationKind, ViolationState } from '../../domain/violations/violation';

const pb = supervisionV1;

/** Domain enums are the proto enums' one spelling; unknown or unspecified values become undefined (no filter). */
export const violationKind = enumCodec<ViolationKind, supervisionV1.ViolationKind>(
  enumSpelling(pb.ViolationKind, 'VIOLATION_KIND_'),
);
export const violationState = enumCodec<ViolationState, supervisionV1.ViolationState>(
  enumSpelling(pb.ViolationState, 'VIOLATION_STATE_'),
);

export function toProtoViolation(v: Violation): supervisionV1.Violation {
  return {
    id: v.id,
    tenant: v.tenant,
    kind: violationKind.toProto(v.kind),
    state: violationState.toProto(v.state),
    matterId: v.matterId,
    caseNumber: v.caseNumber,
    itemName: v.itemName,
    department: v.department,
    windowId: v.windowId,
    person: v.person,
    occurredDate: v.occurredDate,
    recordedAt: v.recordedAt,
    summary: v.summary,
    evidence: v.evidence.map((e) => ({ label: e.label, value: e.value, eventId: e.eventId, fileId: e.fileId })),
    recordedBy: v.recordedBy,
    inspectionId: v.inspectionId,
    accountabilityId: v.accountabilityId,
    dismissedReason: v.dismissedReason,
    version: v.version,
  };
}
