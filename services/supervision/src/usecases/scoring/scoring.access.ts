import { decide, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { readSelector } from '../clocks.access';

/**
 * Who reaches the scoring standard and the scores (the same rules as the signal thresholds): supervisors and center
 * admins read their tenant and those below it; only the tenant's own center admin changes its standard.
 */
export function scoringTenant(actor: Principal, requested: string): string {
  return readSelector(actor, { tenant: requested, includeSubordinates: false }, ['supervisor', 'center_admin']).tenant;
}

export function requireStandardWriter(actor: Principal, tenant: string): void {
  const d = decide(actor, 'write', { type: 'scoring_standard', tenant }, { roles: ['center_admin'] });
  if (!d.allowed)
    throw new ForbiddenError(
      'SCORING_STANDARD_WRITE_FORBIDDEN',
      `只有本级政务服务中心管理员可以修改考核标准：${d.message}`,
    );
}
