import type { Consultation } from '../api/types';

/* The words of a consultation (咨询) in the portal and the workbench, typed by the generated client. */

export const CONSULTATION_KIND: Readonly<Record<Consultation['kind'], string>> = {
  question: '事项咨询',
  mailbox: '领导信箱',
};
export const CONSULTATION_CHANNEL: Readonly<Record<Consultation['channel'], string>> = {
  online: '网上咨询',
  phone: '电话咨询',
  visit: '来访咨询',
  hotline: '热线咨询',
};
export const CONSULTATION_VISIBILITY: Readonly<Record<Consultation['visibility'], string>> = {
  public: '公开答疑',
  private: '单独答疑',
};
export const CONSULTATION_STATUS: Readonly<Record<Consultation['status'], string>> = {
  open: '待答复',
  answered: '已答复',
};
export const CONSULTATION_STATUS_COLOR: Readonly<Record<Consultation['status'], string>> = {
  open: 'orange',
  answered: 'green',
};

/** What a consultation is about, in a line: the item, or the leader mailbox. */
export const consultationSubject = (c: Pick<Consultation, 'kind' | 'itemName'>) =>
  c.kind === 'mailbox' ? CONSULTATION_KIND.mailbox : c.itemName;

/**
 * The acts a member of staff is offered: answering an open one (the item's department's staff, the center; the
 * mailbox only the center), curating an answered public question (the department's head, the center). The service
 * decides; the page offers what the roles and department suggest.
 */
export function consultationActs(
  staff: { roles: readonly string[]; department: string },
  c: Pick<Consultation, 'kind' | 'status' | 'visibility' | 'department'>,
): { answer: boolean; curate: boolean } {
  const center = staff.roles.includes('center_admin');
  const ofDepartment = c.kind === 'question' && staff.department !== '' && staff.department === c.department;
  const answerer =
    center ||
    (ofDepartment && ['window_clerk', 'reviewer', 'approver', 'department_head'].some((r) => staff.roles.includes(r)));
  const curator = center || (ofDepartment && staff.roles.includes('department_head'));
  return {
    answer: answerer && c.status === 'open',
    curate: curator && c.kind === 'question' && c.status === 'answered' && c.visibility === 'public',
  };
}
