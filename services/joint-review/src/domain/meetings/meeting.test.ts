import { PreconditionError, ValidationError } from '@govhall/errors';
import {
  cancelMeeting,
  conveneMeeting,
  meetingOnReviews,
  recordMinutes,
  recordOutcome,
  recordPosition,
  rescheduleMeeting,
  type AgendaReviewFacts,
  type ConveneInput,
  type Meeting,
  type OutcomeInput,
} from './meeting';

const SCJ = '620300-SCJ';
const XFJ = '620300-XFJ';
const HBJ = '620300-HBJ';
const FGW = '620300-FGW';
const t0 = new Date('2026-06-04T02:00:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

const reviews = new Map<string, AgendaReviewFacts | null>([
  ['jr-1', { state: 'open', caseNumber: '62030020260604000001', departments: [SCJ, XFJ, HBJ] }],
  ['jr-done', { state: 'concluded', caseNumber: '62030020260601000009', departments: [SCJ, XFJ] }],
  ['jr-gone', null],
]);

function input(over: Partial<ConveneInput> = {}): ConveneInput {
  return {
    id: 'm-1',
    tenant: '620300',
    requestId: 'convene-0001',
    kind: 'case_review',
    subject: '重点项目会议联审',
    scheduledAt: later(48),
    location: '政务服务中心三楼会议室',
    agenda: [{ title: '某宾馆开办联审', reviewId: 'jr-1', note: '' }],
    departments: [FGW],
    projectId: 'p-1',
    reviews,
    departmentKnown: (d) => [SCJ, XFJ, HBJ, FGW].includes(d),
    by: 'center.admin',
    at: t0,
    ...over,
  };
}

function violations(run: () => unknown): [string, string][] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.violations.map((v) => [v.path, v.reason ?? '']);
    throw e;
  }
  throw new Error('no ValidationError');
}

function failure(run: () => unknown): PreconditionError {
  try {
    run();
  } catch (e) {
    if (e instanceof PreconditionError) return e;
    throw e;
  }
  throw new Error('no PreconditionError');
}

const convened = (): Meeting => conveneMeeting(input()).meeting;
const minutesScan = {
  id: 'a-1',
  fileName: '会议纪要.pdf',
  contentType: 'application/pdf',
  size: 9,
  sha256: '0'.repeat(64),
  uploadedBy: 'center.admin',
  uploadedAt: t0,
};
const held = (): Meeting =>
  recordMinutes(
    convened(),
    {
      attendance: [
        { department: SCJ, attendees: ['张主办'] },
        { department: XFJ, attendees: ['李消防'] },
        { department: HBJ, attendees: ['王环保'] },
      ],
      minutes: '会议审议了某宾馆开办联办件。',
      attachments: [minutesScan],
    },
    later(49),
  ).meeting;
const agree = { kind: 'agree' as const, text: '同意', reasons: [], conditions: [] };
const position = (m: Meeting, department: string, at = later(50)) =>
  recordPosition(m, { agendaItemId: '1', department, ...agree }, 'center.admin', at).meeting;
const agreed: OutcomeInput[] = [{ agendaItemId: '1', resolution: 'agreed', text: '同意开办', conditions: [] }];

