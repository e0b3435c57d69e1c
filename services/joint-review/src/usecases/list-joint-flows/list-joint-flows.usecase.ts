import type { Principal } from '@govhall/auth';
import { pageSize } from '@govhall/paging';
import type { JointFlow } from '../../domain/reviews/joint-flow';
import type { Page } from '../ports';
import { requestedTenant, requireSettingsReader } from '../settings/settings.access';
import type { SettingsDeps } from '../settings/settings.ports';

export interface ListJointFlowsRequest {
  tenant: string;
  page: { pageSize: number; pageToken: string };
}

/** The tenant's configured flows by item name, for its staff and supervisors. */
export function listJointFlowsUseCase(deps: Pick<SettingsDeps, 'flows'>) {
  return async (request: ListJointFlowsRequest, actor: Principal): Promise<Page<JointFlow>> => {
    const tenant = requestedTenant(request.tenant, actor);
    requireSettingsReader(actor, tenant);
    return deps.flows.list(tenant, { pageSize: pageSize(request.page.pageSize), pageToken: request.page.pageToken });
  };
}
