import type { Authorizer, Principal } from '@govhall/auth';
import { NotFoundError, ValidationError, concealForbidden } from '@govhall/errors';
import { agentView, currentGrantOf, staffView, type LegalPerson } from '../../domain/legal-person';
import { APPLICANT_READERS, LEGAL_PERSON_HOLDER, type LegalPersonRepository } from '../applicants.ports';
import { localDate, type Clock } from '../ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function legalPersonIdViolations(path: string, id: string) {
  return UUID.test(id) ? [] : [{ path, reason: 'PATTERN', message: '法人标识格式不正确' }];
}

const legalPersonNotFound = () => new NotFoundError('LEGAL_PERSON_NOT_FOUND', '未找到该法人');

export async function requireLegalPerson(legalPersons: LegalPersonRepository, id: string): Promise<LegalPerson> {
  const found = await legalPersons.findById(id);
  if (!found) throw legalPersonNotFound();
  return found;
}

type Visibility = 'holder' | 'agent' | 'staff';

/**
 * How `actor` may see the legal person: its holder, an agent with a current grant, or staff who read applicants
 * of its tenant. Anyone else gets LEGAL_PERSON_NOT_FOUND, exactly as for one that does not exist.
 */
function visibility(
  deps: { authorizer: Authorizer; clock: Clock },
  legalPerson: LegalPerson,
  actor: Principal,
): Visibility {
  if (actor.subject !== '' && actor.subject === legalPerson.holderSubject) return 'holder';
  if (actor.subject !== '' && currentGrantOf(legalPerson, actor.subject, localDate(deps.clock.now()))) return 'agent';
  const { id, tenant } = legalPerson;
  concealForbidden(
    () => deps.authorizer.ensure(actor, 'read', { type: 'legal_person', id, tenant }, APPLICANT_READERS),
    legalPersonNotFound(),
  );
  return 'staff';
}

/**
 * The legal person, for a write by the holder of its account: ForbiddenError for someone who may see it (an
 * agent, staff), LEGAL_PERSON_NOT_FOUND for anyone else.
 */
export async function requireHeldLegalPerson(
  deps: { legalPersons: LegalPersonRepository; authorizer: Authorizer; clock: Clock },
  id: string,
  actor: Principal,
): Promise<LegalPerson> {
  const legalPerson = await requireLegalPerson(deps.legalPersons, id);
  if (visibility(deps, legalPerson, actor) === 'holder') return legalPerson;
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
 * sees the legal representative's ID number masked. Anyone else: LEGAL_PERSON_NOT_FOUND.
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
    switch (visibility(deps, legalPerson, actor)) {
      case 'holder':
        return legalPerson;
      case 'agent':
        return agentView(legalPerson, actor.subject);
      case 'staff':
        return staffView(legalPerson);
    }
  };
}
