import type { jointReviewV1 } from '@govhall/proto';
import { applicantToRest } from './escalation.mapper';
import { taskToRest } from './joint-review.mapper';
import type { Dossier } from './shared-view.schemas';

const text = (s: string) => s || undefined;

/** What the caller sees of a joint case (J14): unmasked applicant, its form part(s), materials, every result. */
export function dossierToRest(d: jointReviewV1.Dossier): Dossier {
  return {
    caseId: d.caseId,
    caseNumber: d.caseNumber,
    itemName: d.itemName,
    applicant: applicantToRest(d.applicant),
    materials: d.materials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      files: m.files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        contentType: f.contentType,
        size: Number(f.size),
        sha256: f.sha256,
      })),
      licenceNumber: text(m.licenceNumber),
      licenceValid: m.licenceValid,
      markedFor: m.markedFor,
    })),
    formData: text(d.formData),
    formParts: d.formParts.map((p) => ({ department: p.department, formData: p.formData })),
    results: d.results.map(taskToRest),
    casePromisedDueDate: d.casePromisedDueDate,
    acceptedAt: d.acceptedAt?.toISOString(),
  };
}
