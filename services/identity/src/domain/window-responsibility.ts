import { PreconditionError } from '@govhall/errors';
import type { StaffFact } from '../usecases/staff-facts.port';
import type { Window } from './window';

export type ResponsibilityBasis = 'A_POST' | 'B_POST' | 'DEPARTMENT_HEAD' | 'CENTER_ADMIN';

export interface Responsibility {
  staff: StaffFact;
  basis: ResponsibilityBasis;
}

export interface ResponsibilityFacts {
  a?: StaffFact;
  b?: StaffFact;
  /** Department heads, in order of preference. */
  heads: StaffFact[];
  /** Center administrators, in order of preference. */
  admins: StaffFact[];
}

/** Present on `date` (YYYY-MM-DD): an active account and no leave covering the date (inclusive). */
export function isPresent(staff: StaffFact, date: string): boolean {
  return staff.status === 'active' && !staff.leaves.some((l) => l.fromDate <= date && date <= l.toDate);
}

/**
 * Who serves the window's queue on `date`: the A post, else the B post (A on leave or disabled), else the first
 * present head of the window's department, else the first present center administrator of the tenant.
 */
export function responsibleFor(window: Window, date: string, facts: ResponsibilityFacts): Responsibility {
  const present = (s: StaffFact | undefined): s is StaffFact =>
    s !== undefined && s.tenant === window.tenant && isPresent(s, date);
  if (present(facts.a) && facts.a.id === window.aPostStaffId) return { staff: facts.a, basis: 'A_POST' };
  if (present(facts.b) && facts.b.id === window.bPostStaffId) return { staff: facts.b, basis: 'B_POST' };
  const head = facts.heads.find(
    (s) => present(s) && s.department === window.department && s.roles.includes('department_head'),
  );
  if (head) return { staff: head, basis: 'DEPARTMENT_HEAD' };
  const admin = facts.admins.find((s) => present(s) && s.roles.includes('center_admin'));
  if (admin) return { staff: admin, basis: 'CENTER_ADMIN' };
  throw new PreconditionError(
    'WINDOW_UNSTAFFED',
    `${date} ${window.number}号窗口无人值守：A岗、B岗、部门负责人和中心管理员均不在岗，请安排人员`,
  );
}
