import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { Duty, StaffFacts } from '../../usecases/ports';
import type { ServiceAccounts } from '@govhall/auth';

/**
 * Who is who, from identity, asked with the service's account of the tenant: the person serving a window today
 * (GetWindowResponsible: A post, or B when A is absent), a department's window lead (J5), which identity does not
 * name yet — the person serving the department's first window today stands in (ADR 0052) —, a department's staff
 * (ListStaff) and the tenant's departments (ListDepartments).
 */
export class IdentityDuty implements Duty {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetWindowResponsible', 'ListWindows', 'ListStaff', 'ListDepartments'],
    });
  }

  async windowResponsible(tenant: string, windowId: string): Promise<string> {
    if (!windowId) return '';
    try {
      const answer = await callUnary(
        this.client.getWindowResponsible.bind(this.client),
        { windowId, date: '' },
        await this.options(tenant),
      );
      return answer.responsible?.username ?? '';
    } catch (e) {
      // Nobody serves the window today, or no such window: nobody is responsible.
      if (isServiceError(e) && [status.FAILED_PRECONDITION, status.NOT_FOUND].includes(e.code)) return '';
      throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
    }
  }

  async windowLead(tenant: string, department: string): Promise<string> {
    let windows: identityV1.Window[];
    try {
      ({ windows } = await callUnary(
        this.client.listWindows.bind(this.client),
        { tenant },
        await this.options(tenant),
      ));
    } catch {
      throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
    }
    const first = windows.filter((w) => w.department === department).sort((a, b) => a.id.localeCompare(b.id))[0];
    return first ? this.windowResponsible(tenant, first.id) : '';
  }

  async departmentStaff(tenant: string, department: string, username: string): Promise<StaffFacts | null> {
    if (!department || !username) return null;
    let pageToken = '';
    do {
      let answer: identityV1.ListStaffResponse;
      try {
        answer = await callUnary(
          this.client.listStaff.bind(this.client),
          { tenant, department, page: { pageSize: 100, pageToken } },
          await this.options(tenant),
        );
      } catch {
        throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
      }
      const found = answer.staff.find((s) => s.username === username && s.department === department);
      if (found) {
        return {
          username: found.username,
          department: found.department,
          roles: [...found.roles],
          active: found.status === identityV1.StaffStatus.STAFF_STATUS_ACTIVE,
        };
      }
      pageToken = answer.page?.nextPageToken ?? '';
    } while (pageToken);
    return null;
  }

  async hasDepartment(tenant: string, department: string): Promise<boolean> {
    if (!department) return false;
    try {
      const { departments } = await callUnary(
        this.client.listDepartments.bind(this.client),
        { tenant },
        await this.options(tenant),
      );
      return departments.some((d) => d.code === department && d.tenant === tenant);
    } catch {
      throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
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
