import type { Principal } from '@govhall/auth';
import { parseFormData } from '@govhall/content';
import type { Violation } from '@govhall/errors';
import type { Case, Contact } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { ensureStatus } from '../../domain/case-status';
import { APPLICANT_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { EDITABLE, applicantActor, contactViolations, normalizeContact } from '../declaration.shared';

export interface UpdateDraftCommand {
  id: string;
  expectedVersion: number;
  formData: string;
  /** Replaced when given. */
  contact?: Partial<Contact>;
}

/**
 * Replaces the form data (and contact) of a draft, or of a returned or supplement case being fixed (A17: any number
 * of times). Only the JSON shape is checked now; the edition's schema judges it at submission.
 */
export function updateDraftUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'clock'>) {
  return async (command: UpdateDraftCommand, actor: Principal): Promise<Case> => {
    const form = parseFormData(command.formData);
    const contact = command.contact ? normalizeContact(command.contact) : undefined;
    const extra: Violation[] = [...(form.ok ? [] : [form.violation]), ...(contact ? contactViolations(contact) : [])];
    const c = await loadForAct(deps, command, actor, APPLICANT_ACTS, extra);
    ensureStatus(c, EDITABLE, '修改申请内容');
    const { case: next } = transition(c, {
      action: '保存申请内容',
      actor: applicantActor(actor),
      at: deps.clock.now(),
      changes: {
        formData: JSON.stringify(form.ok ? form.value : {}),
        ...(contact ? { contact: { mobile: contact.mobile || c.contact.mobile, email: contact.email } } : {}),
      },
    });
    return deps.cases.save(next, c.version, [], actor);
  };
}
