import {
  STAFF_ROLES,
  decide,
  type AccessPolicy,
  type Authorizer,
  type Principal,
  type ResourceRef,
} from '@govhall/auth';
import { ConcurrencyError, NotFoundError, ValidationError, concealForbidden, type Violation } from '@govhall/errors';
import type { Case } from '../domain/case';
import type { CaseRepository } from './ports';

/**
 * Who may see a case: its applicant (whoever filed it: the natural person, or the agent for a legal person), the
 * staff of its department in its tenant (department-scoped roles), and supervisors and center admins of the tenant
 * and above. Everyone else gets CASE_NOT_FOUND, as if it did not exist (ADR 0012).
 */
export const READ_CASE: AccessPolicy = { roles: STAFF_ROLES, owner: true };
/**
 * Who sees a case at all (GetCase, its files and documents; the first gate of every act, whose own policy decides
 * then): whoever may read it, and service accounts — a department system sees its own department's cases, a
 * center platform service (no department, ADR 0053) the whole tenant's, e.g. joint review attaching a case to a
 * project.
 */
export const VIEW_CASE: AccessPolicy = { roles: [...STAFF_ROLES, 'service'], owner: true };
/** The applicant's own acts on a case (drafts, uploads, submit, withdraw). */
export const APPLICANT_ACTS: AccessPolicy = { roles: [], owner: true };
/** Window acts (pre-review, acceptance, walk-in, on-the-spot decisions): a window clerk of the case's department. */
export const WINDOW_ACTS: AccessPolicy = { roles: ['window_clerk'] };
/** Decisions: an approver of the case's department. */
export const DECIDE: AccessPolicy = { roles: ['approver'] };
/** Extension approval by the deciding department's head (law §42). */
export const HEAD_ACTS: AccessPolicy = { roles: ['department_head'] };
/** The center's review of an extension and tenant settings. */
export const CENTER_ACTS: AccessPolicy = { roles: ['center_admin'], departmentScoped: [] };

export function caseResource(c: Pick<Case, 'id' | 'tenant' | 'department' | 'applicant'>): ResourceRef {
  return { type: 'case', id: c.id, tenant: c.tenant, department: c.department, ownerSubject: c.applicant.subject };
}

/**
 * Which view of a case `viewer` gets — the one place that decides it, for every answer carrying a Case. Whoever
 * gets an answer may read the case (READ_CASE): its applicant (the natural person, or the agent who filed for a
 * legal person) gets the whole case; everyone else (staff of its department, supervisors and center admins of the
 * tenant and above, the joint-review service) gets the staff view, without the applicant's pickup code (the
 * applicant's secret to show at the window: staff check it, they never read it).
 */
export function caseViewOf(c: Pick<Case, 'id' | 'tenant' | 'department' | 'applicant'>, viewer: Principal) {
  return decide(viewer, 'read', caseResource(c), APPLICANT_ACTS).allowed ? 'applicant' : 'staff';
}

/** A step's own role, limited to the case's department (the active step of the edition's workflow). */
export function stepPolicy(role: string): AccessPolicy {
  return { roles: (STAFF_ROLES as readonly string[]).includes(role) ? [role as (typeof STAFF_ROLES)[number]] : [] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function idViolations(id: string, path = 'id'): Violation[] {
  return UUID.test(id) ? [] : [{ path, reason: 'PATTERN', message: '办件标识格式不正确' }];
}

export function idempotencyKeyViolations(key: string, path = 'idempotencyKey'): Violation[] {
  if (IDEMPOTENCY_KEY.test(key)) return [];
  return [{ path, reason: 'PATTERN', message: '幂等键应为8至64位字母、数字、下划线或连字符' }];
}

/** Optimistic concurrency needs the version the caller read (versions start at 1). */
export function expectedVersionViolations(expectedVersion: number): Violation[] {
  if (Number.isInteger(expectedVersion) && expectedVersion >= 1) return [];
  return [
    {
      path: 'expectedVersion',
      reason: 'REQUIRED',
      message: '请提供读取时的版本号（expectedVersion），以免覆盖他人的修改',
    },
  ];
}

export function throwIfInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

export const caseNotFound = () => new NotFoundError('CASE_NOT_FOUND', '未找到该办件');

/**
 * The case, if `actor` may see it (VIEW_CASE); one they may not see is CASE_NOT_FOUND exactly like one that does
 * not exist, for reads and writes alike. The write check (which role may do this act) comes after.
 */
export async function requireVisibleCase(
  deps: { cases: CaseRepository; authorizer: Authorizer },
  id: string,
  actor: Principal,
): Promise<Case> {
  const c = await deps.cases.findById(id);
  if (!c) throw caseNotFound();
  concealForbidden(() => deps.authorizer.ensure(actor, 'read', caseResource(c), VIEW_CASE), caseNotFound());
  return c;
}

/** The caller acted on what it read: someone else's change in between is refused before anything is decided. */
export function ensureVersion(c: Case, expectedVersion: number): void {
  if (c.version !== expectedVersion) throw new ConcurrencyError();
}

/**
 * The common opening of every act on an existing case: shapes, visibility, the act's policy, the version. Returns
 * the case as read.
 */
export async function loadForAct(
  deps: { cases: CaseRepository; authorizer: Authorizer },
  command: { id: string; expectedVersion: number },
  actor: Principal,
  policy: AccessPolicy,
  extraViolations: Violation[] = [],
): Promise<Case> {
  throwIfInvalid([
    ...idViolations(command.id),
    ...expectedVersionViolations(command.expectedVersion),
    ...extraViolations,
  ]);
  const c = await requireVisibleCase(deps, command.id, actor);
  deps.authorizer.ensure(actor, 'write', caseResource(c), policy);
  ensureVersion(c, command.expectedVersion);
  return c;
}
