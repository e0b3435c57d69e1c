import type { Principal } from '@govhall/auth';
import { rescheduleMeeting, type Meeting } from '../../domain/meetings/meeting';
import { requireCenter, writeMeeting } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';

export interface RescheduleMeetingRequest {
  id: string;
  expectedVersion: number;
  scheduledAt: Date | undefined;
  location: string;
  reason: string;
}

/** The center moves a scheduled meeting (time, and place when given) with a reason. */
export function rescheduleMeetingUseCase(deps: Pick<MeetingDeps, 'meetings' | 'clock'>) {
  return (request: RescheduleMeetingRequest, actor: Principal): Promise<Meeting> =>
    writeMeeting(
      deps.meetings,
      request.id,
      request.expectedVersion,
      actor,
      (m) => requireCenter(actor, m),
      (m) => rescheduleMeeting(m, request, deps.clock.now()),
    );
}
