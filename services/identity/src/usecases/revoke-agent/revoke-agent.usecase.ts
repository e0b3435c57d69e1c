import type { Authorizer, Principal } from '@govhall/auth';
import { ValidationError, type Violation } from '@govhall/errors';
import { textViolations } from '@govhall/identifiers';
import { revokeAgent, type LegalPerson } from '../../domain/legal-person';
import type { LegalPersonRepository } from '../applicants.ports';
import { legalPersonIdViolations, requireHeldLegalPerson } from '../get-legal-person/get-legal-person.usecase';
import type { Clock } from '../ports';

export interface RevokeAgentCommand {
  legalPersonId: string;
  grantId: string;
  reason: string;
}

/** The holder revokes an agent's grant; from then on the agent can no longer act for the legal person. */
export function revokeAgentUseCase(deps: {
  legalPersons: LegalPersonRepository;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: RevokeAgentCommand, actor: Principal): Promise<LegalPerson> => {
    const violations: Violation[] = legalPersonIdViolations('legalPersonId', command.legalPersonId);
    if (command.grantId.trim() === '') {
      violations.push({ path: 'grantId', reason: 'REQUIRED', message: '请指定要撤销的经办授权' });
    }
    violations.push(...textViolations('reason', command.reason, { label: '撤销原因', max: 200 }));
    if (violations.length > 0) throw new ValidationError(violations);

    const current = await requireHeldLegalPerson(deps, command.legalPersonId, actor);
    const { legalPerson, events } = revokeAgent(current, {
      grantId: command.grantId,
      reason: command.reason,
      revokedBy: actor.subject,
      now: deps.clock.now(),
    });
    if (events.length > 0) await deps.legalPersons.update(legalPerson, current.version, events, actor);
    return legalPerson;
  };
}
