import { configuredRoute } from '../../domain/reviews/review-settings';
import type { Duty, SettingsSource } from '../../usecases/ports';
import { hostsTenant, type EscalationSettings } from '../../usecases/escalations/escalation.ports';

/**
 * J3 from the tenant's joint-review settings: the forwarding budget as the center set it (0, the default: until the
 * case's promised due date, ADR 0057), and a department's route as configured. A department without a configured
 * route goes to the parent's department of the same abbreviation ("620321-STHJ" → "620300-STHJ") when the parent
 * is hosted here and has it; for a parent in another deployment the same abbreviation is named and the parent
 * checks it.
 */
export class DefaultEscalationSettings implements EscalationSettings {
  constructor(
    private readonly settings: SettingsSource,
    private readonly duty: Pick<Duty, 'hasDepartment'>,
    private readonly hosted: ReadonlySet<string>,
  ) {}

  async forwardWorkingDays(tenant: string): Promise<number> {
    return (await this.settings.forTenant(tenant)).escalationForwardWorkingDays;
  }

  async route(tenant: string, department: string, targetTenant: string): Promise<string> {
    if (!targetTenant) return '';
    const configured = configuredRoute(await this.settings.forTenant(tenant), department);
    if (configured.startsWith(`${targetTenant}-`)) return configured;
    const abbreviation = department.startsWith(`${tenant}-`) ? department.slice(tenant.length + 1) : '';
    if (!abbreviation) return '';
    const target = `${targetTenant}-${abbreviation}`;
    if (!hostsTenant(this.hosted, targetTenant)) return target;
    return (await this.duty.hasDepartment(targetTenant, target)) ? target : '';
  }
}
