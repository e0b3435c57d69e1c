import type { supervisionV1 } from '@govhall/proto';
import type { Inspection } from '../../domain/inspections/inspection';

export function toProtoInspection(i: Inspection): supervisionV1.Inspection {
  return {
    id: i.id,
    tenant: i.tenant,
    windowId: i.windowId,
    date: i.date,
    inspector: i.inspector,
    checklist: i.checklist.map((c) => ({ code: c.code, label: c.label, passed: c.passed, note: c.note })),
    photoFileIds: i.photoFileIds,
    person: i.person,
    violationIds: i.violationIds,
    recordedAt: i.recordedAt,
  };
}
