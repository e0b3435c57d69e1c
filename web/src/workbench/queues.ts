import type { Profile, QueueQuery, StaffRole, Window } from '../api/types';
import { STAFF_ROLE, STEP_ROLES } from '../shared/labels';

export type Staff = NonNullable<Profile['staff']>;

export interface QueueChoice {
  key: string;
  label: string;
  query: Omit<QueueQuery, 'kind' | 'pageSize' | 'pageToken'>;
}

/**
 * The queues a member of staff works: the pre-review queue of each window they hold the A or B post of, and their
 * department's active steps for each of their roles.
 */
export function queueChoices(staff: Staff, windows: Window[]): QueueChoice[] {
  const choices: QueueChoice[] = windows
    .filter((w) => w.aPostStaffId === staff.id || w.bPostStaffId === staff.id)
    .map((w) => ({
      key: `window:${w.id}`,
      label: `${w.number}号窗口 ${w.name}（${w.aPostStaffId === staff.id ? 'A岗' : 'B岗'}）`,
      query: { tenant: staff.tenant, windowId: w.id },
    }));
  if (staff.department) {
    for (const role of staff.roles as StaffRole[]) {
      if (!STEP_ROLES.includes(role)) continue;
      choices.push({
        key: `role:${role}`,
        label: `${STAFF_ROLE[role]}的在办环节`,
        query: { tenant: staff.tenant, department: staff.department, role },
      });
    }
  }
  return choices;
}
