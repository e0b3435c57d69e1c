import type { Duty } from '../../usecases/ports';
import { hostsTenant, type EscalationSettings } from '../../usecases/escalations/escalation.ports';

/** J3: working days a lower center's window has to forward an escalated case, until the tenant settings hold it. */
export const DEFAULT_FORWARD_WORKING_DAYS = 2;

/**
 * Escalation settings until JointReviewService's settings carry routes (UpdateSettings is not served yet): the
 * forwarding budget is the default, and a department's cases go to the parent's department of the same abbreviation
 * ("620321-STHJ" → "620300-STHJ") when the parent is hosted here and has it; for a parent in another deployment
 * the same abbreviation is named and the parent checks it.
 */
export class DefaultEscalationSettings implements EscalationSettings {
  constructor(
    private readonly duty: Pick<Duty, 'hasDepartment'>,
    private readonly hosted: ReadonlySet<string>,
  ) {}

  async forwardWorkingDays(): Promise<number> {
    return DEFAULT_FORWARD_WORKING_DAYS;
  }

  async route(tenant: string, department: string, targetTenant: string): Promise<string> {
    const abbreviation = department.startsWith(`${tenant}-`) ? department.slice(tenant.length + 1) : '';
    if (!abbreviation || !targetTenant) return '';
    const target = `${targetTenant}-${abbreviation}`;
    if (!hostsTenant(this.hosted, targetTenant)) return target;
    return (await this.duty.hasDepartment(targetTenant, target)) ? target : '';
  }
}