describe('convening a joint meeting', () => {
  it('invites every department of the reviews on the agenda and those named besides, scheduled', () => {
    const { meeting, events } = conveneMeeting(input());
    expect(meeting).toMatchObject({
      state: 'scheduled',
      kind: 'case_review',
      convenedBy: 'center.admin',
      agenda: [{ id: '1', title: '某宾馆开办联审', reviewId: 'jr-1', caseNumber: '62030020260604000001', note: '' }],
      version: 1,
    });
    expect(meeting.participants).toEqual(
      [SCJ, XFJ, HBJ, FGW].map((department) => ({ department, attendees: [], attended: false })),
    );
    expect(events.map((e) => e.type)).toEqual(['MeetingConvened']);
  });

  it('refuses every bad field at once: key, kind, subject, a past date, reviews unknown, concluded or repeated', () => {
    expect(
      violations(() =>
        conveneMeeting(
          input({
            requestId: 'short',
            kind: undefined,
            subject: ' ',
            scheduledAt: later(-1),
            agenda: [],
            departments: ['620300-NONE', FGW, FGW],
          }),
        ),
      ),
    ).toEqual([
      ['requestId', 'PATTERN'],
      ['kind', 'REQUIRED'],
      ['subject', 'REQUIRED'],
      ['scheduledAt', 'OUT_OF_RANGE'],
      ['agenda', 'REQUIRED'],
      ['departments.0', 'UNKNOWN'],
      ['departments.2', 'DUPLICATE'],
    ]);
    const agenda = ['jr-gone', 'jr-done', 'jr-1', 'jr-1', ''].map((reviewId) => ({
      title: '议题',
      reviewId,
      note: '',
    }));
    expect(violations(() => conveneMeeting(input({ agenda })))).toEqual([
      ['agenda.0.reviewId', 'UNKNOWN'],
      ['agenda.1.reviewId', 'WRONG_STATE'],
      ['agenda.3.reviewId', 'DUPLICATE'],
      ['agenda.4.reviewId', 'REQUIRED'],
    ]);
  });

  it('holds a standing meeting of the named departments; its items name no review, and someone must be invited', () => {
    const standing = conveneMeeting(
      input({ kind: 'standing', agenda: [{ title: '窗口作风建设', reviewId: '', note: '' }], departments: [XFJ] }),
    ).meeting;
    expect(standing.participants.map((p) => p.department)).toEqual([XFJ]);
    expect(
      violations(() =>
        conveneMeeting(
          input({ kind: 'standing', agenda: [{ title: '议题', reviewId: 'jr-1', note: '' }], departments: [] }),
        ),
      ),
    ).toEqual([
      ['agenda.0.reviewId', 'NOT_ALLOWED'],
      ['departments', 'REQUIRED'],
    ]);
  });
});

describe('moving and cancelling a meeting', () => {
  it('moves a scheduled meeting with a reason, keeping the place when none is given', () => {
    const { meeting, events } = rescheduleMeeting(
      convened(),
      { scheduledAt: later(72), location: '', reason: '主要领导出差' },
      later(1),
    );
    expect(meeting).toMatchObject({
      scheduledAt: later(72),
      location: '政务服务中心三楼会议室',
      note: '主要领导出差',
      version: 2,
    });
    expect(events.map((e) => e.type)).toEqual(['MeetingRescheduled']);
    expect(
      violations(() => rescheduleMeeting(convened(), { scheduledAt: t0, location: '', reason: '' }, later(1))),
    ).toEqual([
      ['scheduledAt', 'OUT_OF_RANGE'],
      ['reason', 'REQUIRED'],
    ]);
  });

  it('cancels a scheduled meeting only', () => {
    const cancelled = cancelMeeting(convened(), '项目暂缓', later(1)).meeting;
    expect(cancelled).toMatchObject({ state: 'cancelled', note: '项目暂缓' });
    expect(failure(() => cancelMeeting(cancelled, '再次取消', later(2))).metadata).toEqual({
      currentState: 'cancelled',
    });
    expect(
      failure(() => rescheduleMeeting(held(), { scheduledAt: later(90), location: '', reason: '改期' }, later(50)))
        .code,
    ).toBe('WRONG_STATE');
  });
});

