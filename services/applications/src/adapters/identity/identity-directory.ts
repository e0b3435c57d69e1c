import type { ServiceTokenSource } from '@govhall/auth';
import { ForbiddenError, UnauthenticatedError, UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import { identityV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type {
  ActingAnswer,
  ApplicantDirectory,
  OrganisationFacts,
  WindowDirectory,
} from '../../usecases/declaration.ports';

const unavailable = () => new UnavailableError('IDENTITY_UNAVAILABLE', '身份认证服务暂时不可用，请稍后重试');

/** identity's refusals of the caller's own token pass on as they are; anything else is "try later". */
function mapped(e: unknown): Error {
  if (isServiceError(e)) {
    const d = decodeGrpcError(e);
    if (e.code === status.UNAUTHENTICATED) return new UnauthenticatedError(d.reason || 'UNAUTHENTICATED', d.message);
    if (e.code === status.PERMISSION_DENIED) return new ForbiddenError(d.reason || 'FORBIDDEN', d.message);
  }
  return unavailable();
}

function organisation(lp: identityV1.LegalPerson): OrganisationFacts {
  return { id: lp.id, name: lp.name, creditCode: lp.creditCode };
}

/**
 * identity's IdentityService as the declaration needs it. The applicant's questions (GetMyProfile,
 * CheckActingAuthority) are asked with the caller's own bearer token, so identity answers for that person;
 * windows are public (ListWindows, anonymous), and the window's responsible clerk (GetWindowResponsible, staff or
 * service accounts only) is asked with this service's own client-credentials token (ADR 0023).
 */
export class IdentityDirectory implements ApplicantDirectory, WindowDirectory {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly serviceToken: ServiceTokenSource | undefined,
    private readonly logger: Logger,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetMyProfile', 'CheckActingAuthority', 'ListWindows', 'GetWindowResponsible'],
    });
  }

  async myProfile(authorization: string) {
    let answer: identityV1.GetMyProfileResponse;
    try {
      answer = await callUnary(
        this.client.getMyProfile.bind(this.client),
        {},
        {
          authorization,
          deadlineMs: this.deadlineMs,
        },
      );
    } catch (e) {
      // No natural-person record behind this login (e.g. a staff or service token): not an applicant.
      if (isServiceError(e) && e.code === status.NOT_FOUND) return null;
      throw mapped(e);
    }
    if (answer.profile?.$case !== 'person') return null;
    const p = answer.profile.value;
    const organisations = [...answer.heldLegalPersons, ...answer.agentFor].map(organisation);
    return {
      person: { personId: p.id, name: p.name, idNumber: p.idNumber, phone: p.phone, subject: p.subject },
      organisations,
    };
  }

  async checkActing(
    authorization: string,
    question: { legalPersonId: string; department: string; itemCode: string },
  ): Promise<ActingAnswer> {
    try {
      const a = await callUnary(
        this.client.checkActingAuthority.bind(this.client),
        {
          legalPersonId: question.legalPersonId,
          department: question.department,
          itemCode: question.itemCode,
          agentSubject: '',
        },
        { authorization, deadlineMs: this.deadlineMs },
      );
      return { allowed: a.allowed, grantId: a.grantId, reason: a.reason, message: a.message };
    } catch (e) {
      if (isServiceError(e) && (e.code === status.NOT_FOUND || e.code === status.INVALID_ARGUMENT)) {
        return { allowed: false, grantId: '', reason: 'LEGAL_PERSON_NOT_FOUND', message: '未找到该法人或组织' };
      }
      throw mapped(e);
    }
  }

  async serving(tenant: string, department: string, date: string) {
    let windows: identityV1.Window[];
    try {
      ({ windows } = await callUnary(
        this.client.listWindows.bind(this.client),
        { tenant },
        { deadlineMs: this.deadlineMs },
      ));
    } catch (e) {
      throw mapped(e);
    }
    // The department's own window first, then a comprehensive window accepting for it; several: the first listed.
    const serving = windows.filter((w) => w.servesDepartments.includes(department));
    const window = serving.find((w) => w.department === department) ?? serving[0];
    if (!window) return null;
    return { windowId: window.id, responsible: await this.responsible(window, date) };
  }

  /**
   * The clerk identity names for the window's queue that day (A post, B post when A is absent …); '' when identity
   * cannot be asked (no service credentials, or an account outside the tenant): the case waits in the window's queue.
   */
  private async responsible(window: identityV1.Window, date: string): Promise<string> {
    if (!this.serviceToken) return '';
    try {
      const authorization = `Bearer ${await this.serviceToken.token()}`;
      const answer = await callUnary(
        this.client.getWindowResponsible.bind(this.client),
        { windowId: window.id, date },
        { authorization, deadlineMs: this.deadlineMs },
      );
      return answer.responsible?.username ?? '';
    } catch (err) {
      this.logger.warn(
        { err, windowId: window.id },
        'window responsible lookup failed; the case is left to the window queue',
      );
      return '';
    }
  }

  close(): void {
    this.client.close();
  }
}
