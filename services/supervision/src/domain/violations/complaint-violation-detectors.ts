import { chinaDate } from '@govhall/identifiers';
import {
  COMPLAINT_FINDING_NAMES,
  COMPLAINT_KIND_NAMES,
  COMPLAINT_TARGET_KIND_NAMES,
  COMPLAINT_TYPE_NAMES,
  HANDLING_OFFICE_NAMES,
  type ComplaintFindingCode,
  type ComplaintKindCode,
  type ComplaintTargetKindCode,
  type ComplaintTypeCode,
  type HandlingOfficeCode,
} from '@govhall/labels';
import { caseViolationId } from './case-violation-detectors';
import { evidence, type NewViolation } from './violation';

/**
 * What the detectors read of a complaint event (govhall.complaints.complaint). Never the complainant (the events
 * carry no name, phone or e-mail, and supervision reads none), the complaint's content or the answer's text: either
 * may repeat the complainant's name or numbers, and a violation is read by many.
 */
export interface ComplaintEventFacts {
  /** The complaints service's sweep reported a clock past its day, or the handling office answered. */
  event: 'acceptance_overdue' | 'reply_overdue' | 'replied';
  eventId: string;
  occurredAt: Date;
  tenant: string;
  /** The complaint's id: part of the violation's id. */
  complaintId: string;
  /** 投诉编号, e.g. TS6203212026120600001. */
  number: string;
  type: ComplaintTypeCode | undefined;
  kind: ComplaintKindCode | undefined;
  /**
   * What it is about: a department (its code), a window (its id), a member of staff (the login), a case (its id;
   * the name is `<case number>（<item name>）`), or none; `department` is the one the target belongs to.
   */
  target: { kind: ComplaintTargetKindCode | undefined; id: string; name: string; department: string };
  office: HandlingOfficeCode | undefined;
  /** The department whose staff handle it (legal affairs); '' for a tenant-wide office. */
  officeDepartment: string;
  receivedAt: Date | undefined;
  /** 首问责任人 of a complaint entered by staff ('' for one filed online). */
  receivedBy: string;
  /** China dates: the last day to accept, and (once accepted) to answer. */
  acceptBy: string;
  replyBy: string;
  acceptedAt: Date | undefined;
  /** Who accepted it: the handler of the answer. */
  acceptedBy: string;
  /** How the answer classes it (undefined before the answer). */
  finding: ComplaintFindingCode | undefined;
  repliedBy: string;
  repliedAt: Date | undefined;
}

/** The two clocks of a complaint (C9): accepted within a working day, answered within five of the acceptance. */
const CLOCKS = {
  acceptance: { slug: 'complaint-acceptance-late', act: '受理', deadline: '受理期限' },
  reply: { slug: 'complaint-reply-late', act: '答复', deadline: '答复期限' },
} as const;

/**
 * Supervision's records of complaints: each clock past its day (投诉办理超时, reported once by the complaints
 * service's sweep) is a violation of the handling office; an answer classed 合理 (有效投诉) is a violation of the
 * complaint's target, so an accountability proposal can rest on it. 无效 and 错误 answers record nothing. Ids come
 * from the complaint and the clock (or the finding), so a replayed event records nothing new.
 */
export function complaintViolations(f: ComplaintEventFacts): NewViolation[] {
  if (!f.complaintId || !f.tenant) return [];
  if (f.event === 'acceptance_overdue') return complaintLate(f, 'acceptance', f.acceptBy);
  if (f.event === 'reply_overdue') return complaintLate(f, 'reply', f.replyBy);
  return f.finding === 'justified' ? complaintJustified(f) : [];
}

/** 投诉TS…（行政效能和工作作风）, or 举报TS… */
const complaintName = (f: ComplaintEventFacts) =>
  `${COMPLAINT_TYPE_NAMES[f.type ?? 'complaint']}${f.number}（${f.kind ? COMPLAINT_KIND_NAMES[f.kind] : '未分类'}）`;

/** 效能监察室, or 法制办窗口（620321-SFJ） where the office is a department's. */
function officeName(f: ComplaintEventFacts): string {
  const office = f.office ? HANDLING_OFFICE_NAMES[f.office] : '办理单位';
  return f.officeDepartment ? `${office}（${f.officeDepartment}）` : office;
}

