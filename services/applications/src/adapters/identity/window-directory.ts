import { PreconditionError, UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { enumSpelling, identityV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
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

const unavailable = () => new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');

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

/** A NOT_FOUND / INVALID_ARGUMENT answer is "no such thing"; anything else means identity cannot answer now. */
function absentOr<T>(e: unknown, absent: T): T {
  if (isServiceError(e) && (e.code === status.NOT_FOUND || e.code === status.INVALID_ARGUMENT)) return absent;
  if (isServiceError(e) && e.code === status.PERMISSION_DENIED) throw e;
  if (isServiceError(e) && e.code === status.FAILED_PRECONDITION) {
    // WINDOW_UNSTAFFED: nobody (A, B, department head, center admin) serves the window today.
    throw new PreconditionError('WINDOW_UNSTAFFED', '该窗口今日无人值守，请联系中心管理员安排A岗或B岗');
  }
  throw unavailable();
}

/**
 * The window area's questions to identity: who serves a window today (GetWindowResponsible, with the clerk's own
 * token), the tenant's windows and parent (public ListWindows, GetTenant), and a registered applicant by ID number
 * or credit code (FindApplicant, with the clerk's token: identity decides what a clerk may find).
 */
export class IdentityWindowDirectory implements WindowDirectory, ApplicantFinder {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetWindowResponsible', 'ListWindows', 'GetTenant', 'FindApplicant'],
    });
  }

  async responsible(windowId: string, date: string, caller: Caller): Promise<WindowResponsibility | null> {
    try {
      const answer = await callUnary(
        this.client.getWindowResponsible.bind(this.client),
        { windowId, date },
        { deadlineMs: this.deadlineMs, authorization: caller.authorization },
      );
      if (!answer.window) return null;
      return {
        window: toWindow(answer.window),
        date: answer.date,
        username: answer.responsible?.username ?? '',
        displayName: answer.responsible?.displayName ?? '',
        basis: (basis.fromProto(answer.basis) ?? '') as ResponsibilityBasis,
      };
    } catch (e) {
      return absentOr(e, null);
    }
  }

  async windowsOf(tenant: string): Promise<HallWindow[]> {
    try {
      const { windows } = await callUnary(
        this.client.listWindows.bind(this.client),
        { tenant },
        { deadlineMs: this.deadlineMs },
      );
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
        { deadlineMs: this.deadlineMs },
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
        { deadlineMs: this.deadlineMs, authorization: caller.authorization },
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
}
