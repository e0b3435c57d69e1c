import type { ParentCenter, ParentCenters } from '../../usecases/escalations/escalation.ports';

/** The parents this deployment sends to: hosted here (local) or configured in PARENT_CENTERS (remote). */
export class ConfiguredParentCenters implements ParentCenters {
  constructor(private readonly parents: ReadonlyMap<string, ParentCenter>) {}

  of(targetTenant: string): ParentCenter | null {
    return this.parents.get(targetTenant) ?? null;
  }

  targets(): string[] {
    return [...this.parents.keys()];
  }
}
