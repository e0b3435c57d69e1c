import type { Principal } from '@govhall/auth';
import type { OutboxMessage } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import type { Meeting, MeetingEvent } from '../../domain/meetings/meeting';
import { toProtoMeeting, toProtoPosition } from '../grpc/meeting.mapper';
import { aggregateOutbox, type Encode } from './aggregate-outbox';

/** Topic of the joint meetings (Meeting*); key = meeting id. */
export const MEETING_TOPIC = 'govhall.joint-review.meeting';

const pb = jointReviewV1;

function toMessage(e: MeetingEvent, encode: Encode): OutboxMessage {
  const meeting = toProtoMeeting(e.meeting);
  switch (e.type) {
    case 'MeetingConvened':
      return encode(pb.MeetingConvened, { meeting });
    case 'MeetingRescheduled':
      return encode(pb.MeetingRescheduled, { meeting });
    case 'MeetingCancelled':
      return encode(pb.MeetingCancelled, { meeting });
    case 'MeetingMinutesRecorded':
      return encode(pb.MeetingMinutesRecorded, { meeting });
    case 'MeetingPositionRecorded':
      return encode(pb.MeetingPositionRecorded, { meeting, position: toProtoPosition(e.position) });
    case 'MeetingOutcomeRecorded':
      return encode(pb.MeetingOutcomeRecorded, { meeting });
  }
}

/**
 * A meeting's domain events as outbox messages in the shared envelope, in order: keyed by the meeting id, with the
 * meeting's stored version and time of change, and the person who acted.
 */
export function toMeetingOutbox(events: readonly MeetingEvent[], meeting: Meeting, actor: Principal): OutboxMessage[] {
  return aggregateOutbox(MEETING_TOPIC, events, meeting, actor, toMessage);
}
