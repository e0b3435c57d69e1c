import { chinaDate } from '@govhall/identifiers';
import { caseViolationId } from './case-violation-detectors';
import { evidence, type NewViolation } from './violation';

/** What the detector reads of a RectificationOverdue event (govhall.complaints.rectification). */
export interface RectificationOverdueFacts {
  eventId: string;
  occurredAt: Date;
  tenant: string;
  /** The rectification's id (its bad rating's): part of the violation's id. */
  rectificationId: string;
  /** A completed case's rating, or a counter visit's. */
  subject: 'case' | 'visit';
  caseId: string;
  caseNumber: string;
  itemName: string;
  /** The rated department and window. */
  department: string;
  windowId: string;
  /** 1 or 2 (a bad rating). */
  level: number;
  ratedAt: Date | undefined;
  /** The last day (China date). */
  deadline: string;
  /** The handler's login; empty while the department head has named none. */
  handler: string;
  handlerName: string;
  /** 整改中 or 申诉中. */
  appealed: boolean;
}

const LEVELS: Record<number, string> = { 1: '非常不满意', 2: '不满意' };

/**
 * 差评整改超期: a rectification past its deadline and not closed is a violation of the rated department (its handler
 * named as the person, when there is one). One per rectification, id `<rectification id>.rectification-late`, so a
 * replayed event records nothing new. Without a rectification or a deadline there is nothing to record it under.
 */
export function rectificationLate(f: RectificationOverdueFacts): NewViolation[] {
  if (!f.rectificationId || !f.tenant || !f.deadline) return [];
  const rated = f.subject === 'case' ? `办件${f.caseNumber}（${f.itemName}）` : '窗口现场服务';
  const level = LEVELS[f.level] ?? '差评';
  const handler = f.handler ? `${f.handlerName || f.handler}（${f.handler}）` : '未指定（由部门负责人办理）';
  return [
    {
      id: caseViolationId(f.rectificationId, 'rectification_late'),
      tenant: f.tenant,
      kind: 'rectification_late',
      summary: `${rated}的差评（${level}）整改期限为${f.deadline}，逾期仍未办结${f.appealed ? '（申诉待监察室决定）' : ''}`,
      evidence: [
        evidence('整改编号', f.rectificationId, f.eventId),
        ...(f.subject === 'case'
          ? [evidence('办件编号', f.caseNumber, f.eventId)]
          : [evidence('评价对象', '窗口现场服务', f.eventId)]),
        evidence('评价等级', level, f.eventId),
        ...(f.ratedAt ? [evidence('评价日期', chinaDate(f.ratedAt), f.eventId)] : []),
        evidence('整改期限', f.deadline, f.eventId),
        evidence('整改状态', f.appealed ? '申诉中' : '整改中', f.eventId),
        evidence('承办人', handler, f.eventId),
      ],
      occurredDate: chinaDate(f.occurredAt),
      matterId: f.caseId,
      caseNumber: f.caseNumber,
      itemName: f.itemName,
      department: f.department,
      windowId: f.windowId,
      person: f.handler,
    },
  ];
}
