import type { Principal } from '@govhall/auth';
import { recordMinutes, type Meeting, type MinutesInput } from '../../domain/meetings/meeting';
import { requireCenter, writeMeeting } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';
import { attachmentsFor } from '../attachments/use-attachments';

export interface RecordMinutesRequest extends Omit<MinutesInput, 'attachments'> {
  id: string;
  expectedVersion: number;
  attachmentIds: string[];
}

/**
 * The center records who attended and the minutes, with files the recorder uploaded (a correction may name the
 * meeting's earlier ones again): the meeting is HELD (a held meeting's are corrected).
 */
export function recordMinutesUseCase(deps: Pick<MeetingDeps, 'meetings' | 'clock' | 'attachments'>) {
  return async (request: RecordMinutesRequest, actor: Principal): Promise<Meeting> => {
    const meeting = await writeMeeting(
      deps.meetings,
      request.id,
      request.expectedVersion,
      actor,
      (m) => requireCenter(actor, m),
      async (m) => {
        const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, m.tenant, m.id);
        return recordMinutes(m, { ...request, attachments }, deps.clock.now());
      },
    );
    await deps.attachments.markUsed(request.attachmentIds, meeting.id);
    return meeting;
  };
}
