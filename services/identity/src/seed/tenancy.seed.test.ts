import { createTenant, validateNewTenant, type Tenant } from '../domain/tenant';
import { departmentCode, validateNewDepartment } from '../domain/department';
import { validateNewWindow } from '../domain/window';
import type { StaffFact } from '../usecases/staff-facts.port';
import {
  SEED_DEPARTMENTS,
  SEED_TENANTS,
  SEED_WINDOWS,
  STAFF_USERNAME_PREFIXES,
  WINDOW_DEPARTMENT_ABBREVIATION,
} from './tenancy.seed';

describe('tenancy seed', () => {
  it('holds a valid tree, each parent before its children', () => {
    const created = new Map<string, Tenant>();
    for (const t of SEED_TENANTS) {
      const parent = t.parentCode ? created.get(t.parentCode) : undefined;
      expect([t.code, validateNewTenant({ ...t, level: '' }, parent)]).toEqual([t.code, []]);
      created.set(t.code, createTenant({ ...t, level: '' }, new Date()).tenant);
    }
    expect([...created.values()].map((t) => `${t.code}:${t.level}`)).toEqual([
      '620300:city',
      '620302:district',
      '620321:county',
      '620100:city',
      '620102:district',
      '620123:county',
    ]);
    expect(Object.keys(STAFF_USERNAME_PREFIXES).sort()).toEqual([...created.keys()].sort());
  });

  it('seats valid, unique departments in every tenant and keeps 620321-SCJG', () => {
    const codes = SEED_DEPARTMENTS.map((d) => departmentCode(d.tenant, d.abbreviation));
    for (const d of SEED_DEPARTMENTS) expect(validateNewDepartment(d)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('620321-SCJG');
    for (const t of SEED_TENANTS) expect(codes.filter((c) => c.startsWith(`${t.code}-`))).toHaveLength(6);
  });

  it('opens one department and one comprehensive window per tenant that pass the window rules', () => {
    for (const t of SEED_TENANTS) {
      const windows = SEED_WINDOWS.filter((w) => w.tenant === t.code);
      expect(windows.map((w) => w.kind).sort()).toEqual(['comprehensive', 'department']);
      const departments = SEED_DEPARTMENTS.filter((d) => d.tenant === t.code).map((d) =>
        departmentCode(d.tenant, d.abbreviation),
      );
      for (const w of windows) {
        // The seed runner resolves usernames to ids and seats the clerks in the windows' department.
        const clerk = (username: string): StaffFact => ({
          id: username,
          tenant: t.code,
          department: `${t.code}-${WINDOW_DEPARTMENT_ABBREVIATION}`,
          username,
          displayName: username,
          roles: ['window_clerk'],
          status: 'active',
          leaves: [],
        });
        const input = { ...w, aPostStaffId: w.aPostUsername, bPostStaffId: w.bPostUsername };
        const posts = { a: clerk(w.aPostUsername), b: clerk(w.bPostUsername) };
        expect([w.tenant, w.number, validateNewWindow(input, departments, posts)]).toEqual([w.tenant, w.number, []]);
      }
    }
  });
});
