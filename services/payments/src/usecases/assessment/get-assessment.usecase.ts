import type { Principal } from '@govhall/auth';
import type { AssessableLine } from '../../domain/notices/assessment';
import type { Notice } from '../../domain/notices/notice';
import { requireDepartmentStaff } from '../access/payments.access';
import type { Cases, FeeItemRepository, ItemFees, NoticeRepository } from '../ports';
import { caseFees } from './assessable-lines';

export interface Assessment {
  caseId: string;
  caseNumber: string;
  itemName: string;
  lines: (AssessableLine & { mine: boolean })[];
  notice: Notice | null;
}

/** P2: what the approved case owes, for a department that assesses part of it. */
export function getAssessmentUseCase(deps: {
  cases: Cases;
  items: ItemFees;
  feeItems: FeeItemRepository;
  notices: NoticeRepository;
}) {
  return async (request: { caseId: string }, actor: Principal): Promise<Assessment> => {
    const department = requireDepartmentStaff(actor, actor.tenant);
    const { view, lines } = await caseFees(deps, actor.tenant, request.caseId);
    return {
      caseId: view.caseId,
      caseNumber: view.caseNumber,
      itemName: view.itemName,
      lines: lines.map((l) => ({ ...l, mine: l.department === department })),
      notice: await deps.notices.findByCase(view.tenant, view.caseId),
    };
  };
}
