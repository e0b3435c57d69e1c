import { complaintViolations } from '../../../domain/violations/complaint-violation-detectors';
import { recordDetectedViolations } from '../record-detected-violations';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection from the complaints service's complaints (投诉和举报): an acceptance or an answer past its day
 * is a violation of the handling office (complaint_late, one per clock), an answer classed 合理 one of the
 * complaint's target (complaint_justified); each stored once (its id holds the complaint's).
 */
export function recordComplaintViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return recordDetectedViolations(complaintViolations, deps);
}
