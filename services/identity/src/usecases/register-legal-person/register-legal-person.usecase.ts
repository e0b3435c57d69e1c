import { hasAnyRole, type Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import {
  newLegalPerson,
  validateLegalPerson,
  type LegalPerson,
  type LegalPersonInput,
} from '../../domain/legal-person';
import type { LegalPersonRepository, NaturalPersonRepository, RealNameVerifier } from '../applicants.ports';
import type { Clock, IdGenerator } from '../ports';

export type RegisterLegalPersonCommand = LegalPersonInput;

/**
 * A registered natural person registers a legal person as its legal representative (法定代表人: the same ID number
 * as their own) and becomes its account holder; anyone else is refused (NOT_LEGAL_REPRESENTATIVE) and is made an
 * agent by the representative instead. The credit code is unique: a second registration is refused.
 */
export function registerLegalPersonUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  legalPersons: LegalPersonRepository;
  verifier: RealNameVerifier;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: RegisterLegalPersonCommand, actor: Principal): Promise<LegalPerson> => {
    const now = deps.clock.now();
    const violations = validateLegalPerson(command, now);
    if (violations.length > 0) throw new ValidationError(violations);
    const holder = actor.subject ? await deps.naturalPersons.findBySubject(actor.subject) : null;
    if (hasAnyRole(actor, ['applicant']) && holder?.status === 'disabled') {
      throw new ForbiddenError('ACCOUNT_DISABLED', '您的个人账号已被政务服务中心停用，不能登记法人');
    }
    if (!hasAnyRole(actor, ['applicant']) || !holder || holder.status !== 'active') {
      throw new ForbiddenError('APPLICANT_REQUIRED', '请先以本人身份完成个人实名注册并登录，再登记法人');
    }
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}，请到其所属平台办理`);
    }
    if (command.legalRepresentativeIdNumber.trim().toUpperCase() !== holder.idNumber) {
      throw new ForbiddenError(
        'NOT_LEGAL_REPRESENTATIVE',
        '只有法定代表人本人可以登记法人：您登录所用的身份证号码与填写的法定代表人身份证号码不一致。' +
          '如您是单位的工作人员，请由法定代表人本人登记后，将您授权为经办人。',
      );
    }
    const creditCode = command.creditCode.trim().toUpperCase();
    const check = await deps.verifier.verifyLegalPerson({
      name: command.name.trim(),
      creditCode,
      legalRepresentativeName: command.legalRepresentativeName.trim(),
    });
    if (!check.accepted) {
      throw new ValidationError([{ path: 'creditCode', reason: 'REAL_NAME_NOT_VERIFIED', message: check.note }]);
    }
    const { accepted: _accepted, ...verification } = check;
    const { legalPerson, events } = newLegalPerson(
      command,
      deps.ids.newId(),
      { personId: holder.id, subject: actor.subject },
      { ...verification, verifiedAt: now },
      now,
    );
    if (!(await deps.legalPersons.insert(legalPerson, events, actor))) {
      throw new ConflictError(
        'LEGAL_PERSON_EXISTS',
        '该统一社会信用代码已登记，请联系该单位的账户持有人将您授权为经办人',
      );
    }
    return legalPerson;
  };
}
