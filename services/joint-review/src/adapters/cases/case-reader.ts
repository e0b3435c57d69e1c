import { status } from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { applicationsV1, enumSpelling } from '@govhall/proto';
import { addressOf, type ApplicantBase, type SharedCase } from '../../domain/cases/shared-case';
import type { SharedCases } from '../../usecases/shared-view/shared-view.ports';
import type { ServiceAccounts } from '@govhall/auth';

const applicantKind = enumSpelling(applicationsV1.ApplicantKind, 'APPLICANT_KIND_');
const S = applicationsV1.CaseStatus;

/** The applicant's base data as the cases service holds it (J14; unmasked: never log it). */
export function applicantOf(c: applicationsV1.Case): ApplicantBase {
  return {
    kind: applicantKind.fromProto(c.applicant?.kind ?? 0) ?? '',
    name: c.applicant?.name ?? '',
    idCode: c.applicant?.idCode ?? '',
    legalRepresentative: '',
    agentName: c.applicant?.agentName ?? '',
    mobile: c.contact?.mobile ?? '',
    address: addressOf(c.formData),
  };
}

/** The case as its participants share it: applicant, form, materials and their files, when it was accepted. */
export function sharedCaseOf(c: applicationsV1.Case): SharedCase {
  const accepted = c.history.find((h) =>
    [S.CASE_STATUS_PROCESSING, S.CASE_STATUS_JOINT_REVIEW, S.CASE_STATUS_ESCALATED].includes(h.toStatus),
  );
  return {
    caseId: c.id,
    applicant: applicantOf(c),
    formData: c.formData,
    materials: c.materials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      files: m.files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        contentType: f.contentType,
        size: Number(f.size),
        sha256: f.sha256,
      })),
      licenceNumber: m.licence?.licenceNumber ?? '',
      licenceValid: m.licence?.valid ?? false,
    })),
    ...(accepted?.at ? { acceptedAt: accepted.at } : {}),
  };
}

/**
 * The cases service read with the service's center account of a tenant (ADR 0053): a case (GetCase) and a file's
 * bytes (GetCaseFile). Shared by the escalations (the case as forwarded) and the joint reviews' shared view.
 */
export class CaseReader implements SharedCases {
  protected readonly client: applicationsV1.ApplicationsServiceClient;

  constructor(
    address: string,
    protected readonly accounts: ServiceAccounts,
    protected readonly deadlineMs = 10_000,
  ) {
    this.client = createGrpcClient(applicationsV1.ApplicationsServiceClient, address, {
      serviceName: 'govhall.applications.v1.ApplicationsService',
      idempotentMethods: ['GetCase', 'GetCaseFile'],
      maxMessageBytes: 24 * 1024 * 1024,
    });
  }

  /** The case; UNAVAILABLE when the cases service does not answer it. */
  async getCase(tenant: string, caseId: string): Promise<applicationsV1.Case> {
    const { case: c } = await callUnary(
      this.client.getCase.bind(this.client),
      { id: caseId },
      await this.options(tenant),
    );
    if (!c) throw new UnavailableError('CASES_UNAVAILABLE', '办件服务没有返回办件');
    return c;
  }

  async sharedCase(tenant: string, caseId: string): Promise<SharedCase | null> {
    try {
      const c = await this.getCase(tenant, caseId);
      return c.tenant === tenant ? sharedCaseOf(c) : null;
    } catch (e) {
      if (isServiceError(e) && e.code === status.NOT_FOUND) return null;
      throw e;
    }
  }

  async fileContent(tenant: string, caseId: string, fileId: string): Promise<Buffer> {
    const { content } = await callUnary(
      this.client.getCaseFile.bind(this.client),
      { caseId, fileId },
      await this.options(tenant),
    );
    return Buffer.from(content);
  }

  protected async options(tenant: string) {
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
