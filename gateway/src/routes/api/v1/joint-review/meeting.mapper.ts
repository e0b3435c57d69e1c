import type { jointReviewV1 } from '@govhall/proto';
import { attachmentToRest } from './joint-review.mapper';
import { meetingKind, meetingResolution, meetingState, opinionKind } from './joint-review.enums';
import type { Meeting } from './meeting.schemas';

const iso = (d: Date | undefined) => d?.toISOString();
const text = (s: string) => s || undefined;

export function meetingToRest(m: jointReviewV1.Meeting): Meeting {
  return {
    id: m.id,
    tenant: m.tenant,
    kind: meetingKind.rest(m.kind),
    state: meetingState.rest(m.state),
    subject: m.subject,
    scheduledAt: iso(m.scheduledAt),
    location: m.location,
    convenedBy: m.convenedBy,
    agenda: m.agenda.map((a) => ({
      id: a.id,
      title: a.title,
      reviewId: text(a.reviewId),
      caseNumber: text(a.caseNumber),
      note: text(a.note),
    })),
    participants: m.participants.map((p) => ({
      department: p.department,
      attendees: p.attendees,
      attended: p.attended,
    })),
    minutes: text(m.minutes),
    minutesAttachments: m.minutesAttachments.map(attachmentToRest),
    positions: m.positions.map((p) => ({
      agendaItemId: p.agendaItemId,
      department: p.department,
      kind: opinionKind.rest(p.kind),
      text: p.text,
      reasons: p.reasons,
      conditions: p.conditions,
      recordedBy: p.recordedBy,
      recordedAt: iso(p.recordedAt),
    })),
    outcomes: m.outcomes.map((o) => ({
      agendaItemId: o.agendaItemId,
      resolution: meetingResolution.rest(o.resolution),
      text: o.text,
      conditions: o.conditions,
    })),
    projectId: text(m.projectId),
    note: text(m.note),
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
    version: Number(m.version),
  };
}
