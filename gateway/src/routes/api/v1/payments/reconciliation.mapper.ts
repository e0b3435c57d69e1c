import type { paymentsV1 } from '@govhall/proto';
import { mismatchKind, mismatchState } from './payments.enums';
import type { Mismatch, Statement } from './reconciliation.schemas';

export function statementToRest(s: paymentsV1.Statement): Statement {
  const { importedAt, ...rest } = s;
  return { ...rest, ...(importedAt ? { importedAt: importedAt.toISOString() } : {}) };
}

export function mismatchToRest(m: paymentsV1.Mismatch): Mismatch {
  const { resolvedAt, foundAt, kind, state, ...rest } = m;
  return {
    ...rest,
    kind: mismatchKind.fromProto(kind),
    state: mismatchState.fromProto(state),
    ...(resolvedAt ? { resolvedAt: resolvedAt.toISOString() } : {}),
    ...(foundAt ? { foundAt: foundAt.toISOString() } : {}),
  };
}
