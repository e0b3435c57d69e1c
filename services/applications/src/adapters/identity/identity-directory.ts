import { ForbiddenError, PreconditionError, UnauthenticatedError, UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import { enumSpelling, identityV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type {
  ActingAnswer,
  ApplicantDirectory,
  ApplicantProfile,
  OrganisationFacts,
  SubmissionWindows,
} from '../../usecases/declaration.ports';
import type { ActingAuthority } from '../../usecases/handling.ports';
import type {
  ApplicantFinder,
  Caller,
  FoundApplicant,
  HallWindow,
  ResponsibilityBasis,
  WindowDirectory,
  WindowResponsibility,
} from '../../usecases/window.ports';

const basis = enumSpelling(identityV1.ResponsibilityBasis, 'RESPONSIBILITY_BASIS_');
const personStatus = enumSpelling(identityV1.NaturalPersonStatus, 'NATURAL_PERSON_STATUS_');
const grantStatus = enumSpelling(identityV1.AgentGrantStatus, 'AGENT_GRANT_STATUS_');

/** This service's own client-credentials token (ServiceTokenSource of @govhall/auth). */
export interface ServiceToken {
  token(): Promise<string>;
}

/**
 * identity's answer as this service's error: refusals of the caller's own token pass on with identity's reason and
 * message (UNAUTHENTICATED, PERMISSION_DENIED), a window nobody serves today is WINDOW_UNSTAFFED, anything else means
 * identity cannot answer now (UNAVAILABLE, try later).
 */
function refusal(e: unknown): Error {
  if (isServiceError(e)) {
    const d = decodeGrpcError(e);
    if (e.code === status.UNAUTHENTICATED) return new UnauthenticatedError(d.reason || 'UNAUTHENTICATED', d.message);
    if (e.code === status.PERMISSION_DENIED) return new ForbiddenError(d.reason || 'FORBIDDEN', d.message);
    if (e.code === status.FAILED_PRECONDITION) {
      // WINDOW_UNSTAFFED: nobody (A, B, department head, center admin) serves the window today.
      return new PreconditionError('WINDOW_UNSTAFFED', '该窗口今日无人值守，请联系中心管理员安排A岗或B岗');
    }
  }
  return new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
}

/** A NOT_FOUND / INVALID_ARGUMENT answer is "no such thing"; anything else is thrown as `refusal` says. */
function absentOr<T>(e: unknown, absent: T): T {
  if (isServiceError(e) && (e.code === status.NOT_FOUND || e.code === status.INVALID_ARGUMENT)) return absent;
  throw refusal(e);
}

function toWindow(w: identityV1.Window): HallWindow {
  return {
    id: w.id,
    tenant: w.tenant,
    number: w.number,
    name: w.name,
    department: w.department,
    servesDepartments: [...w.servesDepartments],
  };
}

function organisation(lp: identityV1.LegalPerson): OrganisationFacts {
  return { id: lp.id, name: lp.name, creditCode: lp.creditCode };
}

/**
 * identity's IdentityService, one client for every area of the service:
 * - declaration: the caller's profile (GetMyProfile) and acting check (CheckActingAuthority), asked with the
 *   caller's own token so identity answers for that person; the window a submitted case goes to (public
 *   ListWindows) and its responsible clerk that day, asked with this service's own token (ADR 0023);
 * - window: who serves a window today (GetWindowResponsible) and a registered applicant by ID number or credit code
 *   (FindApplicant), both with the clerk's own token (identity decides what a clerk may see); the tenant's windows
 *   and parent (public ListWindows, GetTenant);
 * - handling: the acting check for a legal person's licences (the same CheckActingAuthority).
 */
export class IdentityDirectory
  implements ApplicantDirectory, SubmissionWindows, WindowDirectory, ApplicantFinder, ActingAuthority
{
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly serviceToken: ServiceToken | undefined,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: [
        'GetMyProfile',
        'CheckActingAuthority',
        'ListWindows',
        'GetWindowResponsible',
        'GetTenant',
        'FindApplicant',
      ],
    });
  }

  async myProfile(
    authorization: string,
  ): Promise<{ person: ApplicantProfile; organisations: OrganisationFacts[] } | null> {
    let answer: identityV1.GetMyProfileResponse;
    try {
      answer = await callUnary(this.client.getMyProfile.bind(this.client), {}, this.options(authorization));
    } catch (e) {
      // No natural-person record behind this login (e.g. a staff or service token): not an applicant.
      return absentOr(e, null);
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
        { ...question, agentSubject: '' },
        this.options(authorization),
      );
      return { allowed: a.allowed, grantId: a.grantId, reason: a.reason, message: a.message };
    } catch (e) {
      return absentOr(e, {
        allowed: false,
        grantId: '',
        reason: 'LEGAL_PERSON_NOT_FOUND',
        message: '未找到该法人或组织',
      });
    }
  }

  async serving(tenant: string, department: string, date: string) {
    // The department's own window first, then a comprehensive window accepting for it; several: the first listed.
    const serving = (await this.windowsOf(tenant)).filter((w) => w.servesDepartments.includes(department));
    const window = serving.find((w) => w.department === department) ?? serving[0];
    if (!window) return null;
    return { windowId: window.id, responsible: await this.responsibleForSubmission(window.id, date) };
  }

  async responsible(windowId: string, date: string, caller: Caller): Promise<WindowResponsibility | null> {
    try {
      return await this.askResponsible(windowId, date, caller.authorization);
    } catch (e) {
      return absentOr(e, null);
    }
  }

  async windowsOf(tenant: string): Promise<HallWindow[]> {
    try {
      const { windows } = await callUnary(this.client.listWindows.bind(this.client), { tenant }, this.options());
      return windows.map(toWindow);
    } catch (e) {
      return absentOr(e, []);
    }
  }

  async parentTenant(tenant: string): Promise<string> {
    try {
      const { tenant: found } = await callUnary(
        this.client.getTenant.bind(this.client),
        { code: tenant },
        this.options(),
      );
      return found?.parentCode ?? '';
    } catch (e) {
      return absentOr(e, '');
    }
  }

  async find(tenant: string, idCode: string, caller: Caller): Promise<FoundApplicant | null> {
    let answer: identityV1.FindApplicantResponse;
    try {
      answer = await callUnary(
        this.client.findApplicant.bind(this.client),
        { tenant, idCode },
        this.options(caller.authorization),
      );
    } catch (e) {
      return absentOr(e, null);
    }
    const a = answer.applicant;
    if (a?.$case === 'person') {
      const p = a.value;
      return {
        kind: 'natural',
        id: p.id,
        name: p.name,
        idNumber: p.idNumber,
        subject: p.subject,
        status: (personStatus.fromProto(p.status) ?? '') as 'active',
      };
    }
    if (a?.$case === 'legalPerson') {
      const l = a.value;
      return {
        kind: 'legal',
        id: l.id,
        name: l.name,
        creditCode: l.creditCode,
        holderPersonId: l.holderPersonId,
        holderSubject: l.holderSubject,
        grants: l.agents.map((g) => ({
          id: g.id,
          agentPersonId: g.agentPersonId,
          agentSubject: g.agentSubject,
          status: grantStatus.fromProto(g.status) === 'active' ? ('active' as const) : ('revoked' as const),
          scope: {
            allDepartments: g.scope?.allDepartments ?? false,
            departments: [...(g.scope?.departments ?? [])],
            itemCodes: [...(g.scope?.itemCodes ?? [])],
          },
          ...(g.validUntil ? { validUntil: g.validUntil } : {}),
        })),
      };
    }
    return null;
  }

  close(): void {
    this.client.close();
  }

  private options(authorization?: string) {
    return authorization ? { authorization, deadlineMs: this.deadlineMs } : { deadlineMs: this.deadlineMs };
  }

  private async askResponsible(
    windowId: string,
    date: string,
    authorization: string | undefined,
  ): Promise<WindowResponsibility | null> {
    const answer = await callUnary(
      this.client.getWindowResponsible.bind(this.client),
      { windowId, date },
      this.options(authorization),
    );
    if (!answer.window) return null;
    return {
      window: toWindow(answer.window),
      date: answer.date,
      username: answer.responsible?.username ?? '',
      displayName: answer.responsible?.displayName ?? '',
      basis: (basis.fromProto(answer.basis) ?? '') as ResponsibilityBasis,
    };
  }

  /**
   * The clerk identity names for a submitted case's window that day (A post, B post when A is absent …), asked with
   * this service's own token; '' when identity cannot be asked (no service credentials, or an account outside the
   * tenant): the case waits in the window's queue.
   */
  private async responsibleForSubmission(windowId: string, date: string): Promise<string> {
    if (!this.serviceToken) return '';
    try {
      const r = await this.askResponsible(windowId, date, `Bearer ${await this.serviceToken.token()}`);
      return r?.username ?? '';
    } catch (err) {
      this.logger.warn({ err, windowId }, 'window responsible lookup failed; the case is left to the window queue');
      return '';
    }
  }
}
