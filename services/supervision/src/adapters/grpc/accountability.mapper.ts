import { enumSpelling, supervisionV1 } from '@govhall/proto';
import { enumCodec } from './enum-codec';
import type {
  Accountability,
  AccountabilityState,
  AccountabilityTarget,
  Sanction,
} from '../../domain/accountability/accountability';

const pb = supervisionV1;

export const sanction = enumCodec<Sanction, supervisionV1.Sanction>(enumSpelling(pb.Sanction, 'SANCTION_'));
export const accountabilityState = enumCodec<AccountabilityState, supervisionV1.AccountabilityState>(
  enumSpelling(pb.AccountabilityState, 'ACCOUNTABILITY_STATE_'),
);
export const accountabilityTarget = enumCodec<AccountabilityTarget, supervisionV1.AccountabilityTarget>(
  enumSpelling(pb.AccountabilityTarget, 'ACCOUNTABILITY_TARGET_'),
);

export function toProtoAccountability(a: Accountability): supervisionV1.Accountability {
  return {
    id: a.id,
    tenant: a.tenant,
    violationIds: a.violationIds,
    targetKind: accountabilityTarget.toProto(a.targetKind),
    targetId: a.targetId,
    state: accountabilityState.toProto(a.state),
    proposedSanctions: a.proposedSanctions.map(sanction.toProto),
    proposal: a.proposal,
    proposedBy: a.proposedBy,
    proposedAt: a.proposedAt,
    sanctions: a.sanctions.map(sanction.toProto),
    decision: a.decision,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt,
    year: a.year,
    version: a.version,
  };
}
