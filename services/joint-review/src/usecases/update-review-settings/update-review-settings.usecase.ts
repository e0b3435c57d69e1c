import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import {
  updateReviewSettings,
  validateReviewSettings,
  type ReviewSettings,
  type ReviewSettingsContent,
} from '../../domain/reviews/review-settings';
import { hostsTenant } from '../escalations/escalation.ports';
import { requestedTenant, requireSettingsAdmin } from '../settings/settings.access';
import type { SettingsDeps } from '../settings/settings.ports';

export interface UpdateReviewSettingsRequest {
  tenant: string;
  expectedVersion: number;
  content: ReviewSettingsContent;
}

/**
 * The center replaces its settings (J9 lead rule, budgets, J3 routes). A route's department must be the tenant's and
 * its target the parent tenant's (checked with identity when the parent is hosted here; otherwise by its code).
 */
export function updateReviewSettingsUseCase(
  deps: Pick<SettingsDeps, 'settings' | 'duty' | 'tenants' | 'clock' | 'hosted'>,
) {
  return async (request: UpdateReviewSettingsRequest, actor: Principal): Promise<ReviewSettings> => {
    const tenant = requestedTenant(request.tenant, actor);
    requireSettingsAdmin(actor, tenant);
    const routes = request.content.escalationRoutes;
    const parentTenant = routes.length > 0 ? await deps.tenants.parentOf(tenant) : '';
    const parentHere = parentTenant !== '' && hostsTenant(deps.hosted, parentTenant);
    const [own, targets] = await Promise.all([
      Promise.all(routes.map((r) => (r.department ? deps.duty.hasDepartment(tenant, r.department) : false))),
      Promise.all(
        routes.map((r) =>
          !r.targetDepartment.startsWith(`${parentTenant}-`) || !parentTenant
            ? false
            : parentHere
              ? deps.duty.hasDepartment(parentTenant, r.targetDepartment)
              : true,
        ),
      ),
    ]);
    const known = new Set(routes.filter((_, i) => own[i]).map((r) => r.department));
    const knownTargets = new Set(routes.filter((_, i) => targets[i]).map((r) => r.targetDepartment));
    const violations = validateReviewSettings(request.content, {
      parentTenant,
      isTenantDepartment: (d) => known.has(d),
      isParentDepartment: (d) => knownTargets.has(d),
    });
    if (violations.length > 0) throw new ValidationError(violations);
    const current = await deps.settings.forTenant(tenant);
    if (current.version !== request.expectedVersion) {
      throw new ConcurrencyError('联办设置已被他人修改，请刷新后重试');
    }
    const next = updateReviewSettings(current, request.content, actor.username, deps.clock.now());
    return deps.settings.save(next, request.expectedVersion);
  };
}
