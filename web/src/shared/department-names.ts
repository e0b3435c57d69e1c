import { api, call } from './api';
import { useLoad } from './states';

/** The tenant a department code belongs to: its region part (`620321-SCJGJ` → `620321`). */
export function tenantOfDepartment(code: string): string {
  return code.split('-')[0] ?? '';
}

/** Department names by code, from the tenants' public department lists; '' when none is known yet. */
export async function departmentNamesOf(codes: readonly string[]): Promise<Map<string, string>> {
  const tenants = [...new Set(codes.map(tenantOfDepartment).filter((t) => t !== ''))].sort();
  const lists = await Promise.all(
    tenants.map((code) =>
      call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code } } })).then(
        (r) => r.departments,
        () => [],
      ),
    ),
  );
  return new Map(lists.flat().map((d) => [d.code, d.name]));
}

/**
 * A department's name for `codes` (the departments a page shows): the code itself until the names are read, or when
 * its tenant does not list it.
 */
export function useDepartmentNames(codes: readonly string[]): (code: string) => string {
  const key = [...new Set(codes)].sort().join(',');
  const names = useLoad(() => departmentNamesOf(key ? key.split(',') : []), [key]);
  return (code) => names.data?.get(code) ?? code;
}
