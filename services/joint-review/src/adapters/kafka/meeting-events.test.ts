import type { Principal } from '@govhall/auth';
import { decodeEnvelope } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import {
  cancelMeeting,
  conveneMeeting,
  recordMinutes,
  recordOutcome,
  recordPosition,
  rescheduleMeeting,
  type MeetingEvent,
} from '../../domain/meetings/meeting';
import { MEETING_TOPIC, toMeetingOutbox } from './meeting-events';

const pb = jointReviewV1;
const t0 = new Date('2026-06-04T02:00:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const center: Principal = {
  kind: 'user',
  subject: 'sub-c',
  username: 'center.admin',
  tenant: '620300',
  roles: ['center_admin'],
  clientId: 'govhall-workbench',
};

/** Every meeting event, in the order a meeting's life makes them. */
function life(): MeetingEvent[] {
  const convened = conveneMeeting({
    id: 'm-1',
    tenant: '620300',
    requestId: 'convene-0001',
    kind: 'case_review',
    subject: '会议联审',
    scheduledAt: later(24),
    location: '三楼',
    agenda: [{ title: '开办宾馆', reviewId: 'jr-1', note: '' }],
    departments: [],
    projectId: '',
    reviews: new Map([['jr-1', { state: 'open', caseNumber: 'C-1', departments: ['620300-XFJ'] }]]),
    departmentKnown: () => true,
    by: 'center.admin',
    at: t0,
  });
  const moved = rescheduleMeeting(convened.meeting, { scheduledAt: later(48), location: '', reason: '改期' }, later(1));
  const held = recordMinutes(
    moved.meeting,
    { attendance: [{ department: '620300-XFJ', attendees: ['李'] }], minutes: '纪要', attachments: [] },
    later(49),
  );
  const position = recordPosition(
    held.meeting,
    { agendaItemId: '1', department: '620300-XFJ', kind: 'agree', text: '同意', reasons: [], conditions: [] },
    'center.admin',
    later(50),
  );
  const outcome = recordOutcome(
    position.meeting,
    [{ agendaItemId: '1', resolution: 'agreed', text: '同意', conditions: [] }],
    later(51),
  );
  const cancelled = cancelMeeting(convened.meeting, '取消', later(2));
  return [convened, moved, held, position, outcome, cancelled].flatMap((c) => c.events);
}

describe('meeting events', () => {
  it('publishes each on the meeting topic, keyed by the meeting, in the shared envelope with its proto payload', () => {
    const events = life();
    for (const e of events) {
      const [message] = toMeetingOutbox([e], e.meeting, center);
      expect(message).toMatchObject({ topic: MEETING_TOPIC, key: 'm-1' });
      const envelope = decodeEnvelope(message!.value);
      expect(envelope).toMatchObject({
        type: `govhall.joint_review.v1.${e.type}`,
        tenant: '620300',
        aggregateId: 'm-1',
        aggregateVersion: e.meeting.version,
        actor: { username: 'center.admin' },
      });
      const codec = pb[e.type];
      const decoded = codec.decode(envelope.payload) as { meeting?: jointReviewV1.Meeting };
      expect(decoded.meeting).toMatchObject({ id: 'm-1', version: e.meeting.version, state: expect.any(Number) });
    }
    expect(events.map((e) => e.type)).toEqual([
      'MeetingConvened',
      'MeetingRescheduled',
      'MeetingMinutesRecorded',
      'MeetingPositionRecorded',
      'MeetingOutcomeRecorded',
      'MeetingCancelled',
    ]);
    const positionEvent = toMeetingOutbox([events[3]!], events[3]!.meeting, center)[0]!;
    const decoded = pb.MeetingPositionRecorded.decode(decodeEnvelope(positionEvent.value).payload);
    expect(decoded.position).toMatchObject({ department: '620300-XFJ', kind: pb.OpinionKind.OPINION_KIND_AGREE });
    expect(decoded.meeting!.state).toBe(pb.MeetingState.MEETING_STATE_HELD);
  });
});
