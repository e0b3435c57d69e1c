import { chinaDate } from '@govhall/identifiers';
import { caseViolationId } from './case-violation-detectors';
import { evidence, type NewViolation } from './violation';

/** What the detector reads of a StaffMarkPaidRefused event (govhall.payments.notice). */
export interface StaffMarkPaidFacts {
  eventId: string;
  occurredAt: Date;
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  noticeNumber: string;
  /** Username of the member of staff who tried, with their roles and department. */
  actor: string;
  roles: string[];
  department: string;
  /** 1 for the notice's first attempt, then 2, 3 …: part of the violation's id. */
  attempt: number;
  reason: string;
}

/**
 * 收缴分离: a member of staff tried to mark a payment notice paid (the payments service refused it). One violation per
 * attempt, id `<case id>.payment-marked-by-staff.<attempt>`, so a replayed event records nothing new. Without a case
 * or an attempt number there is nothing to record it under.
 */
export function paymentMarkedByStaff(f: StaffMarkPaidFacts): NewViolation[] {
  if (!f.caseId || !Number.isSafeInteger(f.attempt) || f.attempt < 1) return [];
  const notice = f.noticeNumber || '（未开具）';
  return [
    {
      id: caseViolationId(f.caseId, 'payment_marked_by_staff', f.attempt),
      tenant: f.tenant,
      kind: 'payment_marked_by_staff',
      summary: `工作人员${f.actor}试图将办件${f.caseNumber}的缴款通知书${notice}标记为已缴费（第${f.attempt}次），违反收缴分离规定，已被系统拒绝`,
      evidence: [
        evidence('办件编号', f.caseNumber, f.eventId),
        evidence('缴款通知书编号', notice, f.eventId),
        evidence('操作人员', f.actor, f.eventId),
        evidence('操作人员角色', f.roles.join('、') || '（无）', f.eventId),
        evidence('尝试次数', String(f.attempt), f.eventId),
        ...(f.reason ? [evidence('系统拒绝理由', f.reason, f.eventId)] : []),
      ],
      occurredDate: chinaDate(f.occurredAt),
      matterId: f.caseId,
      caseNumber: f.caseNumber,
      itemName: f.itemName,
      department: f.department,
      person: f.actor,
    },
  ];
}
