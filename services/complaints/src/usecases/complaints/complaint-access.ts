import { hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { maskEmail, maskName, maskPhone } from '@govhall/identifiers';
import { ForbiddenError } from '@govhall/errors';
import type { Complaint, HandlingOffice } from '../../domain/complaints/complaint';

/** Roles that read every complaint of a tenant they reach (their own, and those below). */
const OVERSEERS: readonly Role[] = ['center_admin', 'supervisor'];

/**
 * The offices `actor` staffs (C11, C15): supervisors the supervision office; complaint handlers of the legal-affairs
 * department (`legalAffairs`) that window; the center's other complaint handlers the coordination office.
 */
export function officesOf(
  actor: Principal,
  legalAffairs: string,
): { office: HandlingOffice; officeDepartment: string }[] {
  if (actor.kind !== 'user') return [];
  const offices: { office: HandlingOffice; officeDepartment: string }[] = [];
  if (hasAnyRole(actor, ['supervisor'])) offices.push({ office: 'supervision', officeDepartment: '' });
  if (hasAnyRole(actor, ['complaint_handler'])) {
    offices.push(
      actor.department === legalAffairs
        ? { office: 'legal_affairs', officeDepartment: legalAffairs }
        : { office: 'coordination', officeDepartment: '' },
    );
  }
  return offices;
}

/** Whether `actor` works in the office that handles `c` (its own tenant). */
export function handles(actor: Principal, c: Complaint, legalAffairs: string): boolean {
  return (
    actor.kind === 'user' &&
    actor.tenant === c.tenant &&
    officesOf(actor, legalAffairs).some((o) => o.office === c.office && o.officeDepartment === c.officeDepartment)
  );
}

const isTargetHead = (actor: Principal, c: Complaint) =>
  actor.kind === 'user' &&
  hasAnyRole(actor, ['department_head']) &&
  actor.tenant === c.tenant &&
  !!actor.department &&
  actor.department === c.target.department;

const isComplainant = (actor: Principal, c: Complaint) =>
  actor.kind === 'user' && !!c.complainant.subject && actor.subject === c.complainant.subject;

/**
 * Whether `actor` is the 首问责任人 who entered `c` (a visit, call, letter or box slip): they took down the complainant
 * and the attachments themselves, and follow it for the complainant who comes back or calls again.
 */
const isRecorder = (actor: Principal, c: Complaint) =>
  actor.kind === 'user' && !!c.receivedBy && actor.username === c.receivedBy && actor.tenant === c.tenant;

/**
 * Whether `actor` reads `c`: its handlers, the tenant's overseers (and above), the target's head, the complainant,
 * the member of staff who entered it.
 */
export function mayRead(actor: Principal, c: Complaint, legalAffairs: string): boolean {
  if (actor.kind !== 'user') return false;
  const overseer = OVERSEERS.filter((r) => actor.roles.includes(r));
  if (overseer.length > 0 && tenantScope(actor, overseer, 'read', c.tenant)) return true;
  return handles(actor, c, legalAffairs) || isTargetHead(actor, c) || isComplainant(actor, c) || isRecorder(actor, c);
}

/**
 * Whether `actor` downloads `c`'s attachments (photos and letters may show anyone: no masking is possible): its
 * complainant, the member of staff who entered it (and uploaded them), its handling office, supervisors of the
 * tenant (and above).
 */
export function mayDownload(actor: Principal, c: Complaint, legalAffairs: string): boolean {
  if (actor.kind !== 'user') return false;
  if (hasAnyRole(actor, ['supervisor']) && tenantScope(actor, ['supervisor'], 'read', c.tenant)) return true;
  return handles(actor, c, legalAffairs) || isComplainant(actor, c) || isRecorder(actor, c);
}

/** Accepting, refusing and answering: the handling office's staff. */
export function requireHandler(actor: Principal, c: Complaint, legalAffairs: string): void {
  if (!handles(actor, c, legalAffairs)) {
    throw new ForbiddenError('NOT_HANDLER', '只有负责该投诉的受理部门人员可以办理');
  }
}

/** Voting on the answer: the signed-in complainant. */
export function requireComplainant(actor: Principal, c: Complaint): void {
  if (!isComplainant(actor, c)) throw new ForbiddenError('NOT_COMPLAINANT', '只有投诉人本人可以评价答复');
}

/**
 * The complaint as `actor` reads it: whole for its handlers, its complainant and the member of staff who entered it;
 * for anyone else (the tenant's overseers, the target's head) the complainant's name, phone and e-mail masked; the
 * attachments only for those who may download them (mayDownload).
 */
export function visibleTo(actor: Principal, c: Complaint, legalAffairs: string): Complaint {
  if (handles(actor, c, legalAffairs) || isComplainant(actor, c) || isRecorder(actor, c)) return c;
  const p = c.complainant;
  return {
    ...c,
    attachments: mayDownload(actor, c, legalAffairs) ? c.attachments : [],
    complainant: {
      name: p.name ? maskName(p.name) : '',
      phone: p.phone ? maskPhone(p.phone) : '',
      email: p.email ? maskEmail(p.email) : '',
      subject: '',
    },
  };
}

/**
 * Whether `actor` oversees `tenant`'s complaints (a center administrator or supervisor of it or above: every complaint
 * of the tenant). An overseer of another region is refused (TENANT_OUT_OF_SCOPE), anyone else answered no.
 */
export function oversees(actor: Principal, tenant: string): boolean {
  const overseer = OVERSEERS.filter((r) => actor.roles.includes(r));
  if (overseer.length === 0) return false;
  if (!tenantScope(actor, overseer, 'read', tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区（及下级地区）的投诉');
  }
  return true;
}

export { OVERSEERS };
