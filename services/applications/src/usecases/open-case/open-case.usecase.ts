import type { Principal } from '@govhall/auth';
import { parseFormData } from '@govhall/content';
import { ForbiddenError, NotFoundError, PreconditionError, type Violation } from '@govhall/errors';
import { SERVICE_OBJECT_NAMES, applicantKindOf, serviceObjectAdmits } from '../../domain/applicant-kind';
import type { Applicant, Case, Contact } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { idempotencyKeyViolations, throwIfInvalid } from '../case.policies';
import type { DeclarationDeps } from '../declaration.ports';
import { applicantActor, contactViolations, normalizeContact } from '../declaration.shared';

export interface OpenCaseCommand {
  idempotencyKey: string;
  itemId: string;
  /** Legal person (or other organisation) id when the caller applies as its agent; '' = the caller. */
  onBehalfOf: string;
  formData: string;
  contact?: Partial<Contact>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const itemNotFound = () => new NotFoundError('ITEM_NOT_FOUND', '未找到该事项');

/**
 * Opens a draft on the item's edition published now (pinned for the life of the case): the caller as a natural
 * person, or as the agent of a legal person / organisation when identity's acting check allows it (both recorded).
 * A retry with the same idempotency key returns the first case.
 */
export function openCaseUseCase(
  deps: Pick<DeclarationDeps, 'cases' | 'editions' | 'applicants' | 'clock' | 'ids' | 'hostedTenants'>,
) {
  return async (command: OpenCaseCommand, actor: Principal, authorization: string): Promise<Case> => {
    const contact = normalizeContact(command.contact);
    const onBehalfOf = command.onBehalfOf.trim();
    const form = parseFormData(command.formData);
    const violations: Violation[] = [
      ...idempotencyKeyViolations(command.idempotencyKey),
      ...contactViolations(contact),
    ];
    if (!UUID.test(command.itemId))
      violations.push({ path: 'itemId', reason: 'PATTERN', message: '事项标识格式不正确' });
    if (onBehalfOf !== '' && !UUID.test(onBehalfOf)) {
      violations.push({ path: 'onBehalfOf', reason: 'PATTERN', message: '法人或组织标识格式不正确' });
    }
    if (!form.ok) violations.push(form.violation);
    throwIfInvalid(violations);
    if (!actor.roles.includes('applicant')) {
      throw new ForbiddenError('APPLICANT_ONLY', '网上申报须使用申请人账号登录（工作人员请在窗口登记）');
    }

    const edition = await deps.editions.current(command.itemId);
    if (!edition) throw itemNotFound();
    if (edition.status !== 'published') {
      throw new PreconditionError(
        'ITEM_NOT_PUBLISHED',
        `事项“${edition.name}”当前未发布（已停用、已被新版本取代或尚未发布），不能申报`,
        {
          itemStatus: edition.status,
        },
      );
    }
    if (deps.hostedTenants.length > 0 && !deps.hostedTenants.includes(edition.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${edition.tenant}，请到其所属平台申报`);
    }

    const profile = await deps.applicants.myProfile(authorization);
    if (!profile) throw new ForbiddenError('APPLICANT_ONLY', '网上申报须使用已实名注册的申请人账号');
    const { person } = profile;
    let applicant: Applicant = {
      kind: 'natural_person',
      personId: person.personId,
      name: person.name,
      idCode: person.idNumber,
      subject: actor.subject,
      agentPersonId: '',
      agentName: '',
      agentSubject: '',
      agentGrantId: '',
    };
    if (onBehalfOf !== '') {
      const answer = await deps.applicants.checkActing(authorization, {
        legalPersonId: onBehalfOf,
        department: edition.department,
        itemCode: edition.basicCode,
      });
      if (!answer.allowed) throw new ForbiddenError(answer.reason || 'NOT_AUTHORIZED_AGENT', answer.message);
      const organisation = profile.organisations.find((o) => o.id === onBehalfOf);
      if (!organisation) throw new ForbiddenError('NO_GRANT', '您不是该法人或组织的经办人，请先由其账号持有人授权');
      applicant = {
        kind: applicantKindOf(organisation.creditCode),
        personId: organisation.id,
        name: organisation.name,
        idCode: organisation.creditCode,
        subject: actor.subject,
        agentPersonId: person.personId,
        agentName: person.name,
        agentSubject: actor.subject,
        agentGrantId: answer.grantId,
      };
    }
    if (!serviceObjectAdmits(edition.serviceObject, applicant.kind)) {
      throw new PreconditionError(
        'SERVICE_OBJECT_MISMATCH',
        `事项“${edition.name}”的服务对象为${SERVICE_OBJECT_NAMES[edition.serviceObject] ?? edition.serviceObject}，${
          applicant.kind === 'natural_person' ? '请以法人或组织经办人身份申报' : '请以本人身份申报'
        }`,
      );
    }

    const at = deps.clock.now();
    const draft: Case = {
      id: deps.ids.newId(),
      caseNumber: '',
      tenant: edition.tenant,
      status: 'draft',
      version: 1,
      channel: 'online',
      itemId: edition.id,
      itemName: edition.name,
      itemBasicCode: edition.basicCode,
      itemEdition: edition.edition,
      handlingCategory: edition.handlingCategory,
      department: edition.department,
      windowId: '',
      applicant,
      contact: { mobile: contact.mobile || person.phone, email: contact.email },
      formData: JSON.stringify(form.ok ? form.value : {}),
      materials: edition.materials.map((m) => ({ materialId: m.id, name: m.name, required: m.required, files: [] })),
      uploadComplete: false,
      problems: [],
      corrections: [],
      clocks: { receivedDate: '', acceptedDate: '', noticeDueDate: '' },
      steps: [],
      suspensions: [],
      licenceId: '',
      documents: [],
      history: [],
      responsible: '',
      createdAt: at,
      updatedAt: at,
      deemedAccepted: false,
      decidedOnTheSpot: false,
      createdBy: actor.username,
      submitKeys: [],
    };
    // Drafts publish nothing: supervision starts watching at submission.
    const opened = transition(draft, { action: '创建申报草稿', actor: applicantActor(actor), at }).case;
    return (await deps.cases.insert(opened, [], command.idempotencyKey, actor)).case;
  };
}
