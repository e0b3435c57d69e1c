import type { Principal } from '@govhall/auth';
import { cancelMeeting, type Meeting } from '../../domain/meetings/meeting';
import { requireCenter, writeMeeting } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';

/** The center calls off a scheduled meeting with a reason. */
export function cancelMeetingUseCase(deps: Pick<MeetingDeps, 'meetings' | 'clock'>) {
  return (request: { id: string; expectedVersion: number; reason: string }, actor: Principal): Promise<Meeting> =>
    writeMeeting(
      deps.meetings,
      request.id,
      request.expectedVersion,
      actor,
      (m) => requireCenter(actor, m),
      (m) => cancelMeeting(m, request.reason, deps.clock.now()),
    );
}
