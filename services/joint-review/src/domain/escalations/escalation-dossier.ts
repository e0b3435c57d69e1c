import type { TaskDossier } from '../reviews/dossier';
import type { Escalation } from './escalation';

/** What a department system pulling the parent's decision task sees of the escalated case (J15, J14). */
export function escalationDossier(e: Escalation): TaskDossier {
  return {
    caseId: e.case.caseId,
    caseNumber: e.case.caseNumber,
    itemName: e.case.itemName,
    casePromisedDueDate: e.case.promisedDueDate,
    results: e.task ? [e.task] : [],
  };
}
