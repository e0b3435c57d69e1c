import type { Authorizer, Principal } from '@govhall/auth';
import { NotFoundError, PreconditionError, ValidationError, concealForbidden } from '@govhall/errors';
import { disableNaturalPerson, staffViewOfNaturalPerson, type NaturalPerson } from '../../domain/natural-person';
import { disableReasonViolations } from '../../domain/staff';
import { APPLICANT_READERS, DISABLE_APPLICANTS, type NaturalPersonRepository } from '../applicants.ports';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';

export interface DisableNaturalPersonCommand {
  personId: string;
  reason: string;
}

const personNotFound = () => new NotFoundError('NATURAL_PERSON_NOT_FOUND', '未找到该申请人');

/**
 * Disables a natural person's login, as DisableStaff does for staff: Keycloak first (login disabled, every session
 * ended, so the gateway's introspection refuses the token they hold on their next request, ADR 0015), then the
 * record. A retry after a failed record update repeats both (both idempotent); a repeat after success returns the
 * record unchanged. Someone who may not read the person (another tenant, a role without applicant access) gets
 * NATURAL_PERSON_NOT_FOUND, exactly as for one that does not exist (ADR 0012); staff who may read but not disable
 * get ROLE_REQUIRED. The answer is the staff view (ID number and phone masked).
 */
export function disableNaturalPersonUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  directory: IdentityDirectory;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: DisableNaturalPersonCommand, actor: Principal): Promise<NaturalPerson> => {
    const reasonViolations = disableReasonViolations(command.reason);
    if (reasonViolations.length > 0) throw new ValidationError(reasonViolations);
    const person = await deps.naturalPersons.findById(command.personId);
    if (!person) throw personNotFound();
    const resource = { type: 'natural_person', id: person.id, tenant: person.tenant };
    concealForbidden(() => deps.authorizer.ensure(actor, 'read', resource, APPLICANT_READERS), personNotFound());
    deps.authorizer.ensure(actor, 'write', resource, DISABLE_APPLICANTS);
    if (person.status === 'disabled') return staffViewOfNaturalPerson(person);
    if (person.status !== 'active' || !person.subject) {
      throw new PreconditionError('NATURAL_PERSON_NOT_ACTIVE', '该申请人账号尚未开通完成，请稍后再试');
    }
    if (person.subject === actor.subject) {
      throw new PreconditionError('CANNOT_DISABLE_SELF', '不能停用自己的账号');
    }
    await deps.directory.disableUser(person.subject);
    const { person: next, events } = disableNaturalPerson(person, command.reason, deps.clock.now());
    await deps.naturalPersons.update(next, person.version, events, actor);
    return staffViewOfNaturalPerson(next);
  };
}
