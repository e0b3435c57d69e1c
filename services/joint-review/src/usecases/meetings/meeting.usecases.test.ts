import type { Principal, Role } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { ConcurrencyError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import type { MeetingPosition } from '../../domain/meetings/meeting';
import { openedTestReview } from '../../domain/reviews/opened-review.test-double';
import { cancelMeetingUseCase } from '../cancel-meeting/cancel-meeting.usecase';
import { conveneMeetingUseCase, type ConveneMeetingRequest } from '../convene-meeting/convene-meeting.usecase';
import { getMeetingUseCase } from '../get-meeting/get-meeting.usecase';
import { InMemoryAttachments } from '../attachments/in-memory-attachments.test-double';
import { InMemoryJointReviews } from '../in-memory-joint-reviews.test-double';
import { listMeetingsUseCase } from '../list-meetings/list-meetings.usecase';
import { recordMinutesUseCase } from '../record-minutes/record-minutes.usecase';
import { recordOutcomeUseCase } from '../record-outcome/record-outcome.usecase';
import { recordPositionUseCase } from '../record-position/record-position.usecase';
import { rescheduleMeetingUseCase } from '../reschedule-meeting/reschedule-meeting.usecase';
import { InMemoryMeetings } from './in-memory-meetings.test-double';
import type { MeetingDeps } from './meeting.ports';

const TENANT = '620300';
const SCJ = '620300-SCJ';
const XFJ = '620300-XFJ';
const HBJ = '620300-HBJ';
const FGW = '620300-FGW';
const now = new Date('2026-06-04T02:00:00Z');
const tomorrow = new Date('2026-06-05T02:00:00Z');

function user(username: string, department: string, roles: Role[], tenant = TENANT): Principal {
  return { kind: 'user', subject: username, username, tenant, roles, department, clientId: 'govhall-workbench' };
}
const center = user('center.admin', '', ['center_admin']);
const otherCenter = user('jc.admin', '', ['center_admin'], '620302');
const xfjHead = user('xfj.head', XFJ, ['department_head']);
const xfjClerk = user('xfj.clerk', XFJ, ['window_clerk']);
const hbjApprover = user('hbj.approver', HBJ, ['approver']);
const fgwClerk = user('fgw.clerk', FGW, ['window_clerk']);
const provinceSupervisor = user('gs.supervisor', '', ['supervisor'], '620000');

function world() {
  const reviews = new InMemoryJointReviews();
  const meetings = new InMemoryMeetings();
  const attachments = new InMemoryAttachments();
  let n = 0;
  const deps: MeetingDeps = {
    meetings,
    reviews,
    duty: {
      windowResponsible: async () => '',
      windowLead: async (_t, d) => ({ [XFJ]: 'xfj.lead', [HBJ]: 'hbj.lead' })[d] ?? '',
      departmentStaff: async () => null,
      hasDepartment: async (tenant, d) => tenant === TENANT && [SCJ, XFJ, HBJ, FGW].includes(d),
    },
    calendars: { forTenant: async () => createWorkingCalendar() },
    clock: { now: () => now },
    ids: { newId: () => `m-${++n}` },
    attachments,
  };
  const opened = openedTestReview(
    [
      { department: XFJ, stage: 1 },
      { department: HBJ, stage: 1 },
    ],
    new Map([
      [XFJ, 'xfj.lead'],
      [HBJ, 'hbj.lead'],
    ]),
    now,
  );
  reviews.byId.set('jr-1', opened);
  return {
    reviews,
    meetings,
    attachments,
    convene: conveneMeetingUseCase(deps),
    reschedule: rescheduleMeetingUseCase(deps),
    cancel: cancelMeetingUseCase(deps),
    minutes: recordMinutesUseCase(deps),
    position: recordPositionUseCase(deps),
    outcome: recordOutcomeUseCase(deps),
    get: getMeetingUseCase(deps),
    list: listMeetingsUseCase(deps),
  };
}

const request = (over: Partial<ConveneMeetingRequest> = {}): ConveneMeetingRequest => ({
  requestId: 'convene-0001',
  tenant: '',
  kind: 'case_review',
  subject: '开办宾馆会议联审',
  scheduledAt: tomorrow,
  location: '三楼会议室',
  agenda: [{ title: '开办宾馆一件事', reviewId: 'jr-1', note: '' }],
  departments: [FGW],
  projectId: '',
  ...over,
});

const agree = (department: string): Omit<MeetingPosition, 'recordedBy' | 'recordedAt'> => ({
  agendaItemId: '1',
  department,
  kind: 'agree',
  text: '同意',
  reasons: [],
  conditions: [],
});

describe('the meeting use cases', () => {
  it('lets only the center of the tenant convene, once per request id', async () => {
    const w = world();
    await expect(w.convene(request(), xfjHead)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(w.convene(request({ tenant: '620302' }), center)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    // Another tenant's center does not find 620300's review.
    await expect(w.convene(request(), otherCenter)).rejects.toBeInstanceOf(ValidationError);
    const first = await w.convene(request(), center);
    expect(first.participants.map((p) => p.department)).toEqual([SCJ, HBJ, XFJ, FGW]);
    expect(await w.convene(request(), center)).toEqual(first);
    await expect(w.convene(request({ subject: '另一次会议' }), center)).rejects.toBeInstanceOf(ConflictError);
    expect(w.meetings.byId.size).toBe(1);
  });

  it('shows a meeting to the center, supervisors above and invited staff; to others it does not exist', async () => {
    const w = world();
    const m = await w.convene(request({ departments: [] }), center);
    for (const reader of [center, xfjClerk, provinceSupervisor])
      await expect(w.get({ id: m.id }, reader)).resolves.toEqual(m);
    for (const outsider of [fgwClerk, otherCenter]) {
      await expect(w.get({ id: m.id }, outsider)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(
      w.reschedule({ id: m.id, expectedVersion: 1, scheduledAt: tomorrow, location: '', reason: '改期' }, xfjClerk),
    ).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(w.cancel({ id: m.id, expectedVersion: 1, reason: '取消' }, fgwClerk)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(w.cancel({ id: m.id, expectedVersion: 0, reason: '取消' }, center)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });

  it("takes a department's position from its head or approver, or from the center; never for another department", async () => {
    const w = world();
    let m = await w.convene(request(), center);
    m = await w.minutes(
      { id: m.id, expectedVersion: m.version, attendance: [], minutes: '纪要', attachmentIds: [] },
      center,
    );
    await expect(
      w.position({ id: m.id, expectedVersion: m.version, position: agree(HBJ) }, xfjHead),
    ).rejects.toMatchObject({
      code: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    await expect(
      w.position({ id: m.id, expectedVersion: m.version, position: agree(XFJ) }, xfjClerk),
    ).rejects.toBeInstanceOf(ForbiddenError);
    m = await w.position({ id: m.id, expectedVersion: m.version, position: agree(XFJ) }, xfjHead);
    m = await w.position({ id: m.id, expectedVersion: m.version, position: agree(HBJ) }, hbjApprover);
    m = await w.position({ id: m.id, expectedVersion: m.version, position: agree(SCJ) }, center);
    expect(m.positions.map((p) => [p.department, p.recordedBy])).toEqual([
      [HBJ, 'hbj.approver'],
      [SCJ, 'center.admin'],
      [XFJ, 'xfj.head'],
    ]);
    await expect(
      w.minutes(
        { id: m.id, expectedVersion: m.version, attendance: [], minutes: '纪要', attachmentIds: ['f-1'] },
        center,
      ),
    ).rejects.toMatchObject({ violations: [{ path: 'attachmentIds.0', reason: 'ATTACHMENT_UNKNOWN' }] });
  });

  it('binds the files the center uploaded to the minutes; a correction may name them again, another meeting not', async () => {
    const w = world();
    let m = await w.convene(request(), center);
    const other = await w.convene(request({ requestId: 'convene-0002' }), center);
    w.attachments.given('a-1', 'center.admin', TENANT, '会议纪要.pdf');
    w.attachments.given('a-2', 'xfj.head', TENANT);
    await expect(
      w.minutes(
        { id: m.id, expectedVersion: m.version, attendance: [], minutes: '纪要', attachmentIds: ['a-1', 'a-2'] },
        center,
      ),
    ).rejects.toMatchObject({ violations: [{ path: 'attachmentIds.1', reason: 'ATTACHMENT_UNKNOWN' }] });
    expect(w.attachments.usedBy('a-1')).toBe('');
    m = await w.minutes(
      { id: m.id, expectedVersion: m.version, attendance: [], minutes: '纪要', attachmentIds: ['a-1'] },
      center,
    );
    expect(m.minutesAttachments).toMatchObject([{ id: 'a-1', fileName: '会议纪要.pdf', uploadedBy: 'center.admin' }]);
    expect(w.attachments.usedBy('a-1')).toBe(m.id);
    m = await w.minutes(
      { id: m.id, expectedVersion: m.version, attendance: [], minutes: '更正', attachmentIds: ['a-1'] },
      center,
    );
    expect(m.minutesAttachments.map((a) => a.id)).toEqual(['a-1']);
    await expect(
      w.minutes(
        { id: other.id, expectedVersion: other.version, attendance: [], minutes: '纪要', attachmentIds: ['a-1'] },
        center,
      ),
    ).rejects.toMatchObject({ violations: [{ path: 'attachmentIds.0', reason: 'ATTACHMENT_UNKNOWN' }] });
  });

  it('writes the outcome on the review: the positions answer the open tasks, the meeting is listed', async () => {
    const w = world();
    let m = await w.convene(request(), center);
    const attendance = [SCJ, XFJ, HBJ].map((department) => ({ department, attendees: ['代表'] }));
    m = await w.minutes(
      { id: m.id, expectedVersion: m.version, attendance, minutes: '纪要', attachmentIds: [] },
      center,
    );
    for (const d of [SCJ, XFJ, HBJ])
      m = await w.position({ id: m.id, expectedVersion: m.version, position: agree(d) }, center);
    const outcomes = [{ agendaItemId: '1', resolution: 'agreed' as const, text: '同意开办', conditions: [] }];
    m = await w.outcome({ id: m.id, expectedVersion: m.version, outcomes }, center);
    expect(m.state).toBe('concluded');
    const review = (await w.reviews.findById('jr-1'))!;
    expect(review.meetingIds).toEqual([m.id]);
    expect(review.state).toBe('awaiting_conclusion');
    expect(review.tasks.map((t) => [t.department, t.state, t.opinion?.source, t.opinion?.meetingId])).toEqual([
      [HBJ, 'done', 'meeting', m.id],
      [XFJ, 'done', 'meeting', m.id],
    ]);
    expect(w.meetings.events.map((e) => e.type)).toEqual([
      'MeetingConvened',
      'MeetingMinutesRecorded',
      'MeetingPositionRecorded',
      'MeetingPositionRecorded',
      'MeetingPositionRecorded',
      'MeetingOutcomeRecorded',
    ]);
  });

  it('lists the whole tenant to the center and supervisors, only their own department to other staff', async () => {
    const w = world();
    const m = await w.convene(request(), center);
    await w.convene(
      request({
        requestId: 'convene-0002',
        kind: 'standing',
        agenda: [{ title: '作风', reviewId: '', note: '' }],
        departments: [FGW],
      }),
      center,
    );
    const page = { pageSize: 10, pageToken: '' };
    const all = { tenant: '', department: '', projectId: '', reviewId: '', page };
    expect((await w.list(all, center)).totalSize).toBe(2);
    expect((await w.list({ ...all, tenant: TENANT }, provinceSupervisor)).totalSize).toBe(2);
    expect((await w.list(all, xfjClerk)).items.map((x) => x.id)).toEqual([m.id]);
    expect((await w.list({ ...all, reviewId: 'jr-1' }, center)).items.map((x) => x.id)).toEqual([m.id]);
    await expect(w.list({ ...all, department: FGW }, xfjClerk)).rejects.toMatchObject({
      code: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    await expect(w.list({ ...all, tenant: '620302' }, center)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
  });
});
