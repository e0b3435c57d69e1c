import { ConcurrencyError, ConflictError, PreconditionError, ValidationError } from '@govhall/errors';
import {
  newNaturalPerson,
  sameRegistration,
  touchNaturalPerson,
  validateNaturalPerson,
  type NaturalPerson,
  type NaturalPersonInput,
} from '../../domain/natural-person';
import type { NaturalPersonRepository, RealNameVerifier } from '../applicants.ports';
import type { IdentityDirectory } from '../directory.port';
import type { Clock, IdGenerator } from '../ports';
import { applicantPrincipal, provisionApplicantAccount } from './provision-applicant-account';

export type RegisterNaturalPersonCommand = NaturalPersonInput;

/**
 * Self-registration (anonymous caller), a saga over our database and Keycloak:
 * 1) the record is inserted `provisioning` (the unique ID number makes a repeated request a retry),
 * 2) the Keycloak user (username = ID number, role applicant) is created or adopted,
 * 3) the record is marked active with NaturalPersonRegistered in the same document write.
 * When Keycloak is unavailable the record stays provisioning and the error (503) reaches the caller; repeating
 * the registration, or the reconciler, completes it without a second Keycloak user. An adopted user keeps the
 * password chosen when it was created (a retry normally repeats the same one).
 * Returns the person's own record (ID number in full: the caller is that person).
 */
export function registerNaturalPersonUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  directory: IdentityDirectory;
  verifier: RealNameVerifier;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: RegisterNaturalPersonCommand): Promise<NaturalPerson> => {
    const now = deps.clock.now();
    const violations = validateNaturalPerson(command, now);
    if (violations.length > 0) throw new ValidationError(violations);
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}，请到其所属平台注册`);
    }
    const idNumber = command.idNumber.trim().toUpperCase();
    const check = await deps.verifier.verifyNaturalPerson({ name: command.name.trim(), idNumber });
    if (!check.accepted) {
      throw new ValidationError([{ path: 'idNumber', reason: 'REAL_NAME_NOT_VERIFIED', message: check.note }]);
    }

    const { accepted: _accepted, ...verification } = check;
    let record = newNaturalPerson(command, deps.ids.newId(), { ...verification, verifiedAt: now }, now);
    if (!(await deps.naturalPersons.insert(record))) {
      const previous = await deps.naturalPersons.findByIdNumber(idNumber);
      // Removed by the reconciler between our insert and this read: the caller simply tries again.
      if (!previous) throw new ConcurrencyError('注册请求与系统清理同时发生，请重新提交');
      // A disabled person is "registered" too: registering again must not revive the record, and an anonymous
      // caller learns no more than that the number is registered.
      if (previous.status === 'active' || previous.status === 'disabled') {
        throw new ConflictError('PERSON_EXISTS', '该身份证号码已注册，请直接登录');
      }
      if (!sameRegistration(previous, command)) {
        throw new ConflictError(
          'REGISTRATION_IN_PROGRESS',
          '该身份证号码有一笔未完成的注册，且姓名或手机号码与本次不同，请稍后再试或联系政务服务中心',
        );
      }
      // A retry: touch the record first so the reconciler leaves it alone while we finish it.
      const touched = touchNaturalPerson(previous, now);
      await deps.naturalPersons.update(touched, previous.version, [], applicantPrincipal(previous));
      record = touched;
    }

    const result = await provisionApplicantAccount(deps, record, command.password);
    if (result.outcome === 'active') return result.person;
    throw new ConflictError(
      'ID_NUMBER_ACCOUNT_TAKEN',
      '该身份证号码对应的登录账号已存在，但不属于本次注册，请联系政务服务中心核实处理',
    );
  };
}
