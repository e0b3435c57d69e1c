import type { ComplaintTarget, TargetKind } from '../domain/complaints/complaint';
import type { ComplaintTargets } from '../usecases/complaints/ports';
import type { GrpcCaseApplicants } from './cases/case-applicants';
import type { GrpcStaffDirectory } from './identity/staff-directory';
import type { GrpcWindowDirectory } from './identity/window-directory';

/**
 * A complaint's target looked up in its tenant: a department and a member of staff in identity, a window with its
 * department, a case in the cases service (all read with the center account of the tenant). Anything of another
 * tenant, or not there, is none.
 */
export class LookedUpTargets implements ComplaintTargets {
  constructor(
    private readonly directory: Pick<GrpcStaffDirectory, 'findInTenant' | 'departmentOf'>,
    private readonly windows: Pick<GrpcWindowDirectory, 'windowOf'>,
    private readonly cases: Pick<GrpcCaseApplicants, 'caseOf'>,
  ) {}

  async resolve(tenant: string, kind: TargetKind, id: string): Promise<ComplaintTarget | null> {
    switch (kind) {
      case 'department': {
        const d = await this.directory.departmentOf(tenant, id);
        return d ? { kind, id: d.code, name: d.name, department: d.code } : null;
      }
      case 'window': {
        const w = await this.windows.windowOf(tenant, id);
        return w ? { kind, id: w.id, name: `${w.number}号窗口（${w.name}）`, department: w.department } : null;
      }
      case 'staff': {
        const s = await this.directory.findInTenant(tenant, id);
        return s ? { kind, id: s.username, name: s.name, department: s.department } : null;
      }
      case 'case': {
        const c = await this.cases.caseOf(tenant, id);
        return c ? { kind, id, name: `${c.caseNumber}（${c.itemName}）`, department: c.department } : null;
      }
      default:
        return null;
    }
  }
}
