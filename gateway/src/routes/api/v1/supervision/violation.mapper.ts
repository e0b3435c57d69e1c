import type { supervisionV1 } from '@govhall/proto';
import {
  accountabilityState,
  accountabilityTarget,
  sanction,
  violationKind,
  violationState,
} from './supervision.enums';
import { opt } from './supervision.mapper';

const iso = (d: Date | undefined) => d?.toISOString();

export function violationToRest(v: supervisionV1.Violation) {
  return {
    id: v.id,
    tenant: v.tenant,
    kind: violationKind.rest(v.kind),
    state: violationState.rest(v.state),
    matterId: opt(v.matterId),
    caseNumber: opt(v.caseNumber),
    itemName: opt(v.itemName),
    department: opt(v.department),
    windowId: opt(v.windowId),
    person: opt(v.person),
    occurredDate: v.occurredDate,
    recordedAt: iso(v.recordedAt),
    summary: v.summary,
    evidence: v.evidence.map((e) => ({
      label: e.label,
      value: e.value,
      eventId: opt(e.eventId),
      fileId: opt(e.fileId),
    })),
    recordedBy: v.recordedBy,
    inspectionId: opt(v.inspectionId),
    accountabilityId: opt(v.accountabilityId),
    dismissedReason: opt(v.dismissedReason),
    version: v.version,
  };
}

export function inspectionToRest(i: supervisionV1.Inspection) {
  return {
    id: i.id,
    tenant: i.tenant,
    windowId: i.windowId,
    date: i.date,
    inspector: i.inspector,
    checklist: i.checklist.map((c) => ({ code: c.code, label: c.label, passed: c.passed, note: opt(c.note) })),
    photoFileIds: i.photoFileIds,
    person: opt(i.person),
    violationIds: i.violationIds,
    recordedAt: iso(i.recordedAt),
  };
}

export function accountabilityToRest(a: supervisionV1.Accountability) {
  return {
    id: a.id,
    tenant: a.tenant,
    violationIds: a.violationIds,
    targetKind: accountabilityTarget.rest(a.targetKind),
    targetId: a.targetId,
    state: accountabilityState.rest(a.state),
    proposedSanctions: a.proposedSanctions.map(sanction.rest),
    proposal: a.proposal,
    proposedBy: a.proposedBy,
    proposedAt: iso(a.proposedAt),
    sanctions: a.sanctions.map(sanction.rest),
    decision: opt(a.decision),
    decidedBy: opt(a.decidedBy),
    decidedAt: iso(a.decidedAt),
    year: a.year,
    version: a.version,
  };
}

/** A message field the service must always fill; its absence is the service's fault (500), not the caller's. */
export function present<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`supervision answered without ${name}`);
  return value;
}
