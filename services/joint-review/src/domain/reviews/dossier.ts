import type { Task } from '../tasks/task';
import type { JointReview } from './joint-review';

/**
 * J14: what a department working on a joint case's task shares with the others. The review holds the case's
 * identity, its promised due date and every department's task with its opinion so far; the applicant's base data,
 * the materials and the form are the cases service's and not copied here (yet).
 */
export interface TaskDossier {
  caseId: string;
  caseNumber: string;
  itemName: string;
  casePromisedDueDate: string;
  /** Every department's task of the review, with its opinion once given. */
  results: Task[];
}

export function dossierOf(review: JointReview): TaskDossier {
  return {
    caseId: review.caseId,
    caseNumber: review.caseNumber,
    itemName: review.itemName,
    casePromisedDueDate: review.casePromisedDueDate,
    results: review.tasks,
  };
}
