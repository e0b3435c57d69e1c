import type { AccessPolicy, Authorizer, Principal } from '@govhall/auth';
import { NotFoundError, ValidationError, type Violation } from '@govhall/errors';
import { maskPhone, parseCreditCode, parseResidentIdNumber } from '@govhall/identifiers';
import { staffView, type LegalPerson } from '../../domain/legal-person';
import { tenantViolation, type NaturalPerson } from '../../domain/natural-person';
import type { LegalPersonRepository, NaturalPersonRepository } from '../applicants.ports';
import type { Clock } from '../ports';

/**
 * Who finds an applicant by ID number or credit code: a window clerk of the tenant (a walk-in registration at its
 * counter). Other staff list applicants masked (ListApplicants); nobody else learns whether a number is registered.
 */
export const FIND_APPLICANT: AccessPolicy = { roles: ['window_clerk'] };

export type FoundApplicant = { kind: 'natural'; person: NaturalPerson } | { kind: 'legal'; legalPerson: LegalPerson };

export const applicantNotFound = () =>
  new NotFoundError(
    'APPLICANT_NOT_FOUND',
    '未找到以该证件号码注册的申请人：请申请人先完成实名注册（可在窗口自助终端或门户网站注册），再办理窗口登记',
  );

/** An 18-character code is a resident ID number or a credit code; the first that parses decides (they never both do). */
function classify(
  idCode: string,
  today: Date,
): { kind: 'natural' | 'legal'; normalized: string } | { violation: Violation } {
  const id = parseResidentIdNumber(idCode, today);
  if (id.ok) return { kind: 'natural', normalized: id.value.normalized };
  const credit = parseCreditCode(idCode);
  if (credit.ok) return { kind: 'legal', normalized: idCode.trim().toUpperCase() };
  return {
    violation: {
      path: 'idCode',
      reason: 'PATTERN',
      message: `证件号码应为有效的居民身份证号码或统一社会信用代码（${id.violation.message}）`,
    },
  };
}

/**
 * A window clerk of `tenant` finds the registered natural person (by 居民身份证号码) or legal person (by 统一社会信用代码)
 * whose case they register at the counter. The person's ID number comes back in full (the clerk has it in hand and
 * the case records it); the phone and a legal representative's ID number are masked. A number not registered, or
 * a registration still being provisioned, is APPLICANT_NOT_FOUND. The person found may have registered at another
 * tenant's portal: applicants apply anywhere.
 */
export function findApplicantUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  legalPersons: LegalPersonRepository;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (query: { tenant: string; idCode: string }, actor: Principal): Promise<FoundApplicant> => {
    const violations: Violation[] = [];
    const tenant = tenantViolation(query.tenant);
    if (tenant) violations.push(tenant);
    const code = classify(query.idCode, deps.clock.now());
    if ('violation' in code) violations.push(code.violation);
    if (violations.length > 0 || 'violation' in code) throw new ValidationError(violations);
    deps.authorizer.ensure(actor, 'read', { type: 'applicant', tenant: query.tenant }, FIND_APPLICANT);

    if (code.kind === 'natural') {
      const person = await deps.naturalPersons.findByIdNumber(code.normalized);
      if (!person || person.status === 'provisioning') throw applicantNotFound();
      return { kind: 'natural', person: { ...person, phone: maskPhone(person.phone) } };
    }
    const legalPerson = await deps.legalPersons.findByCreditCode(code.normalized);
    if (!legalPerson) throw applicantNotFound();
    return { kind: 'legal', legalPerson: staffView(legalPerson) };
  };
}
