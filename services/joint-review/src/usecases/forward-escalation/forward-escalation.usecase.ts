import type { Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import { requireState, type Escalation } from '../../domain/escalations/escalation';
import { forwardEscalation } from '../../domain/escalations/sender';
import { requireActor, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

export interface ForwardRequest {
  id: string;
  expectedVersion: number;
  targetDepartment: string;
  note: string;
}

/**
 * The lower center's window forwards the escalated case: the case as its cases service holds it now and every file
 * go to the parent (the transfer runs after the write, retrying while the parent cannot be reached).
 */
export function forwardEscalationUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'cases' | 'parents' | 'settings' | 'tenants' | 'clock'>,
) {
  return async (request: ForwardRequest, actor: Principal): Promise<Escalation> =>
    writeEscalation(
      deps.escalations,
      request.id,
      request.expectedVersion,
      actor,
      (e) => requireActor(actor, e, 'sender'),
      async (e) => {
        requireState(e, ['awaiting_forward']);
        if (!e.targetTenant) throw new PreconditionError('NO_PARENT_TENANT', '本地区没有上级地区，不能上报');
        if (!deps.parents.of(e.targetTenant)) {
          throw new PreconditionError('PARENT_NOT_CONNECTED', '本部署未接通上级中心，暂不能上报');
        }
        const target = request.targetDepartment || (await deps.settings.route(e.tenant, e.department, e.targetTenant));
        if (!target)
          throw new PreconditionError('NO_ESCALATION_ROUTE', '本部门没有设置上报的上级部门，请先配置上报路径');
        const { case: snapshot, files } = await deps.cases.snapshot(e.tenant, e.case.caseId);
        const sourceCenterName = await deps.tenants.centerName(e.tenant);
        return forwardEscalation(e, {
          targetDepartment: target,
          note: request.note,
          snapshot: {
            ...snapshot,
            sourceCenterName,
            promisedDueDate: e.case.promisedDueDate,
            statutoryDueDate: e.case.statutoryDueDate,
          },
          files,
          by: actor.username,
          at: deps.clock.now(),
        });
      },
    );
}