/** 超期: one violation per clock, of the handling office; the handler is named once the complaint was accepted. */
function complaintLate(f: ComplaintEventFacts, clock: keyof typeof CLOCKS, deadline: string): NewViolation[] {
  if (!deadline) return [];
  const c = CLOCKS[clock];
  const handler = clock === 'reply' ? f.acceptedBy : '';
  const office = officeName(f);
  const at = (label: string, when: Date | undefined) => (when ? [evidence(label, chinaDate(when), f.eventId)] : []);
  return [
    {
      id: `${f.complaintId}.${c.slug}`,
      tenant: f.tenant,
      kind: 'complaint_late',
      summary: `${complaintName(f)}的${c.deadline}为${deadline}，${office}逾期仍未${c.act}`,
      evidence: [
        evidence('投诉编号', f.number, f.eventId),
        evidence('办理单位', office, f.eventId),
        ...at('收到日期', f.receivedAt),
        ...(clock === 'reply' ? at('受理日期', f.acceptedAt) : []),
        evidence(c.deadline, deadline, f.eventId),
        // The day the complaints service's sweep found the clock past its day (it reports each clock once).
        evidence('超期时间', chinaDate(f.occurredAt), f.eventId),
        ...(handler ? [evidence('承办人', handler, f.eventId)] : []),
        ...(f.receivedBy ? [evidence('首问责任人', f.receivedBy, f.eventId)] : []),
      ],
      occurredDate: chinaDate(f.occurredAt),
      department: f.officeDepartment,
      person: handler,
    },
  ];
}

/** A case target's name: `<case number>（<item name>）`. */
const CASE_NAME = /^([^（]*)（(.*)）$/;

type Where = Required<
  Pick<NewViolation, 'department' | 'windowId' | 'person' | 'matterId' | 'caseNumber' | 'itemName'>
>;
const NOWHERE: Where = { department: '', windowId: '', person: '', matterId: '', caseNumber: '', itemName: '' };

/** Whom a justified complaint is against: the violation's department, window, person or case, and how it reads. */
function targetOf(t: ComplaintEventFacts['target']): Where & { named: string } {
  const kindName = t.kind ? COMPLAINT_TARGET_KIND_NAMES[t.kind] : '';
  switch (t.kind) {
    case 'department':
      return { ...NOWHERE, department: t.department || t.id, named: `${kindName}${t.name}（${t.id}）` };
    case 'window':
      return { ...NOWHERE, department: t.department, windowId: t.id, named: `${kindName}${t.name}` };
    case 'staff':
      return { ...NOWHERE, department: t.department, person: t.id, named: `${kindName}${t.name}（${t.id}）` };
    case 'case': {
      const [, caseNumber = t.name, itemName = ''] = CASE_NAME.exec(t.name) ?? [];
      return {
        ...NOWHERE,
        department: t.department,
        matterId: t.id,
        caseNumber,
        itemName,
        named: `${kindName}${t.name}`,
      };
    }
    default:
      return { ...NOWHERE, named: '未指定对象（大厅环境等一般事项）' };
  }
}

/** 有效投诉: the answer classed the complaint 合理; one violation of its target. */
function complaintJustified(f: ComplaintEventFacts): NewViolation[] {
  const { named, ...where } = targetOf(f.target);
  const office = officeName(f);
  return [
    {
      id: caseViolationId(f.complaintId, 'complaint_justified'),
      tenant: f.tenant,
      kind: 'complaint_justified',
      summary: `${complaintName(f)}经${office}认定为${COMPLAINT_FINDING_NAMES.justified}，被投诉对象为${named}`,
      evidence: [
        evidence('投诉编号', f.number, f.eventId),
        evidence('被投诉对象', named, f.eventId),
        evidence('办理单位', office, f.eventId),
        evidence('认定结果', COMPLAINT_FINDING_NAMES.justified, f.eventId),
        ...(f.repliedBy ? [evidence('答复人', f.repliedBy, f.eventId)] : []),
        evidence('答复日期', chinaDate(f.repliedAt ?? f.occurredAt), f.eventId),
      ],
      occurredDate: chinaDate(f.repliedAt ?? f.occurredAt),
      ...where,
    },
  ];
}
