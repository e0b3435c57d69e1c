import { enumCodec, enumSpelling, jointReviewV1 } from '@govhall/proto';
import type {
  Meeting,
  MeetingKind,
  MeetingPosition,
  MeetingResolution,
  MeetingState,
} from '../../domain/meetings/meeting';
import { opinionKind, toProtoAttachment } from './joint-review.mapper';

const pb = jointReviewV1;

export const meetingKind = enumCodec<MeetingKind, jointReviewV1.MeetingKind>(
  enumSpelling(pb.MeetingKind, 'MEETING_KIND_'),
);
export const meetingState = enumCodec<MeetingState, jointReviewV1.MeetingState>(
  enumSpelling(pb.MeetingState, 'MEETING_STATE_'),
);
export const meetingResolution = enumCodec<MeetingResolution, jointReviewV1.MeetingResolution>(
  enumSpelling(pb.MeetingResolution, 'MEETING_RESOLUTION_'),
);

export function toProtoPosition(p: MeetingPosition): jointReviewV1.MeetingPosition {
  return {
    agendaItemId: p.agendaItemId,
    department: p.department,
    kind: opinionKind.toProto(p.kind),
    text: p.text,
    reasons: [...p.reasons],
    conditions: [...p.conditions],
    recordedBy: p.recordedBy,
    recordedAt: p.recordedAt,
  };
}

export function toProtoMeeting(m: Meeting): jointReviewV1.Meeting {
  return {
    id: m.id,
    tenant: m.tenant,
    kind: meetingKind.toProto(m.kind),
    state: meetingState.toProto(m.state),
    subject: m.subject,
    scheduledAt: m.scheduledAt,
    location: m.location,
    convenedBy: m.convenedBy,
    agenda: m.agenda.map((a) => ({ ...a })),
    participants: m.participants.map((p) => ({ ...p, attendees: [...p.attendees] })),
    minutes: m.minutes,
    minutesAttachments: m.minutesAttachments.map(toProtoAttachment),
    positions: m.positions.map(toProtoPosition),
    outcomes: m.outcomes.map((o) => ({
      agendaItemId: o.agendaItemId,
      resolution: meetingResolution.toProto(o.resolution),
      text: o.text,
      conditions: [...o.conditions],
    })),
    projectId: m.projectId,
    note: m.note,
    version: m.version,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
