import { enumCodec, enumSpelling, paymentsV1 } from '@govhall/proto';
import type { Mismatch, MismatchKind, MismatchState } from '../../domain/reconciliation/mismatch';
import type { Statement } from '../../usecases/reconciliation/reconciliation.ports';

export const mismatchKind = enumCodec<MismatchKind, paymentsV1.MismatchKind>(
  enumSpelling(paymentsV1.MismatchKind, 'MISMATCH_KIND_'),
);
export const mismatchState = enumCodec<MismatchState, paymentsV1.MismatchState>(
  enumSpelling(paymentsV1.MismatchState, 'MISMATCH_STATE_'),
);

export function toProtoStatement(s: Statement): paymentsV1.Statement {
  return { ...s };
}

export function toProtoMismatch(m: Mismatch): paymentsV1.Mismatch {
  return {
    ...m,
    kind: mismatchKind.toProto(m.kind),
    state: mismatchState.toProto(m.state),
    resolvedAt: m.resolvedAt,
  };
}
