import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { recordInspection, type Inspection, type RecordInspectionInput } from '../../../domain/inspections/inspection';
import type { Violation } from '../../../domain/violations/violation';
import { listedTenant, requireHandler } from '../../violations/violation.access';
import type { Clock, ViolationStore } from '../../violations/violation.ports';
import type { InspectionChecklists, InspectionPhotoStore, InspectionStore } from '../inspection.ports';

/** The inspection's id: the same tenant, inspector and request id always give the same one (idempotency). */
export function inspectionId(tenant: string, inspector: string, requestId: string): string {
  return `insp-${createHash('sha256').update(`${tenant}\n${inspector}\n${requestId}`).digest('hex').slice(0, 32)}`;
}

/**
 * 日检查 (S18): a supervisor of the tenant records a window's checklist, photos and the person concerned; each
 * failed entry becomes a violation. A retried request (same request id) answers the first result and stores
 * whatever of it a crash left unstored.
 */
export function recordInspectionUseCase(deps: {
  inspections: InspectionStore;
  photos: InspectionPhotoStore;
  checklists: InspectionChecklists;
  violations: ViolationStore;
  clock: Clock;
}) {
  return async (
    input: RecordInspectionInput,
    actor: Principal,
  ): Promise<{ inspection: Inspection; violations: Violation[] }> => {
    const tenant = listedTenant(actor, input.tenant);
    requireHandler(actor, tenant);
    const id = inspectionId(tenant, actor.username, input.requestId);
    const made = recordInspection(
      { ...input, tenant },
      { id, inspector: actor.username, checklist: await deps.checklists.forTenant(tenant), now: deps.clock.now() },
    );
    const photos = await deps.photos.find(made.inspection.photoFileIds);
    const missing = made.inspection.photoFileIds.findIndex(
      (f) => !photos.some((p) => p.id === f && p.tenant === tenant),
    );
    if (missing >= 0) {
      throw new ValidationError([
        { path: `photoFileIds.${missing}`, reason: 'NOT_FOUND', message: '照片不存在或不属于本地区，请重新上传' },
      ]);
    }
    const inspection = await deps.inspections.insertOrGet(made.inspection);
    // A retried request answers the stored inspection; its violations (the same ids) are stored if a crash left
    // them out.
    await deps.violations.recordNew(made.violations.filter((v) => inspection.violationIds.includes(v.id)));
    const stored = await Promise.all(inspection.violationIds.map((v) => deps.violations.get(v)));
    return { inspection, violations: stored.filter((v): v is Violation => v !== null) };
  };
}
