import type { Principal } from '@govhall/auth';
import type { ReviewSettings } from '../../domain/reviews/review-settings';
import { requestedTenant, requireSettingsReader } from '../settings/settings.access';
import type { SettingsDeps } from '../settings/settings.ports';

/** The tenant's settings (version 0 and the defaults when never set), for its staff and supervisors. */
export function getReviewSettingsUseCase(deps: Pick<SettingsDeps, 'settings'>) {
  return async (request: { tenant: string }, actor: Principal): Promise<ReviewSettings> => {
    const tenant = requestedTenant(request.tenant, actor);
    requireSettingsReader(actor, tenant);
    return deps.settings.forTenant(tenant);
  };
}
