import type { ParentCenter, ParentCenters } from '../../usecases/escalations/escalation.ports';

/** The parents this deployment sends to: hosted here (local) or configured in PARENT_CENTERS (remote). */
export class ConfiguredParentCenters implements ParentCenters {
  constructor(
    private readonly parents: ReadonlyMap<string, ParentCenter>,
    /** A deployment hosting any tenant (GOVHALL_TENANTS empty) reaches every other parent in the process. */
    private readonly anyTenant?: (targetTenant: string) => ParentCenter,
  ) {}

  of(targetTenant: string): ParentCenter | null {
    return this.parents.get(targetTenant) ?? this.anyTenant?.(targetTenant) ?? null;
  }

  targets(): string[] {
    return [...this.parents.keys()];
  }
}
