import type { Principal } from '@govhall/auth';
import { recordMinutes, type Meeting, type MinutesInput } from '../../domain/meetings/meeting';
import { requireCenter, writeMeeting } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';
import { requireKnownAttachments } from '../reviews/task-write';

export interface RecordMinutesRequest extends MinutesInput {
  id: string;
  expectedVersion: number;
  attachmentIds: string[];
}

/** The center records who attended and the minutes: the meeting is HELD (a held meeting's are corrected). */
export function recordMinutesUseCase(deps: Pick<MeetingDeps, 'meetings' | 'clock'>) {
  return (request: RecordMinutesRequest, actor: Principal): Promise<Meeting> =>
    writeMeeting(
      deps.meetings,
      request.id,
      request.expectedVersion,
      actor,
      (m) => requireCenter(actor, m),
      (m) => {
        requireKnownAttachments(request.attachmentIds);
        return recordMinutes(m, request, deps.clock.now());
      },
    );
}
