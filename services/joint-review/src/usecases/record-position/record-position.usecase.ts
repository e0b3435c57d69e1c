import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { recordPosition, type Meeting, type PositionInput } from '../../domain/meetings/meeting';
import { maySeeMeeting, meetingNotFound, writeMeeting } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';
import { isCenter } from '../reviews/review.access';

/**
 * Who records a department's position: its department head or approver, or the center's administrator for it. The
 * head or approver of another (invited) department is refused with DEPARTMENT_OUT_OF_SCOPE; other readers with
 * ROLE_REQUIRED; anyone else does not see the meeting.
 */
function requirePositionRecorder(actor: Principal, meeting: Meeting, department: string): void {
  if (!maySeeMeeting(actor, meeting)) throw meetingNotFound();
  if (isCenter(actor, meeting.tenant)) return;
  if (actor.kind !== 'user' || !hasAnyRole(actor, ['department_head', 'approver'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有部门负责人、审批人员或中心管理员可以登记部门意见');
  }
  if (actor.department !== department) {
    throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能登记本部门的意见');
  }
}

/** Records (or replaces) one department's position on one agenda item of a held meeting. */
export function recordPositionUseCase(deps: Pick<MeetingDeps, 'meetings' | 'clock'>) {
  return (
    request: { id: string; expectedVersion: number; position: PositionInput },
    actor: Principal,
  ): Promise<Meeting> =>
    writeMeeting(
      deps.meetings,
      request.id,
      request.expectedVersion,
      actor,
      (m) => requirePositionRecorder(actor, m, request.position.department),
      (m) => recordPosition(m, request.position, actor.username, deps.clock.now()),
    );
}
