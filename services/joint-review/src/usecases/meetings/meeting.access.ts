import { hasAnyRole, type Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, NotFoundError } from '@govhall/errors';
import type { Meeting, MeetingChange } from '../../domain/meetings/meeting';
import { DEPARTMENT_STAFF, isCenter, isSupervisorOf } from '../reviews/review.access';
import type { MeetingRepository } from './meeting.ports';

export const meetingNotFound = (): NotFoundError => new NotFoundError('MEETING_NOT_FOUND', '找不到该会议');

/** Staff of an invited department read the meeting, as do the center (center_admin) and supervisors. */
export function maySeeMeeting(actor: Principal, meeting: Meeting): boolean {
  const invited =
    actor.kind === 'user' &&
    actor.tenant === meeting.tenant &&
    !!actor.department &&
    meeting.participants.some((p) => p.department === actor.department) &&
    hasAnyRole(actor, DEPARTMENT_STAFF);
  return invited || isCenter(actor, meeting.tenant) || isSupervisorOf(actor, meeting.tenant);
}

export function centerOnly(): ForbiddenError {
  return new ForbiddenError('ROLE_REQUIRED', '只有政务服务中心管理员可以召集和主持联审会议');
}

/** The center convenes, moves, cancels and minutes a meeting; a reader who is not the center is refused. */
export function requireCenter(actor: Principal, meeting: Meeting): void {
  if (!maySeeMeeting(actor, meeting)) throw meetingNotFound();
  if (!isCenter(actor, meeting.tenant)) throw centerOnly();
}

/**
 * A write on a meeting the caller read at `expectedVersion`: `check` refuses who may not act (before the version is
 * compared, so an outsider learns nothing), `act` makes the change; it is stored with its events.
 */
export async function writeMeeting(
  meetings: MeetingRepository,
  id: string,
  expectedVersion: number,
  actor: Principal,
  check: (meeting: Meeting) => void,
  act: (meeting: Meeting) => Promise<MeetingChange> | MeetingChange,
): Promise<Meeting> {
  const meeting = id ? await meetings.findById(id) : null;
  if (!meeting) throw meetingNotFound();
  check(meeting);
  if (meeting.version !== expectedVersion) throw new ConcurrencyError('该会议已被他人修改，请刷新后重试');
  const change = await act(meeting);
  return meetings.save(change.meeting, expectedVersion, change.events, actor);
}
