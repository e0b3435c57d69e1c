import { api, call } from '../../shared/api';
import { allStaff, windowsOf } from '../../admin/org/directory';
import type { Profile } from '../../api/types';
import { firstWindowOf, leadsDepartment } from './joint-duty';

type Staff = NonNullable<Profile['staff']>;

/** Who serves a window today (identity's GetWindowResponsible); '' when nobody can be named. */
export async function windowResponsible(windowId: string): Promise<string> {
  if (!windowId) return '';
  const answer = await call(
    api.GET('/api/v1/identity/windows/{id}/responsible', { params: { path: { id: windowId } } }),
  ).catch(() => undefined);
  return answer?.responsible.username ?? '';
}

/** The department's window lead: whoever serves its first window today ('' when it has none). */
export async function departmentWindowLead(tenant: string, department: string): Promise<string> {
  const first = firstWindowOf(await windowsOf(tenant), department);
  return first ? windowResponsible(first.id) : '';
}

/**
 * Whether the signed-in member of staff leads their department (head, or window lead today). A window clerk is
 * asked about; other roles are not (only a head or the window lead may).
 */
export async function leadsOwnDepartment(staff: Staff): Promise<boolean> {
  if (!staff.department) return false;
  if (staff.roles.includes('department_head')) return true;
  if (!staff.roles.includes('window_clerk')) return false;
  return leadsDepartment(staff, staff.department, await departmentWindowLead(staff.tenant, staff.department));
}

export interface Colleague {
  username: string;
  displayName: string;
  /** Active, in a role that works the department's tasks: a task may be assigned to them. */
  assignable: boolean;
}

/** Roles that work a department's joint-review tasks (who a task may be assigned to). */
const TASK_ROLES = ['window_clerk', 'reviewer', 'approver', 'department_head'];

/**
 * The staff of the caller's own department (identity lets department staff list their own department only): the
 * names shown for usernames, and whom a task may be assigned to.
 */
export async function colleaguesOf(staff: Staff): Promise<Colleague[]> {
  if (!staff.department) return [];
  const people = await allStaff(staff.tenant, staff.department);
  return people.map((p) => ({
    username: p.username,
    displayName: p.displayName,
    assignable: p.status === 'active' && p.roles.some((r) => TASK_ROLES.includes(r)),
  }));
}
