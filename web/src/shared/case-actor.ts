import type { Case } from '../api/types';
import { STAFF_ROLE } from './labels';

type HistoryEntry = Case['history'][number];

/**
 * Who acted, as a reader should see it: staff by role and login; the applicant as 申请人 (their login is their ID
 * number, which a history line must not repeat); the system's own acts (deemed acceptance, deadlines) as 系统; a
 * department's own approval system (its decision on a delegated case, reported by joint review) by its account.
 */
export function actorOf(h: Pick<HistoryEntry, 'actor' | 'actorRole'>): string {
  if (h.actorRole === 'applicant') return '申请人';
  if (h.actorRole === 'system' || h.actor === 'system') return '系统';
  if (h.actorRole === 'department_system') return `部门审批系统 ${h.actor}`;
  const role = h.actorRole ? (STAFF_ROLE as Record<string, string>)[h.actorRole] : undefined;
  return role ? `${role} ${h.actor}` : h.actor;
}
