import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import { applicationsV1, enumSpelling } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { ApplicantBase, Escalation } from '../../domain/escalations/escalation';
import type { EscalatedCases } from '../../usecases/escalations/escalation.ports';
import type { ServiceAccounts } from './service-accounts';

const applicantKind = enumSpelling(applicationsV1.ApplicantKind, 'APPLICANT_KIND_');

/** The registered address of the form, when it has a field the seed's forms use for it. */
function addressOf(formData: string): string {
  try {
    const form = JSON.parse(formData) as Record<string, unknown>;
    const value = form['address'] ?? form['registeredAddress'] ?? form['住所'];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/**
 * The lower tenant's cases service, with the service's center account of that tenant (ADR 0053): the case as it is
 * forwarded (GetCase), its files' bytes (GetCaseFile), and the parent's decision (ConcludeJointReview on the
 * ESCALATED case; a case no longer waiting counts as reported).
 */
export class EscalatedCasesClient implements EscalatedCases {
  private readonly client: applicationsV1.ApplicationsServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 10_000,
  ) {
    this.client = createGrpcClient(applicationsV1.ApplicationsServiceClient, address, {
      serviceName: 'govhall.applications.v1.ApplicationsService',
      idempotentMethods: ['GetCase', 'GetCaseFile'],
      maxMessageBytes: 24 * 1024 * 1024,
    });
  }

  async snapshot(tenant: string, caseId: string) {
    const { case: c } = await callUnary(
      this.client.getCase.bind(this.client),
      { id: caseId },
      await this.options(tenant),
    );
    if (!c) throw new UnavailableError('CASES_UNAVAILABLE', '办件服务没有返回办件');
    const applicant: ApplicantBase = {
      kind: applicantKind.fromProto(c.applicant?.kind ?? 0) ?? '',
      name: c.applicant?.name ?? '',
      idCode: c.applicant?.idCode ?? '',
      legalRepresentative: '',
      agentName: c.applicant?.agentName ?? '',
      mobile: c.contact?.mobile ?? '',
      address: addressOf(c.formData),
    };
    const files = c.materials.flatMap((m) =>
      m.files.map((f) => ({
        id: f.id,
        materialId: m.materialId,
        materialName: m.name,
        fileName: f.fileName,
        contentType: f.contentType,
        size: Number(f.size),
        sha256: f.sha256,
      })),
    );
    return {
      case: {
        caseId: c.id,
        caseNumber: c.caseNumber,
        itemName: c.itemName,
        itemBasicCode: c.itemBasicCode,
        applicant,
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

  async fileContent(tenant: string, caseId: string, fileId: string): Promise<Buffer> {
    const { content } = await callUnary(
      this.client.getCaseFile.bind(this.client),
      { caseId, fileId },
      await this.options(tenant),
    );
    return Buffer.from(content);
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

  private async options(tenant: string) {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('CASES_UNAVAILABLE', `本服务没有地区 ${tenant} 的服务账号，无法访问办件服务`);
    }
    return { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs };
  }

  close(): void {
    this.client.close();
  }
}
