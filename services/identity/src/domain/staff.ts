import type { StaffRole } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';

export type { StaffRole };

/**
 * Membership test for @govhall/auth's STAFF_ROLES (every realm role but applicant and service). The domain may
 * not import values from @govhall/auth (it loads the token verifier), so the set is restated here as a record the
 * compiler checks against StaffRole: a role missing here or unknown there does not compile.
 */
const IS_STAFF_ROLE: Record<StaffRole, true> = {
  window_clerk: true,
  reviewer: true,
  approver: true,
  department_head: true,
  center_admin: true,
  supervisor: true,
  complaint_handler: true,
  finance_reconciler: true,
  ops_admin: true,
};

/** Roles that belong to a department: a person holding one must be assigned to a department. */
export const DEPARTMENT_ROLES: readonly StaffRole[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

export type StaffStatus = 'provisioning' | 'active' | 'disabled';

export interface Leave {
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface Staff {
  id: string;
  tenant: string;
  department?: string;
  username: string;
  displayName: string;
  phone: string;
  roles: StaffRole[];
  status: StaffStatus;
  leaves: Leave[];
  /** Keycloak user id, set once the account exists. */
  subject?: string;
  disabledReason?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewStaffInput {
  tenant: string;
  department?: string;
  username: string;
  displayName: string;
  phone: string;
  roles: string[];
  initialPassword: string;
}

export type StaffEvent =
  | { type: 'StaffCreated'; staff: Staff }
  | { type: 'StaffLeaveRecorded'; staff: Staff; leave: Leave }
  | { type: 'StaffDisabled'; staff: Staff }
  | { type: 'StaffLeaveEnded'; staff: Staff; leave: Leave; endedOn?: string }
  | { type: 'StaffRolesChanged'; staff: Staff; previous: Pick<Staff, 'roles' | 'department'> };

const USERNAME = /^[a-z][a-z0-9-]{2,39}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const DEPARTMENT = /^(\d{6}|\d{9}|\d{12})-[A-Z][A-Z0-9]{1,11}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isStaffRole(role: string): role is StaffRole {
  return Object.hasOwn(IS_STAFF_ROLE, role);
}

/** A password Keycloak's default policy and the center's rules accept: 8-64 characters, letters and digits. */
export function passwordViolation(path: string, password: string): Violation | undefined {
  if (password.length < 8 || password.length > 64 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return { path, reason: 'WEAK_PASSWORD', message: '密码应为8至64位，且同时包含字母和数字' };
  }
  return undefined;
}

export function validateNewStaff(input: NewStaffInput): Violation[] {
  const v: Violation[] = [];
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(input.tenant)) {
    v.push({ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' });
  }
  if (!USERNAME.test(input.username)) {
    v.push({
      path: 'username',
      reason: 'PATTERN',
      message: '用户名应为3至40位小写字母、数字或连字符，以字母开头',
    });
  }
  v.push(...textViolations('displayName', input.displayName, { label: '姓名', min: 2, max: 30 }));
  if (!PHONE.test(input.phone)) {
    v.push({ path: 'phone', reason: 'PATTERN', message: '电话应为11位手机号码或带区号的固定电话' });
  }
  v.push(...staffAccessViolations(input));
  const weak = passwordViolation('initialPassword', input.initialPassword);
  if (weak) v.push(weak);
  return v;
}

/**
 * The roles and department of a member of staff: at least one known role, no duplicates, and a department of
 * the tenant for anyone holding a department role.
 */
export function staffAccessViolations(input: { tenant: string; department?: string; roles: string[] }): Violation[] {
  const v: Violation[] = [];
  if (input.roles.length === 0) {
    v.push({ path: 'roles', reason: 'REQUIRED', message: '至少应分配一个岗位角色' });
  }
  input.roles.forEach((role, i) => {
    if (!isStaffRole(role)) {
      v.push({ path: `roles[${i}]`, reason: 'UNKNOWN_ROLE', message: `未知的工作人员角色：${role}` });
    }
  });
  if (new Set(input.roles).size !== input.roles.length) {
    v.push({ path: 'roles', reason: 'DUPLICATE', message: '角色不能重复' });
  }
  if (input.department) {
    if (!DEPARTMENT.test(input.department)) {
      v.push({ path: 'department', reason: 'PATTERN', message: '部门编码应为“行政区划代码-部门简称”，如 620321-SCJG' });
    } else if (!input.department.startsWith(`${input.tenant}-`)) {
      v.push({ path: 'department', reason: 'TENANT_MISMATCH', message: '部门不属于该租户' });
    }
  } else if (input.roles.some((r) => (DEPARTMENT_ROLES as readonly string[]).includes(r))) {
    v.push({
      path: 'department',
      reason: 'REQUIRED',
      message: '窗口人员、审查人、审批人和部门负责人必须归属一个部门',
    });
  }
  return v;
}

/** New roles and department (already validated by staffAccessViolations); no department clears it. */
export function changeStaffAccess(
  staff: Staff,
  roles: string[],
  department: string | undefined,
  now: Date,
): { staff: Staff; events: StaffEvent[] } {
  const { department: _old, ...rest } = staff;
  const next: Staff = {
    ...rest,
    ...(department ? { department } : {}),
    roles: roles.filter(isStaffRole),
    updatedAt: now,
    version: staff.version + 1,
  };
  return { staff: next, events: [{ type: 'StaffRolesChanged', staff: next, previous: staff }] };
}

/** The fields that make two create requests "the same request" (a retry), ignoring the password. */
export function sameStaffRequest(staff: Staff, input: NewStaffInput): boolean {
  return (
    staff.tenant === input.tenant &&
    (staff.department ?? '') === (input.department ?? '') &&
    staff.displayName === normalizeText(input.displayName) &&
    staff.phone === input.phone &&
    [...staff.roles].sort().join() === [...input.roles].sort().join()
  );
}

export function newStaff(input: NewStaffInput, id: string, now: Date): Staff {
  return {
    id,
    tenant: input.tenant,
    ...(input.department ? { department: input.department } : {}),
    username: input.username,
    displayName: normalizeText(input.displayName),
    phone: input.phone,
    roles: input.roles.filter(isStaffRole),
    status: 'provisioning',
    leaves: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The Keycloak account exists: the person can log in. */
export function activateStaff(staff: Staff, subject: string, now: Date): { staff: Staff; events: StaffEvent[] } {
  const next: Staff = { ...staff, status: 'active', subject, updatedAt: now, version: staff.version + 1 };
  return { staff: next, events: [{ type: 'StaffCreated', staff: next }] };
}

export function validateLeave(leave: Leave, today: string): Violation[] {
  const v: Violation[] = [];
  for (const [path, value] of [
    ['leave.fromDate', leave.fromDate],
    ['leave.toDate', leave.toDate],
  ] as const) {
    if (!isRealDate(value)) v.push({ path, reason: 'DATE', message: '日期应为有效的 YYYY-MM-DD' });
  }
  if (v.length === 0 && leave.toDate < leave.fromDate) {
    v.push({ path: 'leave.toDate', reason: 'RANGE', message: '请假结束日期不能早于开始日期' });
  }
  if (v.length === 0 && leave.toDate < today) {
    v.push({ path: 'leave.toDate', reason: 'PAST', message: '不能补登已经结束的请假' });
  }
  v.push(...textViolations('leave.reason', leave.reason, { label: '请假事由', min: 2, max: 100 }));
  return v;
}

export function recordLeave(staff: Staff, leave: Leave, now: Date): { staff: Staff; events: StaffEvent[] } {
  const clean = { ...leave, reason: normalizeText(leave.reason) };
  const next: Staff = {
    ...staff,
    leaves: [...staff.leaves, clean].sort((a, b) => a.fromDate.localeCompare(b.fromDate)),
    updatedAt: now,
    version: staff.version + 1,
  };
  return { staff: next, events: [{ type: 'StaffLeaveRecorded', staff: next, leave: clean }] };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Checks cancelling (no `toDate`) or shortening (a new `toDate`) the leave that starts on `fromDate`. A leave
 * already over stays as it was (it is the record of who served); a shortened leave ends between its first day
 * and its old last day, at the earliest yesterday (the person is back today).
 */
export function validateLeaveEnd(
  staff: Staff,
  fromDate: string,
  toDate: string | undefined,
  today: string,
): Violation[] {
  const leave = staff.leaves.find((l) => l.fromDate === fromDate);
  if (!leave) return [{ path: 'fromDate', reason: 'NOT_FOUND', message: `没有自 ${fromDate} 起的请假` }];
  if (leave.toDate < today) {
    return [{ path: 'fromDate', reason: 'PAST', message: '这次请假已经结束，不能再撤销或提前结束' }];
  }
  if (toDate === undefined) return [];
  if (!isRealDate(toDate)) return [{ path: 'toDate', reason: 'DATE', message: '日期应为有效的 YYYY-MM-DD' }];
  const earliest = fromDate > addDays(today, -1) ? fromDate : addDays(today, -1);
  if (toDate < earliest || toDate >= leave.toDate) {
    return [
      {
        path: 'toDate',
        reason: 'RANGE',
        message: `提前结束的日期应在 ${earliest} 至 ${addDays(leave.toDate, -1)} 之间（最后一天请假的日期）`,
      },
    ];
  }
  return [];
}

/** Cancels (no `toDate`) or shortens the leave starting on `fromDate`, already checked by validateLeaveEnd. */
export function endLeave(
  staff: Staff,
  fromDate: string,
  toDate: string | undefined,
  now: Date,
): { staff: Staff; events: StaffEvent[] } {
  const leave = staff.leaves.find((l) => l.fromDate === fromDate)!;
  const leaves =
    toDate === undefined
      ? staff.leaves.filter((l) => l !== leave)
      : staff.leaves.map((l) => (l === leave ? { ...l, toDate } : l));
  const next: Staff = { ...staff, leaves, updatedAt: now, version: staff.version + 1 };
  return {
    staff: next,
    events: [{ type: 'StaffLeaveEnded', staff: next, leave, ...(toDate ? { endedOn: toDate } : {}) }],
  };
}

export function leaveOverlaps(staff: Staff, leave: Leave): boolean {
  return staff.leaves.some((l) => l.fromDate <= leave.toDate && leave.fromDate <= l.toDate);
}

/** The reason a staff account is disabled (2-200 characters, the shared text rule). */
export function disableReasonViolations(reason: string): Violation[] {
  return textViolations('reason', reason, { label: '停用原因', min: 2, max: 200 });
}

export function disableStaff(staff: Staff, reason: string, now: Date): { staff: Staff; events: StaffEvent[] } {
  const next: Staff = {
    ...staff,
    status: 'disabled',
    disabledReason: normalizeText(reason),
    updatedAt: now,
    version: staff.version + 1,
  };
  return { staff: next, events: [{ type: 'StaffDisabled', staff: next }] };
}

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
