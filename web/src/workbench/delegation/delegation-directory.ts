import { departmentsOf, windowsOf } from '../../admin/org/directory';

/** Names of the tenant's departments and windows for a delegated case's codes (codes shown when unreadable). */
export interface Names {
  department: (code: string) => string;
  window: (id: string) => string;
}

export async function namesOf(tenant: string): Promise<Names> {
  const [departments, windows] = await Promise.all([
    departmentsOf(tenant).catch(() => []),
    windowsOf(tenant).catch(() => []),
  ]);
  const d = new Map(departments.map((x) => [x.code, x.name]));
  const w = new Map(windows.map((x) => [x.id, `${x.name}（${x.number}）`]));
  return { department: (code) => d.get(code) ?? code, window: (id) => w.get(id) ?? id };
}

export const codesOnly: Names = { department: (code) => code, window: (id) => id };
