import type { Principal } from '@govhall/auth';
import { receivedDate as receiptDate } from '@govhall/calendar';
import { formDataViolations } from '@govhall/content';
import { PreconditionError, ValidationError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { hallHours } from '../../domain/case-settings';
import { transition } from '../../domain/case-events';
import { NOTICE_WORKING_DAYS, noticeDueDate } from '../../domain/clocks/deadline';
import { ensureStatus } from '../../domain/case-status';
import { materialProvided, preReview } from '../../domain/pre-review/pre-review';
import {
  APPLICANT_ACTS,
  caseResource,
  ensureVersion,
  expectedVersionViolations,
  idViolations,
  idempotencyKeyViolations,
  requireVisibleCase,
  throwIfInvalid,
} from '../case.policies';
import type { DeclarationDeps } from '../declaration.ports';
import { EDITABLE, applicantActor } from '../declaration.shared';
import { itemNotFound } from '../open-case/open-case.usecase';

export interface SubmitCaseCommand {
  id: string;
  expectedVersion: number;
  idempotencyKey: string;
}

/**
 * Submits a draft, or resubmits a returned or supplement case, with an idempotency key (a repeat with a key
 * already used returns the case as it is). The form is validated against the edition's JSON Schema (nothing
 * stored when it fails), the upload must be complete (A17) unless nothing needs a file, then the automatic
 * pre-review (A20) decides: problems → RETURNED with the list; none → PRE_REVIEW at the window serving the item,
 * numbered at first submission, with the day of receipt, the §32 notice due date, the responsible clerk and the
 * printable application copy (A19).
 */
export function submitCaseUseCase(
  deps: Pick<
    DeclarationDeps,
    'cases' | 'authorizer' | 'editions' | 'settings' | 'calendars' | 'caseNumbers' | 'windows' | 'documents' | 'clock'
  >,
) {
  return async (command: SubmitCaseCommand, actor: Principal): Promise<Case> => {
    throwIfInvalid([
      ...idViolations(command.id),
      ...expectedVersionViolations(command.expectedVersion),
      ...idempotencyKeyViolations(command.idempotencyKey),
    ]);
    const c = await requireVisibleCase(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', caseResource(c), APPLICANT_ACTS);
    // A retried submission (answer lost on the way) gets the case as the first one left it.
    if (c.submitKeys.includes(command.idempotencyKey)) return c;
    ensureVersion(c, command.expectedVersion);
    ensureStatus(c, EDITABLE, '提交');

    const edition = await deps.editions.get(c.itemId);
    if (!edition) throw itemNotFound();
    const formData: unknown = JSON.parse(c.formData || '{}');
    const formProblems = formDataViolations(edition.formSchema, formData);
    if (formProblems.length > 0) {
      throw new ValidationError(formProblems, '申请表填写有误，请按提示修改后重新提交', 'FORM_DATA_INVALID');
    }
    const needsFiles = c.materials.some((m) => m.files.length > 0 || (m.required && !materialProvided(m)));
    if (needsFiles && !c.uploadComplete) {
      throw new PreconditionError('UPLOAD_NOT_COMPLETE', '请先确认材料“上传完毕”再提交');
    }

    const at = deps.clock.now();
    const settings = await deps.settings.get(c.tenant);
    const problems = preReview({
      commonRules: settings.commonRules,
      itemRules: edition.rules,
      formData,
      materials: c.materials,
      today: at,
    });
    const submitKeys = [...c.submitKeys, command.idempotencyKey];
    const who = applicantActor(actor);

    if (problems.length > 0) {
      const { case: next, event } = transition(c, {
        action: '提交申请，自动预审未通过，退回修改',
        transition: 'returned',
        to: 'returned',
        actor: who,
        at,
        reason: problems.map((p) => p.message).join('；'),
        detail: { problems },
        changes: { problems, submitKeys },
      });
      return deps.cases.save(next, c.version, event ? [event] : [], actor);
    }

    // The day of this receipt in China (收件日; after the hall's closing time, the next day — A34, ADR 0026); the
    // case keeps the day it was first received.
    const today = receiptDate(at, hallHours(settings));
    const receivedDate = c.clocks.receivedDate || today;
    const calendar = await deps.calendars.forTenant(c.tenant);
    const window = await deps.windows.serving(c.tenant, c.department, today);
    if (!window) {
      throw new PreconditionError('NO_WINDOW', '暂无窗口受理该部门的事项，请联系政务服务中心后再提交');
    }
    const caseNumber = c.caseNumber || (await deps.caseNumbers.next(c.tenant, receivedDate));
    const submitted: Case = {
      ...c,
      caseNumber,
      problems: [],
      submitKeys,
      submittedAt: c.submittedAt ?? at,
      windowId: window.windowId,
      responsible: window.responsible,
      clocks: {
        ...c.clocks,
        receivedDate,
        // Each (re)submission into pre-review is a receipt the window must answer within §32's five days.
        noticeDueDate: noticeDueDate(calendar, today, NOTICE_WORKING_DAYS),
      },
      status: 'pre_review',
    };
    const copy = await deps.documents.issue(submitted, 'application_copy', actor.username);
    const { case: next, event } = transition(c, {
      action: c.status === 'supplement' ? '补正后重新提交申请' : '提交申请，自动预审通过，待窗口预审',
      transition: 'submitted',
      to: 'pre_review',
      actor: who,
      at,
      detail: { documents: [copy] },
      changes: {
        caseNumber,
        problems: [],
        submitKeys,
        submittedAt: submitted.submittedAt,
        windowId: submitted.windowId,
        responsible: submitted.responsible,
        clocks: submitted.clocks,
      },
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
