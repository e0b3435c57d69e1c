import {
  COMPLAINT_CHANNEL_NAMES,
  COMPLAINT_FINDING_NAMES,
  COMPLAINT_KIND_NAMES,
  COMPLAINT_STATUS_NAMES,
  COMPLAINT_TARGET_KIND_NAMES,
  COMPLAINT_TYPE_NAMES,
  HANDLING_OFFICE_NAMES,
  REPLY_SATISFACTION_NAMES,
} from '@govhall/labels';
import type { Complaint, ComplaintFinding, ComplaintKind, ComplaintStatus, ComplaintTargetKind } from '../api/types';

/* The words of a complaint (投诉和举报) in the portal and the workbench, typed by the generated client. */

export const COMPLAINT_STATUS: Readonly<Record<ComplaintStatus, string>> = COMPLAINT_STATUS_NAMES;
export const COMPLAINT_TYPE: Readonly<Record<Complaint['type'], string>> = COMPLAINT_TYPE_NAMES;
export const COMPLAINT_KIND: Readonly<Record<ComplaintKind, string>> = COMPLAINT_KIND_NAMES;
export const COMPLAINT_CHANNEL: Readonly<Record<Complaint['channel'], string>> = COMPLAINT_CHANNEL_NAMES;
export const COMPLAINT_TARGET_KIND: Readonly<Record<ComplaintTargetKind, string>> = COMPLAINT_TARGET_KIND_NAMES;
export const COMPLAINT_FINDING: Readonly<Record<ComplaintFinding, string>> = COMPLAINT_FINDING_NAMES;
export const HANDLING_OFFICE: Readonly<Record<Complaint['office'], string>> = HANDLING_OFFICE_NAMES;
export const REPLY_SATISFACTION: Readonly<Record<Exclude<Complaint['satisfaction'], ''>, string>> =
  REPLY_SATISFACTION_NAMES;

/** Tag colour of a state: orange waiting for the office, blue being handled, green answered, grey refused. */
export const COMPLAINT_STATUS_COLOR: Readonly<Record<ComplaintStatus, string>> = {
  received: 'orange',
  accepted: 'blue',
  rejected: 'default',
  replied: 'green',
  closed: 'green',
};

/** Which office takes each kind (C15, C16), said where the complainant chooses the kind. */
export const KIND_OFFICE: Readonly<Record<ComplaintKind, string>> = {
  efficiency: HANDLING_OFFICE_NAMES.supervision,
  law_enforcement: HANDLING_OFFICE_NAMES.legal_affairs,
  reconsideration: HANDLING_OFFICE_NAMES.legal_affairs,
  service: HANDLING_OFFICE_NAMES.coordination,
};

/** The clock a complaint is on, in words: when it must be accepted or answered, and whether that has passed. */
export function complaintClock(
  c: Pick<Complaint, 'status' | 'acceptBy' | 'replyBy' | 'acceptanceOverdue' | 'replyOverdue'>,
): {
  text: string;
  late: boolean;
} {
  if (c.status === 'received') {
    return { text: `${c.acceptBy}前受理${c.acceptanceOverdue ? '（已超期）' : ''}`, late: c.acceptanceOverdue };
  }
  if (c.status === 'accepted') {
    return { text: `${c.replyBy}前答复${c.replyOverdue ? '（已超期）' : ''}`, late: c.replyOverdue };
  }
  return { text: '—', late: false };
}

/**
 * The acts a member of staff is offered on a complaint in its state. Whether they may is the complaints service's
 * rule (the supervision office's supervisors; the legal-affairs window's and the center's complaint handlers); the
 * page offers the acts to the roles that staff an office, and shows the service's refusal otherwise.
 */
export function complaintActs(
  roles: readonly string[],
  c: Pick<Complaint, 'status' | 'office'>,
): { accept: boolean; reply: boolean } {
  const staffsOffice = c.office === 'supervision' ? roles.includes('supervisor') : roles.includes('complaint_handler');
  return { accept: staffsOffice && c.status === 'received', reply: staffsOffice && c.status === 'accepted' };
}

/** The channels staff enter a complaint from, the one who received it its 首问责任人 (ADR 0066). */
export type StaffChannel = Extract<Complaint['channel'], 'visit' | 'phone' | 'letter' | 'box'>;
export const STAFF_CHANNELS: readonly StaffChannel[] = ['visit', 'phone', 'letter', 'box'];

/** Roles that read a list of complaints (the gateway's readers; how far each reaches is the service's rule). */
const READERS = ['center_admin', 'supervisor', 'complaint_handler', 'department_head'];

/** Whether a member of staff with `roles` reads the list of complaints in 投诉处理. */
export function readsComplaints(roles: readonly string[]): boolean {
  return roles.some((r) => READERS.includes(r));
}
