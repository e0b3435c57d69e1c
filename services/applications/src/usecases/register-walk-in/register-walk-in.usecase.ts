import { decideActing, type Principal } from '@govhall/auth';
import { chinaToday, receivedDate } from '@govhall/calendar';
import { ForbiddenError, NotFoundError, PreconditionError, type Violation } from '@govhall/errors';
import type { Case, Contact } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { noticeDueDate } from '../../domain/clocks/deadline';
import { WINDOW_ACTS, idempotencyKeyViolations, throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';
import { actorOf, ensureAtWindow } from '../window.acts';
import type { Caller, FoundApplicant, WindowPorts } from '../window.ports';

export interface RegisterWalkInCommand {
  idempotencyKey: string;
  itemId: string;
  applicantIdCode: string;
  agentIdNumber: string;
  formData: string;
  contact: Contact;
  windowId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CODE = /^[0-9A-Za-z]{18}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

function shapeViolations(cmd: RegisterWalkInCommand): Violation[] {
  const v: Violation[] = [...idempotencyKeyViolations(cmd.idempotencyKey)];
  if (!UUID.test(cmd.itemId)) v.push({ path: 'itemId', reason: 'PATTERN', message: '事项标识格式不正确' });
  if (!CODE.test(cmd.applicantIdCode.trim())) {
    v.push({
      path: 'applicantIdCode',
      reason: 'PATTERN',
      message: '请填写申请人的18位居民身份证号码或统一社会信用代码',
    });
  }
  if (cmd.agentIdNumber && !CODE.test(cmd.agentIdNumber.trim())) {
    v.push({ path: 'agentIdNumber', reason: 'PATTERN', message: '经办人居民身份证号码应为18位' });
  }
  if (cmd.windowId && !UUID.test(cmd.windowId)) {
    v.push({ path: 'windowId', reason: 'PATTERN', message: '窗口标识格式不正确' });
  }
  if (cmd.contact.mobile && !MOBILE.test(cmd.contact.mobile)) {
    v.push({ path: 'contact.mobile', reason: 'PATTERN', message: '手机号码应为11位，以1开头' });
  }
  if (cmd.contact.email && !EMAIL.test(cmd.contact.email)) {
    v.push({ path: 'contact.email', reason: 'PATTERN', message: '电子邮箱格式不正确' });
  }
  return v;
}

const notRegistered = (path: string) =>
  new NotFoundError(
    'APPLICANT_NOT_FOUND',
    `未找到以该证件号码（${path === 'agentIdNumber' ? '经办人' : '申请人'}）注册的用户：请先为其办理实名注册（窗口自助终端或门户网站），再登记办件`,
  );

/**
 * 窗口登记 (A4): a window clerk registers a walk-in case for a registered applicant found by ID number (a natural
 * person) or credit code (a legal person, with the ID number of the natural person acting for it at the counter,
 * who must be its account holder or hold a current agent grant covering the department or item). The case is
 * received today, in PRE_REVIEW at the clerk's window, on the item's published edition (pinned), with its form data
 * validated, a case number, the one-time-notice day of the tenant's counter setting, and the printable application
 * copy. A retry with the same idempotency key returns the same case.
 */
export function registerWalkInUseCase(deps: CaseCore & WindowPorts) {
  return async (cmd: RegisterWalkInCommand, actor: Principal, caller: Caller): Promise<Case> => {
    throwIfInvalid(shapeViolations(cmd));
    const edition = await deps.editions.current(cmd.itemId);
    if (!edition) throw new NotFoundError('ITEM_NOT_FOUND', '未找到该事项');
    if (edition.status !== 'published') {
      throw new PreconditionError('ITEM_NOT_PUBLISHED', '该事项当前未发布（已废止或已有新版本），不能受理', {
        itemStatus: edition.status,
      });
    }
    deps.authorizer.ensure(
      actor,
      'write',
      { type: 'case', tenant: edition.tenant, department: edition.department },
      WINDOW_ACTS,
    );
    if (deps.hostedTenants.length > 0 && !deps.hostedTenants.includes(edition.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', '本系统不承载该地区的办件');
    }
    const formProblems = deps.forms.validate(edition.formSchema, cmd.formData || '{}');
    throwIfInvalid(formProblems);

    const window = await ensureAtWindow(
      deps,
      { tenant: edition.tenant, department: edition.department, windowId: cmd.windowId },
      actor,
      caller,
    );
    const found = await deps.applicants.find(edition.tenant, cmd.applicantIdCode.trim(), caller);
    if (!found) throw notRegistered('applicantIdCode');
    const applicant = await applicantOf(deps, found, cmd, edition, caller);

    const at = deps.clock.now();
    // The day of receipt (收件日): a walk-in registered after the hall's closing time counts the next day.
    const today = receivedDate(at, await deps.settings.hallHours(edition.tenant));
    const calendar = await deps.calendars.forTenant(edition.tenant);
    const counterDays = await deps.settings.counterNoticeWorkingDays(edition.tenant);
    const caseNumber = await deps.caseNumbers.next(edition.tenant, today);
    const registered: Case = {
      id: deps.ids.newId(),
      caseNumber,
      tenant: edition.tenant,
      status: 'draft',
      version: 1,
      channel: 'counter',
      itemId: edition.id,
      itemName: edition.name,
      itemBasicCode: edition.basicCode,
      itemEdition: edition.edition,
      handlingCategory: edition.handlingCategory,
      department: edition.department,
      windowId: window.window.id,
      applicant,
      contact: { mobile: cmd.contact.mobile, email: cmd.contact.email },
      formData: cmd.formData || '{}',
      materials: edition.materials.map((m) => ({ materialId: m.id, name: m.name, required: m.required, files: [] })),
      uploadComplete: false,
      problems: [],
      corrections: [],
      clocks: { receivedDate: today, acceptedDate: '', noticeDueDate: noticeDueDate(calendar, today, counterDays) },
      steps: [],
      suspensions: [],
      licenceId: '',
      documents: [],
      history: [],
      responsible: actor.username,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      deemedAccepted: false,
      decidedOnTheSpot: false,
      createdBy: actor.username,
      submitKeys: [],
    };
    const copy = await deps.documents.issue(
      { ...registered, status: 'pre_review' },
      'application_copy',
      actor.username,
    );
    const { case: next, event } = transition(registered, {
      action: `窗口登记（${window.window.number || window.window.name}窗口）`,
      transition: 'registered_at_counter',
      to: 'pre_review',
      actor: actorOf(actor),
      at,
      detail: { documents: [copy] },
    });
    const { case: stored } = await deps.cases.insert(next, event ? [event] : [], cmd.idempotencyKey, actor);
    return stored;
  };
}

async function applicantOf(
  deps: Pick<WindowPorts, 'applicants'> & Pick<CaseCore, 'clock'>,
  found: FoundApplicant,
  cmd: RegisterWalkInCommand,
  edition: { department: string; basicCode: string; tenant: string },
  caller: Caller,
): Promise<Case['applicant']> {
  if (found.kind === 'natural') {
    if (found.status === 'disabled') {
      throw new PreconditionError('APPLICANT_DISABLED', '该申请人的账号已被停用，不能登记办件，请联系中心管理员');
    }
    return {
      kind: 'natural_person',
      personId: found.id,
      name: found.name,
      idCode: found.idNumber,
      subject: found.subject,
      agentPersonId: '',
      agentName: '',
      agentSubject: '',
      agentGrantId: '',
    };
  }
  if (!cmd.agentIdNumber) {
    throwIfInvalid([
      { path: 'agentIdNumber', reason: 'REQUIRED', message: '法人或其他组织申请时，请填写到场经办人的居民身份证号码' },
    ]);
  }
  const agent = await deps.applicants.find(edition.tenant, cmd.agentIdNumber.trim(), caller);
  if (!agent || agent.kind !== 'natural') throw notRegistered('agentIdNumber');
  if (agent.status === 'disabled') {
    throw new PreconditionError('APPLICANT_DISABLED', '经办人的账号已被停用，不能代为办理');
  }
  let grantId = '';
  if (agent.id !== found.holderPersonId) {
    const decision = decideActing(found.grants, agent.subject, {
      department: edition.department,
      itemCode: edition.basicCode,
      today: chinaToday(deps.clock.now()),
    });
    if (!decision.allowed) throw new ForbiddenError(decision.reason, decision.message);
    grantId = decision.grantId;
  }
  return {
    kind: 'legal_person',
    personId: found.id,
    name: found.name,
    idCode: found.creditCode,
    subject: agent.subject,
    agentPersonId: agent.id,
    agentName: agent.name,
    agentSubject: agent.subject,
    agentGrantId: grantId,
  };
}
