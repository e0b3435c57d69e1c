import type { TaskDossier } from '../reviews/shared-view';
import type { Escalation } from './escalation';

/**
 * What a department system pulling the parent's decision task sees of the escalated case (J15, J14): the forwarded
 * copy the parent holds — the applicant, the whole form (the parent decides the whole case), the materials with the
 * files received for them — and its task.
 */
export function escalationDossier(e: Escalation): TaskDossier {
  return {
    caseId: e.case.caseId,
    caseNumber: e.case.caseNumber,
    itemName: e.case.itemName,
    casePromisedDueDate: e.case.promisedDueDate,
    ...(e.case.acceptedAt ? { acceptedAt: e.case.acceptedAt } : {}),
    applicant: e.case.applicant,
    materials: e.case.materials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      files: e.files
        .filter((f) => f.materialId === m.materialId && f.transferred)
        .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256 })),
      licenceNumber: m.licenceNumber,
      licenceValid: false,
      markedFor: [],
    })),
    formData: e.case.formData,
    formParts: [],
    results: e.task ? [e.task] : [],
  };
}
