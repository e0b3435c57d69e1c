import type { ServiceAccounts } from '@govhall/auth';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { StaffDirectory } from '../../usecases/rectifications/ports';
import { callAsCenter, IDENTITY } from '../center-account-call';

/** An active member of staff as the other services read them. */
export interface StaffEntry {
  username: string;
  name: string;
  department: string;
}

/**
 * Staff, departments and the center of a tenant from identity (ListStaff, ListDepartments, GetTenant), read with the
 * service's center account of the tenant (ADR 0053): whom a department head may name to handle a rectification, the
 * departments and people a complaint may name, and the center that signs what the service sends. A department has far fewer than a page of 100 people; the pages are followed all
 * the same.
 */
export class GrpcStaffDirectory implements StaffDirectory {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 5_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['ListStaff', 'ListDepartments', 'GetTenant'],
    });
  }

  async memberOf(tenant: string, department: string, username: string) {
    const found = await this.activeStaff(tenant, department, username);
    return found && found.department === department ? { username: found.username, name: found.name } : null;
  }

  /** The active member of staff `username` of `tenant`, in whichever department (or none). */
  findInTenant(tenant: string, username: string): Promise<StaffEntry | null> {
    return this.activeStaff(tenant, '', username);
  }

  /** The department `code` of `tenant`, with its name. */
  departmentOf(tenant: string, code: string): Promise<{ code: string; name: string } | null> {
    return callAsCenter(this.accounts, tenant, IDENTITY('部门'), this.deadlineMs, async (options) => {
      const answer = await callUnary(this.client.listDepartments.bind(this.client), { tenant }, options);
      const d = answer.departments.find((x) => x.code === code && x.tenant === tenant);
      return d ? { code: d.code, name: d.name } : null;
    });
  }

  /** The tenant's service center as people read it (永昌县政务服务中心): the signature of what it sends. */
  async centerName(tenant: string): Promise<string> {
    const found = await callAsCenter(this.accounts, tenant, IDENTITY('地区'), this.deadlineMs, async (options) => {
      const { tenant: t } = await callUnary(this.client.getTenant.bind(this.client), { code: tenant }, options);
      return t ? t.center?.name || `${t.name}政务服务中心` : null;
    });
    return found ?? '政务服务中心';
  }

  private activeStaff(tenant: string, department: string, username: string): Promise<StaffEntry | null> {
    return callAsCenter(this.accounts, tenant, IDENTITY('工作人员'), this.deadlineMs, async (options) => {
      let pageToken = '';
      do {
        const answer = await callUnary(
          this.client.listStaff.bind(this.client),
          { tenant, department, page: { pageSize: 100, pageToken } },
          options,
        );
        const s = answer.staff.find(
          (x) => x.username === username && x.status === identityV1.StaffStatus.STAFF_STATUS_ACTIVE,
        );
        if (s) return { username: s.username, name: s.displayName, department: s.department };
        pageToken = answer.page?.nextPageToken ?? '';
      } while (pageToken);
      return null;
    });
  }

  close(): void {
    this.client.close();
  }
}
