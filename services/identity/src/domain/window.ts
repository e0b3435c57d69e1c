import type { Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';
import type { StaffFact } from '../usecases/staff-facts.port';

/** department 部门窗口: accepts for one department; comprehensive 综合窗口: for several. */
export const WINDOW_KINDS = ['department', 'comprehensive'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** A service window with its A post (主岗) and B post (备岗). */
export interface Window {
  id: string;
  tenant: string;
  /** Number shown in the hall, e.g. "A03"; unique per tenant. */
  number: string;
  name: string;
  kind: WindowKind;
  /** Department the window belongs to (its head is the last resort for the queue). */
  department: string;
  /** [department] for a department window; two or more departments (department among them) otherwise. */
  servesDepartments: string[];
  aPostStaffId: string;
  bPostStaffId: string;
  location: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewWindowInput {
  tenant: string;
  number: string;
  name: string;
  /** 'department' | 'comprehensive'; anything else is reported. */
  kind: string;
  department: string;
  /** May be left empty for a department window (it serves its own department). */
  servesDepartments: string[];
  aPostStaffId: string;
  bPostStaffId: string;
  location: string;
}

/** What the post rules need to know about the window. */
export type WindowScope = Pick<Window, 'tenant' | 'kind' | 'department' | 'servesDepartments'>;

/** The people named for the posts, as the staff records know them (undefined: no such record). */
export interface PostFacts {
  a?: StaffFact;
  b?: StaffFact;
}

export type WindowEvent =
  | { type: 'WindowCreated'; window: Window }
  | { type: 'WindowPostsAssigned'; window: Window }
  | { type: 'WindowUpdated'; window: Window };

/** What an administrator may change on an existing window (the posts change through assignPosts). */
export type WindowChanges = Pick<
  NewWindowInput,
  'number' | 'name' | 'kind' | 'department' | 'servesDepartments' | 'location'
>;

const NUMBER = /^[A-Z]?\d{1,3}$/;

function isKind(kind: string): kind is WindowKind {
  return (WINDOW_KINDS as readonly string[]).includes(kind);
}

/** The departments a window serves, with an empty list of a department window read as its own department. */
export function servedDepartments(kind: string, department: string, serves: readonly string[]): string[] {
  const list = serves.map((d) => d.trim());
  return kind === 'department' && list.length === 0 ? [department.trim()] : list;
}

function validateServes(kind: WindowKind, department: string, serves: string[], known: Set<string>): Violation[] {
  const v: Violation[] = [];
  if (kind === 'department') {
    if (serves.length !== 1 || serves[0] !== department) {
      v.push({
        path: 'servesDepartments',
        reason: 'DEPARTMENT_WINDOW_SERVES',
        message: `部门窗口只受理本部门（${department}）的事项，受理部门应只填本部门`,
      });
    }
    return v;
  }
  if (new Set(serves).size !== serves.length) {
    v.push({ path: 'servesDepartments', reason: 'DUPLICATE', message: '受理部门不能重复' });
  }
  if (new Set(serves).size < 2) {
    v.push({ path: 'servesDepartments', reason: 'COUNT', message: '综合窗口应受理至少两个部门的事项' });
  }
  if (!serves.includes(department)) {
    v.push({
      path: 'servesDepartments',
      reason: 'DEPARTMENT_NOT_SERVED',
      message: `综合窗口的受理部门应包含窗口所属部门 ${department}`,
    });
  }
  serves.forEach((code, i) => {
    if (!known.has(code)) {
      v.push({
        path: `servesDepartments.${i}`,
        reason: 'NOT_FOUND',
        message: `部门 ${code} 不是本中心的进驻部门`,
      });
    }
  });
  return v;
}

/**
 * Checks a new window. `departmentCodes` are the codes of the tenant's departments; `posts` the staff records
 * found for the A and B post ids.
 */
export function validateNewWindow(
  input: NewWindowInput,
  departmentCodes: readonly string[],
  posts: PostFacts,
): Violation[] {
  const v: Violation[] = [];
  const known = new Set(departmentCodes);
  if (!NUMBER.test(input.number.trim())) {
    v.push({
      path: 'number',
      reason: 'PATTERN',
      message: '窗口编号应为1至3位数字，可加一个大写字母前缀，如 A03、12',
    });
  }
  v.push(...textViolations('name', input.name, { label: '窗口名称', min: 2, max: 50 }));
  v.push(...textViolations('location', input.location, { label: '窗口位置', max: 100 }));
  const department = input.department.trim();
  const departmentKnown = known.has(department);
  if (!departmentKnown) {
    v.push({
      path: 'department',
      reason: department === '' ? 'REQUIRED' : 'NOT_FOUND',
      message: department === '' ? '请选择窗口所属部门' : `部门 ${department} 不是本中心的进驻部门`,
    });
  }
  if (!isKind(input.kind)) {
    v.push({ path: 'kind', reason: 'ENUM', message: '窗口类型应为部门窗口或综合窗口' });
    return [...v, ...validatePostPeople(input.tenant, input.aPostStaffId, input.bPostStaffId, posts)];
  }
  const serves = servedDepartments(input.kind, department, input.servesDepartments);
  if (departmentKnown) v.push(...validateServes(input.kind, department, serves, known));
  const scope: WindowScope = { tenant: input.tenant.trim(), kind: input.kind, department, servesDepartments: serves };
  v.push(...validatePosts(scope, input.aPostStaffId, input.bPostStaffId, posts));
  return v;
}

/** Rules on the people alone: both posts named, two different people, active staff of the tenant. */
function validatePostPeople(tenant: string, aId: string, bId: string, posts: PostFacts): Violation[] {
  const v: Violation[] = [];
  const check = (path: string, label: string, id: string, fact: StaffFact | undefined) => {
    if (id.trim() === '') {
      v.push({ path, reason: 'REQUIRED', message: `请指定${label}人员` });
    } else if (!fact || fact.id !== id.trim()) {
      v.push({ path, reason: 'NOT_FOUND', message: `未找到${label}工作人员 ${id}` });
    } else if (fact.tenant !== tenant.trim()) {
      v.push({ path, reason: 'TENANT_MISMATCH', message: `${label}人员 ${fact.displayName} 不是本中心的工作人员` });
    } else if (fact.status !== 'active') {
      v.push({ path, reason: 'NOT_ACTIVE', message: `${label}人员 ${fact.displayName} 的账号未启用或已停用` });
    }
  };
  check('aPostStaffId', 'A岗（主岗）', aId, posts.a);
  check('bPostStaffId', 'B岗（备岗）', bId, posts.b);
  if (aId.trim() !== '' && aId.trim() === bId.trim()) {
    v.push({ path: 'bPostStaffId', reason: 'SAME_PERSON', message: 'A岗和B岗不能由同一人担任，请另选B岗人员' });
  }
  return v;
}

/**
 * Checks the A and B posts of a window: both required and different, active staff of the window's tenant,
 * belonging to the window's department (department window) or to one of the served departments (comprehensive).
 */
export function validatePosts(window: WindowScope, aId: string, bId: string, posts: PostFacts): Violation[] {
  const v = validatePostPeople(window.tenant, aId, bId, posts);
  const allowed = window.kind === 'department' ? [window.department] : window.servesDepartments;
  const where = window.kind === 'department' ? `本窗口所属部门 ${window.department}` : '本窗口受理的部门';
  for (const [path, label, fact] of [
    ['aPostStaffId', 'A岗（主岗）', posts.a],
    ['bPostStaffId', 'B岗（备岗）', posts.b],
  ] as const) {
    if (v.some((x) => x.path === path) || !fact) continue;
    if (!fact.department || !allowed.includes(fact.department)) {
      v.push({
        path,
        reason: 'DEPARTMENT_MISMATCH',
        message: `${label}人员 ${fact.displayName} 不属于${where}，请选择该部门的工作人员`,
      });
    }
  }
  return v;
}

/** Creates a window from input already validated by validateNewWindow. */
export function createWindow(input: NewWindowInput, id: string, now: Date): { window: Window; events: WindowEvent[] } {
  const kind = input.kind as WindowKind;
  const department = input.department.trim();
  const window: Window = {
    id,
    tenant: input.tenant.trim(),
    number: input.number.trim(),
    name: normalizeText(input.name),
    kind,
    department,
    servesDepartments: servedDepartments(kind, department, input.servesDepartments),
    aPostStaffId: input.aPostStaffId.trim(),
    bPostStaffId: input.bPostStaffId.trim(),
    location: normalizeText(input.location),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { window, events: [{ type: 'WindowCreated', window }] };
}

/** Puts new people on the posts (already validated by validatePosts). */
export function assignPosts(
  window: Window,
  aId: string,
  bId: string,
  now: Date,
): { window: Window; events: WindowEvent[] } {
  const updated: Window = {
    ...window,
    aPostStaffId: aId.trim(),
    bPostStaffId: bId.trim(),
    version: window.version + 1,
    updatedAt: now,
  };
  return { window: updated, events: [{ type: 'WindowPostsAssigned', window: updated }] };
}

/**
 * Checks changes to a window with the rules of a new one: the people on its posts must still fit the new
 * department(s), so a window never ends up served by people of another department. The posts are not among the
 * changes, so a post that no longer fits is reported at the department field that was changed (department for a
 * department window, servesDepartments for a comprehensive one).
 */
export function validateWindowChanges(
  current: Window,
  changes: WindowChanges,
  departmentCodes: readonly string[],
  posts: PostFacts,
): Violation[] {
  const at = changes.kind === 'comprehensive' ? 'servesDepartments' : 'department';
  return validateNewWindow(
    { ...changes, tenant: current.tenant, aPostStaffId: current.aPostStaffId, bPostStaffId: current.bPostStaffId },
    departmentCodes,
    posts,
  ).map((v) => (v.path === 'aPostStaffId' || v.path === 'bPostStaffId' ? { ...v, path: at } : v));
}

/** Applies changes already validated by validateWindowChanges. */
export function updateWindow(
  current: Window,
  changes: WindowChanges,
  now: Date,
): { window: Window; events: WindowEvent[] } {
  const kind = changes.kind as WindowKind;
  const department = changes.department.trim();
  const window: Window = {
    ...current,
    number: changes.number.trim(),
    name: normalizeText(changes.name),
    kind,
    department,
    servesDepartments: servedDepartments(kind, department, changes.servesDepartments),
    location: normalizeText(changes.location),
    version: current.version + 1,
    updatedAt: now,
  };
  return { window, events: [{ type: 'WindowUpdated', window }] };
}
