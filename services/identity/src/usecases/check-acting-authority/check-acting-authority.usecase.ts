import { decideActing, type Authorizer, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError, type Violation } from '@govhall/errors';
import type { LegalPerson } from '../../domain/legal-person';
import type { LegalPersonRepository, NaturalPersonRepository } from '../applicants.ports';
import { legalPersonIdViolations, requireLegalPerson } from '../get-legal-person/get-legal-person.usecase';
import { localDate, type Clock } from '../ports';

export interface CheckActingAuthorityCommand {
  legalPersonId: string;
  department: string;
  /** Basic code of the item, when the question is about one. */
  itemCode?: string;
  /** The agent's Keycloak subject; empty means the caller. Only a service account may name someone else. */
  agentSubject?: string;
}

/** Answered rather than thrown, so callers can show why: reason NO_GRANT … ACCOUNT_DISABLED, or HOLDER. */
export interface ActingAnswer {
  allowed: boolean;
  grantId: string;
  reason: string;
  message: string;
}

const DEPARTMENT = /^(\d{6,12})-[A-Z][A-Z0-9]{1,11}$/;
const ITEM_CODE = /^[0-9A-Z]{12}$/;

/**
 * May this agent act for this legal person in this department (and item) today? Asked by the agent themselves,
 * or by a department system's service account about an agent, for a department of its own tenant. A grant or a
 * holding does not outlive the person's login: a disabled natural person acts for nobody (ACCOUNT_DISABLED).
 */
export function checkActingAuthorityUseCase(deps: {
  legalPersons: LegalPersonRepository;
  naturalPersons: Pick<NaturalPersonRepository, 'findBySubject'>;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: CheckActingAuthorityCommand, actor: Principal): Promise<ActingAnswer> => {
    const violations: Violation[] = legalPersonIdViolations('legalPersonId', command.legalPersonId);
    const department = DEPARTMENT.exec(command.department);
    if (!department) {
      violations.push({
        path: 'department',
        reason: 'PATTERN',
        message: '部门编码应为“行政区划代码-部门简称”，如 620321-SCJG',
      });
    }
    const itemCode = command.itemCode?.trim() || undefined;
    if (itemCode && !ITEM_CODE.test(itemCode)) {
      violations.push({ path: 'itemCode', reason: 'PATTERN', message: '事项编码应为12位数字或大写字母' });
    }
    const named = command.agentSubject?.trim() ?? '';
    if (actor.kind === 'service' && named === '') {
      violations.push({ path: 'agentSubject', reason: 'REQUIRED', message: '服务账号查询时须指明经办人' });
    }
    if (violations.length > 0 || !department) throw new ValidationError(violations);

    let agentSubject = actor.subject;
    if (named !== '' && named !== actor.subject) {
      if (actor.kind !== 'service') {
        throw new ForbiddenError('AGENT_SUBJECT_FORBIDDEN', '只能查询本人的经办权限');
      }
      const tenant = department[1] as string;
      deps.authorizer.ensure(actor, 'read', { type: 'acting_authority', tenant }, { roles: ['service'] });
      agentSubject = named;
    }

    const legalPerson = await requireLegalPerson(deps.legalPersons, command.legalPersonId);
    const answer = actingAnswer(legalPerson, agentSubject, {
      department: command.department,
      ...(itemCode ? { itemCode } : {}),
      today: localDate(deps.clock.now()),
    });
    if (answer.allowed && (await deps.naturalPersons.findBySubject(agentSubject))?.status === 'disabled') {
      return { allowed: false, grantId: '', reason: 'ACCOUNT_DISABLED', message: DISABLED_MESSAGE };
    }
    return answer;
  };
}

const DISABLED_MESSAGE = '该个人账号已被政务服务中心停用，不能以该单位名义办理';

function actingAnswer(
  legalPerson: LegalPerson,
  agentSubject: string,
  request: Parameters<typeof decideActing>[2],
): ActingAnswer {
  if (agentSubject !== '' && agentSubject === legalPerson.holderSubject) {
    return { allowed: true, grantId: '', reason: 'HOLDER', message: '账户持有人可以该单位名义办理' };
  }
  const decision = decideActing(legalPerson.agents, agentSubject, request);
  return decision.allowed
    ? { allowed: true, grantId: decision.grantId, reason: '', message: '' }
    : { allowed: false, grantId: '', reason: decision.reason, message: decision.message };
}
