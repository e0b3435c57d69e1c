import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import {
  putJointFlow,
  validateJointFlow,
  type JointFlow,
  type JointFlowContent,
} from '../../domain/reviews/joint-flow';
import { jointItemOfSeries, requestedTenant, requireSettingsAdmin } from '../settings/settings.access';
import type { SettingsDeps } from '../settings/settings.ports';

export interface PutJointFlowRequest {
  tenant: string;
  itemSeriesId: string;
  expectedVersion: number;
  content: JointFlowContent;
}

/**
 * The center creates (expected version 0) or replaces an item's joint flow, validated against the item's
 * co-departments and promised limit (J13) and the designated lead. Reviews already open keep their flow.
 */
export function putJointFlowUseCase(deps: Pick<SettingsDeps, 'flows' | 'items' | 'duty' | 'windows' | 'clock'>) {
  return async (request: PutJointFlowRequest, actor: Principal): Promise<JointFlow> => {
    const tenant = requestedTenant(request.tenant, actor);
    requireSettingsAdmin(actor, tenant);
    const item = await jointItemOfSeries(deps, tenant, request.itemSeriesId);
    const { leadDepartment, leadWindowId } = request.content;
    const [leadDepartmentKnown, window] = await Promise.all([
      leadDepartment ? deps.duty.hasDepartment(tenant, leadDepartment) : Promise.resolve(true),
      leadWindowId ? deps.windows.get(tenant, leadWindowId) : Promise.resolve(null),
    ]);
    const violations = validateJointFlow(request.content, {
      coDepartments: item.coDepartments,
      promisedWorkingDays: item.promisedWorkingDays,
      itemDepartment: item.department,
      leadDepartmentKnown,
      leadWindowDepartment: window?.department ?? null,
    });
    if (violations.length > 0) throw new ValidationError(violations);
    const current = await deps.flows.find(tenant, item.seriesId);
    if ((current?.version ?? 0) !== request.expectedVersion) {
      throw new ConcurrencyError('联办流程已被他人修改，请刷新后重试');
    }
    const next = putJointFlow(
      { tenant, itemSeriesId: item.seriesId, version: request.expectedVersion },
      request.content,
      item.name,
      actor.username,
      deps.clock.now(),
    );
    return deps.flows.save(next, request.expectedVersion);
  };
}
