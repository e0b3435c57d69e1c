import type { Authorizer, Principal } from '@govhall/auth';
import { NotFoundError, ValidationError } from '@govhall/errors';
import { agentView, currentGrantOf, staffView, type LegalPerson } from '../../domain/legal-person';
import { APPLICANT_READERS, LEGAL_PERSON_HOLDER, type LegalPersonRepository } from '../applicants.ports';
import { localDate, type Clock } from '../ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function legalPersonIdViolations(path: string, id: string) {
  return UUID.test(id) ? [] : [{ path, reason: 'PATTERN', message: '法人标识格式不正确' }];
}

export async function requireLegalPerson(legalPersons: LegalPersonRepository, id: string): Promise<LegalPerson> {
  const found = await legalPersons.findById(id);
  if (!found) throw new NotFoundError('LEGAL_PERSON_NOT_FOUND', '未找到该法人');
  return found;
}

/** The legal person, for a write by the holder of its account (ForbiddenError for anyone else). */
export async function requireHeldLegalPerson(
  deps: { legalPersons: LegalPersonRepository; authorizer: Authorizer },
  id: string,
  actor: Principal,
): Promise<LegalPerson> {
  const legalPerson = await requireLegalPerson(deps.legalPersons, id);
  const { tenant, holderSubject: ownerSubject } = legalPerson;
  deps.authorizer.ensure(
    actor,
    'write',
    { type: 'legal_person', id: legalPerson.id, tenant, ownerSubject },
    LEGAL_PERSON_HOLDER,
  );
  return legalPerson;
}

/**
 * One legal person, as the caller may see it: the holder sees everything; an agent with a current grant sees
 * only their own grant; staff of the tenant (and supervisors above it) see every grant. Everyone but the holder
 * sees the legal representative's ID number masked.
 */
export function getLegalPersonUseCase(deps: {
  legalPersons: LegalPersonRepository;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (id: string, actor: Principal): Promise<LegalPerson> => {
    const violations = legalPersonIdViolations('id', id);
    if (violations.length > 0) throw new ValidationError(violations);
    const legalPerson = await requireLegalPerson(deps.legalPersons, id);
    if (actor.subject !== '' && actor.subject === legalPerson.holderSubject) return legalPerson;
    const today = localDate(deps.clock.now());
    if (actor.subject !== '' && currentGrantOf(legalPerson, actor.subject, today)) {
      return agentView(legalPerson, actor.subject);
    }
    deps.authorizer.ensure(actor, 'read', { type: 'legal_person', id, tenant: legalPerson.tenant }, APPLICANT_READERS);
    return staffView(legalPerson);
  };
}
