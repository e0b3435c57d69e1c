import { status } from '@grpc/grpc-js';
import { isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type {
  JointCaseNow,
  JointCases,
} from '../../usecases/open-joint-review-by-lead/open-joint-review-by-lead.usecase';
import type { CaseReader } from './case-reader';
import { caseStatus } from './case-status';

const S = applicationsV1.CaseStatus;

/**
 * A joint case as the cases service shows it now (GetCase with the center account): the facts the case stream's
 * TRANSITION_JOINT_REVIEW_REQUESTED carries, handed over when the case moved to JOINT_REVIEW. The co-departments are
 * not on the case: the review takes the item's (as the stream does when it names none).
 */
export class JointCaseReader implements JointCases {
  constructor(private readonly reader: Pick<CaseReader, 'getCase'>) {}

  async find(tenant: string, caseId: string): Promise<JointCaseNow | null> {
    let c: applicationsV1.Case;
    try {
      c = await this.reader.getCase(tenant, caseId);
    } catch (e) {
      if (isServiceError(e) && e.code === status.NOT_FOUND) return null;
      throw e;
    }
    if (c.tenant !== tenant) return null;
    const handedAt = [...c.history].reverse().find((h) => h.toStatus === S.CASE_STATUS_JOINT_REVIEW)?.at;
    return {
      status: caseStatus.fromProto(c.status),
      handed: {
        caseId: c.id,
        caseNumber: c.caseNumber,
        tenant: c.tenant,
        itemId: c.itemId,
        itemName: c.itemName,
        itemBasicCode: c.itemBasicCode,
        department: c.department,
        windowId: c.windowId,
        coDepartments: [],
        casePromisedDueDate: c.clocks?.promised?.dueDate ?? '',
        caseStatutoryDueDate: c.clocks?.statutory?.dueDate ?? '',
        at: handedAt ?? new Date(),
      },
    };
  }
}
