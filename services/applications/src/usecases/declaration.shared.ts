import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Contact } from '../domain/case';
import type { CaseActor } from '../domain/case-events';

const MOBILE = /^1[3-9]\d{9}$/;
// The HTML living standard's e-mail address (what a browser's type=email accepts), with a dot in the domain.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Where notifications go (A15): a mainland mobile number, an e-mail address or none. */
export function contactViolations(contact: Contact, path = 'contact'): Violation[] {
  const v: Violation[] = [];
  if (contact.mobile !== '' && !MOBILE.test(contact.mobile)) {
    v.push({ path: `${path}.mobile`, reason: 'PATTERN', message: '手机号码应为11位，以1开头，如 13909351234' });
  }
  if (contact.email !== '' && (contact.email.length > 254 || !EMAIL.test(contact.email))) {
    v.push({ path: `${path}.email`, reason: 'PATTERN', message: '电子邮箱格式不正确，如 zhangsan@example.cn' });
  }
  return v;
}

export function normalizeContact(contact: Partial<Contact> | undefined): Contact {
  return { mobile: (contact?.mobile ?? '').trim(), email: (contact?.email ?? '').trim() };
}

/** The applicant acting on their case, as the history records it. */
export function applicantActor(actor: Principal): CaseActor {
  return { username: actor.username, role: 'applicant' };
}

/** Statuses in which the applicant edits the application (A17: drafts; fixing after a return or a notice). */
export const EDITABLE = ['draft', 'returned', 'supplement'] as const;
