import type { Principal } from '@govhall/auth';
import type { Meeting } from '../../domain/meetings/meeting';
import { maySeeMeeting, meetingNotFound } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';

/** A meeting, for the center, supervisors and staff of an invited department; to anyone else it does not exist. */
export function getMeetingUseCase(deps: Pick<MeetingDeps, 'meetings'>) {
  return async (request: { id: string }, actor: Principal): Promise<Meeting> => {
    const meeting = request.id ? await deps.meetings.findById(request.id) : null;
    if (!meeting || !maySeeMeeting(actor, meeting)) throw meetingNotFound();
    return meeting;
  };
}
