import type { Authorizer, Principal } from '@govhall/auth';
import { NotFoundError, ValidationError, type Violation } from '@govhall/errors';
import {
  authorizeAgent,
  validateAgentGrant,
  type AgentGrant,
  type AgentScope,
  type LegalPerson,
} from '../../domain/legal-person';
import { checkIdNumber } from '../../domain/natural-person';
import type { ItemCatalogue, LegalPersonRepository, NaturalPersonRepository } from '../applicants.ports';
import { legalPersonIdViolations, requireHeldLegalPerson } from '../get-legal-person/get-legal-person.usecase';
import { localDate, type Clock, type IdGenerator } from '../ports';
import type { DepartmentRepository } from '../tenancy.ports';

export interface AuthorizeAgentCommand {
  legalPersonId: string;
  /** ID number of a registered natural person. */
  agentIdNumber: string;
  scope: AgentScope;
  /** YYYY-MM-DD, or empty for no end date. */
  validUntil: string;
}

/**
 * The holder authorises a registered natural person as agent (经办人). A person already holding an active grant
 * gets the new one instead (the old one is revoked in the same write). The departments a grant names must be
 * seated in the legal person's tenant (identity's own departments), and the items it names must be published
 * items of that tenant (asked of the catalogue; while it cannot answer, the grant is refused as unavailable and
 * nothing is stored — ADR 0014).
 */
export function authorizeAgentUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  legalPersons: LegalPersonRepository;
  departments: Pick<DepartmentRepository, 'listByTenant'>;
  itemCatalogue: ItemCatalogue;
  authorizer: Authorizer;
  clock: Clock;
  ids: IdGenerator;
}) {
  return async (
    command: AuthorizeAgentCommand,
    actor: Principal,
  ): Promise<{ legalPerson: LegalPerson; grant: AgentGrant }> => {
    const now = deps.clock.now();
    const today = localDate(now);
    const agentId = checkIdNumber('agentIdNumber', command.agentIdNumber, now);
    const violations = [
      ...legalPersonIdViolations('legalPersonId', command.legalPersonId),
      ...(agentId.ok ? [] : [agentId.violation]),
      ...validateAgentGrant(command, today),
    ];
    if (violations.length > 0 || !agentId.ok) throw new ValidationError(violations);

    const current = await requireHeldLegalPerson(deps, command.legalPersonId, actor);
    const unknown = (
      await Promise.all([
        unknownDepartments(deps.departments, current.tenant, command.scope),
        unknownItems(deps.itemCatalogue, current.tenant, command.scope),
      ])
    ).flat();
    if (unknown.length > 0) throw new ValidationError(unknown);
    const agent = await deps.naturalPersons.findByIdNumber(agentId.normalized);
    if (!agent || agent.status !== 'active' || !agent.subject) {
      throw new NotFoundError(
        'AGENT_NOT_FOUND',
        '未找到该身份证号码对应的已注册个人，请经办人先在本平台完成个人实名注册',
      );
    }
    const { legalPerson, grant, events } = authorizeAgent(current, {
      scope: command.scope,
      validUntil: command.validUntil,
      grantId: deps.ids.newId(),
      agent: { personId: agent.id, name: agent.name, subject: agent.subject },
      grantedBy: actor.subject,
      today,
      now,
    });
    await deps.legalPersons.update(legalPerson, current.version, events, actor);
    return { legalPerson, grant };
  };
}

/** Departments the scope names that are not seated in `tenant` (another tenant's, or none at all). */
async function unknownDepartments(
  departments: Pick<DepartmentRepository, 'listByTenant'>,
  tenant: string,
  scope: AgentScope,
): Promise<Violation[]> {
  if (scope.allDepartments || scope.departments.length === 0) return [];
  const seated = new Set((await departments.listByTenant(tenant)).map((d) => d.code));
  return scope.departments.flatMap((code, i) =>
    seated.has(code)
      ? []
      : [
          {
            path: `scope.departments.${i}`,
            reason: 'UNKNOWN_DEPARTMENT',
            message: `本单位所在地的政务服务中心没有进驻部门“${code}”，请从该中心的部门列表中选择`,
          },
        ],
  );
}

/**
 * Item codes the scope names that are not basic codes of a published item of `tenant` (unknown, not published yet
 * or any more, or another tenant's). "All departments" ignores item codes, so the catalogue is not asked then.
 */
async function unknownItems(catalogue: ItemCatalogue, tenant: string, scope: AgentScope): Promise<Violation[]> {
  if (scope.allDepartments || scope.itemCodes.length === 0) return [];
  const published = await catalogue.existingItemCodes(tenant, [...new Set(scope.itemCodes)]);
  return scope.itemCodes.flatMap((code, i) =>
    published.has(code)
      ? []
      : [
          {
            path: `scope.itemCodes.${i}`,
            reason: 'UNKNOWN_ITEM',
            message: `本单位所在地的政务服务中心没有发布基本编码为“${code}”的事项，请从该中心的事项目录中选择`,
          },
        ],
  );
}
