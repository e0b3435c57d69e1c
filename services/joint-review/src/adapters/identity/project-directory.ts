import { status } from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { Investor } from '../../domain/projects/project';
import type { InvestorIdentity, ProjectDirectory } from '../../usecases/projects/project.ports';
import type { ServiceAccounts } from '@govhall/auth';

const unavailable = () => new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');

/**
 * What projects need of identity, asked with the service's center account of the tenant: the investor (a registered
 * legal person), the 代办员 (active staff of the tenant, with the name and office phone the investor sees) and the
 * tenant's department names (the public query shows names, not codes); and, asked with the caller's own token, the
 * legal persons a portal caller holds or acts for (我的项目).
 */
export class IdentityProjectDirectory implements ProjectDirectory, InvestorIdentity {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetLegalPerson', 'ListStaff', 'ListDepartments', 'GetMyProfile'],
    });
  }

  async legalPerson(tenant: string, personId: string): Promise<Investor | null> {
    try {
      const { legalPerson } = await callUnary(
        this.client.getLegalPerson.bind(this.client),
        { id: personId },
        await this.options(tenant),
      );
      if (!legalPerson || legalPerson.tenant !== tenant) return null;
      return { personId: legalPerson.id, name: legalPerson.name, creditCode: legalPerson.creditCode };
    } catch (e) {
      // Unknown, malformed or of another tenant: not an investor of this tenant.
      if (isServiceError(e) && [status.NOT_FOUND, status.INVALID_ARGUMENT].includes(e.code)) return null;
      throw unavailable();
    }
  }

  async activeStaff(
    tenant: string,
    username: string,
  ): Promise<{ username: string; displayName: string; phone: string } | null> {
    let pageToken = '';
    do {
      let answer: identityV1.ListStaffResponse;
      try {
        answer = await callUnary(
          this.client.listStaff.bind(this.client),
          { tenant, department: '', page: { pageSize: 100, pageToken } },
          await this.options(tenant),
        );
      } catch {
        throw unavailable();
      }
      const found = answer.staff.find((s) => s.username === username);
      if (found) {
        if (found.status !== identityV1.StaffStatus.STAFF_STATUS_ACTIVE) return null;
        return { username: found.username, displayName: found.displayName, phone: found.phone };
      }
      pageToken = answer.page?.nextPageToken ?? '';
    } while (pageToken);
    return null;
  }

  async departmentNames(tenant: string): Promise<Map<string, string>> {
    try {
      const { departments } = await callUnary(
        this.client.listDepartments.bind(this.client),
        { tenant },
        await this.options(tenant),
      );
      return new Map(departments.map((d) => [d.code, d.name]));
    } catch {
      throw unavailable();
    }
  }

  /** Asked with the caller's own token: identity answers what that person holds and may act for today. */
  async organisationsOf(authorization: string): Promise<{ held: string[]; actingFor: string[] }> {
    if (!authorization) return { held: [], actingFor: [] };
    try {
      const profile = await callUnary(
        this.client.getMyProfile.bind(this.client),
        {},
        { authorization, deadlineMs: this.deadlineMs },
      );
      return {
        held: profile.heldLegalPersons.map((lp) => lp.id),
        actingFor: profile.agentFor.map((lp) => lp.id),
      };
    } catch (e) {
      // No natural-person record behind this login: it holds and acts for nobody.
      if (isServiceError(e) && [status.NOT_FOUND, status.PERMISSION_DENIED].includes(e.code)) {
        return { held: [], actingFor: [] };
      }
      throw unavailable();
    }
  }

  private async options(tenant: string) {
    const token = await this.accounts.tokenFor(tenant);
    return token ? { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs } : { deadlineMs: this.deadlineMs };
  }

  close(): void {
    this.client.close();
  }
}
