import { decodeGrpcError, callUnary, isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { Escalation } from '../../domain/escalations/escalation';
import type { EscalatedCases } from '../../usecases/escalations/escalation.ports';
import { CaseReader, sharedCaseOf } from './case-reader';

/**
 * The lower tenant's cases service, with the service's center account of that tenant (ADR 0053): the case as it is
 * forwarded (GetCase), its files' bytes (GetCaseFile), and the parent's decision (ConcludeJointReview on the
 * ESCALATED case; a case no longer waiting counts as reported).
 */
export class EscalatedCasesClient extends CaseReader implements EscalatedCases {
  async snapshot(tenant: string, caseId: string) {
    const c = await this.getCase(tenant, caseId);
    const shared = sharedCaseOf(c);
    const files = shared.materials.flatMap((m) =>
      m.files.map((f) => ({ ...f, materialId: m.materialId, materialName: m.name })),
    );
    return {
      case: {
        caseId: c.id,
        caseNumber: c.caseNumber,
        itemName: c.itemName,
        itemBasicCode: c.itemBasicCode,
        applicant: shared.applicant,
        formData: c.formData,
        materials: c.materials.map((m) => ({
          materialId: m.materialId,
          name: m.name,
          fileIds: m.files.map((f) => f.id),
          licenceNumber: m.licence?.licenceNumber ?? '',
        })),
        // The case left ACCEPTED-pending for ESCALATED (or PROCESSING) at acceptance: the history's first such entry.
        acceptedAt: c.history.find((h) => h.toStatus === applicationsV1.CaseStatus.CASE_STATUS_ESCALATED)?.at,
        promisedLimitWorkingDays: c.clocks?.promised?.limitWorkingDays ?? 0,
        statutoryLimitWorkingDays: c.clocks?.statutory?.limitWorkingDays ?? 0,
        sourceDepartment: c.department,
        sourceWindowId: c.windowId,
        sourceCenterName: '',
      },
      files,
    };
  }

  async reportOutcome(e: Escalation): Promise<void> {
    const decision = e.decision;
    if (!decision) return;
    try {
      await callUnary(
        this.client.concludeJointReview.bind(this.client),
        {
          id: e.case.caseId,
          reviewId: e.id,
          outcome:
            decision.outcome === 'approved'
              ? applicationsV1.Outcome.OUTCOME_APPROVED
              : applicationsV1.Outcome.OUTCOME_DENIED,
          reasons: decision.reasons,
        },
        await this.options(e.tenant),
      );
    } catch (error) {
      const wrongState =
        isServiceError(error) &&
        error.code === status.FAILED_PRECONDITION &&
        decodeGrpcError(error).reason === 'WRONG_STATE';
      if (!wrongState) throw error;
    }
  }
}