describe('minutes, positions and the outcome', () => {
  it('records who attended (the departments left out did not) and the minutes; a correction replaces them', () => {
    const m = held();
    expect(m.state).toBe('held');
    expect(m.participants.map((p) => [p.department, p.attended, p.attendees])).toEqual([
      [SCJ, true, ['张主办']],
      [XFJ, true, ['李消防']],
      [HBJ, true, ['王环保']],
      [FGW, false, []],
    ]);
    const corrected = recordMinutes(
      m,
      { attendance: [{ department: SCJ, attendees: [] }], minutes: '更正', attachments: [] },
      later(51),
    ).meeting;
    expect(m.minutesAttachments).toEqual([minutesScan]);
    expect(corrected.participants.filter((p) => p.attended).map((p) => p.department)).toEqual([SCJ]);
    expect(corrected.minutesAttachments).toEqual([]);
    expect(
      violations(() =>
        recordMinutes(
          convened(),
          { attendance: [{ department: '620300-NONE', attendees: [''] }], minutes: '', attachments: [] },
          t0,
        ),
      ),
    ).toEqual([
      ['attendance.0.department', 'UNKNOWN'],
      ['attendance.0.attendees.0', 'REQUIRED'],
      ['minutes', 'REQUIRED'],
    ]);
  });

  it('takes positions of invited departments on agenda items of a held meeting, one per department and item', () => {
    expect(failure(() => position(convened(), XFJ)).code).toBe('WRONG_STATE');
    let m = position(held(), XFJ);
    m = recordPosition(
      m,
      {
        agendaItemId: '1',
        department: XFJ,
        kind: 'disagree',
        text: '消防通道不足',
        reasons: ['疏散通道宽度不足'],
        conditions: [],
      },
      'xfj.head',
      later(51),
    ).meeting;
    m = position(m, HBJ);
    expect(m.positions.map((p) => [p.department, p.kind, p.recordedBy])).toEqual([
      [HBJ, 'agree', 'center.admin'],
      [XFJ, 'disagree', 'xfj.head'],
    ]);
    expect(
      violations(() =>
        recordPosition(
          held(),
          {
            agendaItemId: '9',
            department: '620300-NONE',
            kind: 'disagree',
            text: '不同意',
            reasons: [],
            conditions: [],
          },
          'a',
          t0,
        ),
      ),
    ).toEqual([
      ['position.reasons', 'REQUIRED'],
      ['position.agendaItemId', 'UNKNOWN'],
      ['position.department', 'UNKNOWN'],
    ]);
  });

  it('concludes once every item has an outcome and every attending department its position on each case item', () => {
    expect(failure(() => recordOutcome(convened(), agreed, t0)).code).toBe('WRONG_STATE');
    expect(violations(() => recordOutcome(held(), [], later(52)))).toEqual([['outcomes', 'REQUIRED']]);
    const missing = failure(() => recordOutcome(position(held(), XFJ), agreed, later(52)));
    expect([missing.code, missing.metadata]).toEqual(['POSITIONS_MISSING', { departments: `${SCJ},${HBJ}` }]);
    const all = [SCJ, XFJ, HBJ].reduce((m, d) => position(m, d), held());
    const { meeting, events } = recordOutcome(all, agreed, later(52));
    expect(meeting.state).toBe('concluded');
    expect(events.map((e) => e.type)).toEqual(['MeetingOutcomeRecorded']);
    expect(meetingOnReviews(meeting)).toEqual([{ reviewId: 'jr-1', deferred: false, positions: all.positions }]);
  });

  it('needs no positions on a deferred item, and writes none of them on its review', () => {
    const deferred: OutcomeInput[] = [
      { agendaItemId: '1', resolution: 'deferred', text: '补充材料后再议', conditions: [] },
    ];
    const meeting = recordOutcome(position(held(), XFJ), deferred, later(52)).meeting;
    expect(meetingOnReviews(meeting)).toEqual([{ reviewId: 'jr-1', deferred: true, positions: [] }]);
    expect(
      violations(() =>
        recordOutcome(
          held(),
          [{ agendaItemId: '1', resolution: 'agreed_with_conditions', text: '', conditions: [] }],
          later(52),
        ),
      ),
    ).toEqual([
      ['outcomes.0.text', 'REQUIRED'],
      ['outcomes.0.conditions', 'REQUIRED'],
    ]);
  });
});
