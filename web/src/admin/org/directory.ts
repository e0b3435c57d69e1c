import { api, call } from '../../shared/api';
import type { Department, Window } from '../../api/types';
import type { StaffMember } from './types';

/** Every member of staff of `tenant` (pages of 100, at most 2 000 people: a center's whole staff). */
export async function allStaff(tenant: string, department?: string): Promise<StaffMember[]> {
  const staff: StaffMember[] = [];
  let pageToken: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await call(
      api.GET('/api/v1/identity/tenants/{code}/staff', {
        params: { path: { code: tenant }, query: { pageSize: 100, pageToken, department } },
      }),
    );
    staff.push(...page.staff);
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  return staff;
}

export async function departmentsOf(tenant: string): Promise<Department[]> {
  return (await call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: tenant } } })))
    .departments;
}

export async function windowsOf(tenant: string): Promise<Window[]> {
  return (await call(api.GET('/api/v1/identity/tenants/{code}/windows', { params: { path: { code: tenant } } })))
    .windows;
}

/** A department's name by its code (the code itself when it is not seated). */
export function departmentName(departments: readonly Department[], code: string | undefined): string {
  if (!code) return '中心';
  return departments.find((d) => d.code === code)?.name ?? code;
}
