import type { Principal } from '@govhall/auth';
import { defaultFlow, type JointFlow } from '../../domain/reviews/joint-flow';
import { jointItemOfSeries, requestedTenant, requireSettingsReader } from '../settings/settings.access';
import type { SettingsDeps } from '../settings/settings.ports';

export interface GetJointFlowRequest {
  tenant: string;
  itemSeriesId: string;
}

/**
 * J13: the item's configured flow, or the default one the service would use (`configured` false: every
 * co-department at once with the tenant's default budget, the item's department leading).
 */
export function getJointFlowUseCase(deps: Pick<SettingsDeps, 'settings' | 'flows' | 'items'>) {
  return async (request: GetJointFlowRequest, actor: Principal): Promise<JointFlow> => {
    const tenant = requestedTenant(request.tenant, actor);
    requireSettingsReader(actor, tenant);
    const item = await jointItemOfSeries(deps, tenant, request.itemSeriesId);
    const configured = await deps.flows.find(tenant, item.seriesId);
    if (configured) return configured;
    const settings = await deps.settings.forTenant(tenant);
    return defaultFlow({
      tenant,
      itemSeriesId: item.seriesId,
      itemName: item.name,
      leadDepartment: item.department,
      leadWindowId: '',
      coDepartments: item.coDepartments,
      defaultBudgetWorkingDays: settings.defaultReviewWorkingDays,
    });
  };
}
