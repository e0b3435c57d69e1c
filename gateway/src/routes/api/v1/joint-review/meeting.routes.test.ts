import { PreconditionError, ValidationError } from '@govhall/errors';
import { jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const MEETING_ID = 'e1000000-0000-4000-8000-000000000001';
const REVIEW_ID = 'e1000000-0000-4000-8000-000000000002';
const ATTACHMENT_ID = 'e1000000-0000-4000-8000-000000000003';
const at = new Date('2026-12-07T02:00:00.000Z');
const CENTER = { authorization: 'Bearer center' };
const HEAD = { authorization: 'Bearer head' };
const CLERK = { authorization: 'Bearer clerk' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path = '') => `/api/v1/joint-review/meetings${path}`;

const meeting: J.Meeting = J.Meeting.fromPartial({
  id: MEETING_ID,
  tenant: TENANT,
  kind: J.MeetingKind.MEETING_KIND_CASE_REVIEW,
  state: J.MeetingState.MEETING_STATE_HELD,
  subject: '重点项目会议联审',
  scheduledAt: at,
  location: '三楼会议室',
  convenedBy: 'yc-admin',
  agenda: [{ id: '1', title: '开办宾馆', reviewId: REVIEW_ID, caseNumber: '620321202612070001', note: '' }],
  participants: [{ department: '620321-RSJ', attendees: ['李四'], attended: true }],
  minutes: '会议纪要',
  minutesAttachments: [
    {
      id: ATTACHMENT_ID,
      fileName: '会议纪要.pdf',
      contentType: 'application/pdf',
      size: 9,
      sha256: '0'.repeat(64),
      uploadedBy: 'yc-admin',
      uploadedAt: at,
    },
  ],
  positions: [
    {
      agendaItemId: '1',
      department: '620321-RSJ',
      kind: J.OpinionKind.OPINION_KIND_AGREE,
      text: '同意',
      recordedBy: 'rsj-head',
      recordedAt: at,
    },
  ],
  createdAt: at,
  updatedAt: at,
  version: 4,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.MeetingServiceService, {
        conveneMeeting: async () => ({ meeting: { ...meeting, state: J.MeetingState.MEETING_STATE_SCHEDULED } }),
        getMeeting: async () => ({ meeting }),
        listMeetings: async () => ({ meetings: [meeting], page: { nextPageToken: 'n2', total: 3 } }),
        rescheduleMeeting: async () => ({ meeting }),
        cancelMeeting: async () => {
          throw new PreconditionError('WRONG_STATE', '会议当前状态为“已召开”，不能执行此操作', {
            currentState: 'held',
          });
        },
        recordMinutes: async () => ({ meeting }),
        recordPosition: async () => {
          throw new ValidationError([
            { path: 'position.department', reason: 'UNKNOWN', message: '该部门未受邀参会' },
            { path: 'position.reasons', reason: 'REQUIRED', message: '不同意的，应当说明理由' },
          ]);
        },
        recordOutcome: async () => {
          throw new PreconditionError('POSITIONS_MISSING', '还有1个参会部门未登记对议题的意见', {
            departments: '620321-ZRZY',
          });
        },
      }),
    ]),
    fakeVerifier(TENANT, { center: ['center_admin'], head: ['department_head'], clerk: ['window_clerk'] }),
  ),
);

describe('joint meeting routes', () => {
  it('convenes with the body in proto spellings and answers the meeting in REST spellings', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: CENTER,
      payload: {
        requestId: 'meeting-0001',
        kind: 'case_review',
        subject: '重点项目会议联审',
        scheduledAt: '2026-12-09T02:00:00.000Z',
        agenda: [{ title: '开办宾馆', reviewId: REVIEW_ID }],
        departments: ['620321-FGW'],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      requestId: 'meeting-0001',
      kind: J.MeetingKind.MEETING_KIND_CASE_REVIEW,
      scheduledAt: new Date('2026-12-09T02:00:00.000Z'),
      location: '',
      agenda: [{ title: '开办宾馆', reviewId: REVIEW_ID, note: '' }],
      departments: ['620321-FGW'],
    });
    expect(res.json().meeting).toMatchObject({
      id: MEETING_ID,
      kind: 'case_review',
      state: 'scheduled',
      scheduledAt: at.toISOString(),
      agenda: [{ id: '1', reviewId: REVIEW_ID, caseNumber: '620321202612070001' }],
      participants: [{ department: '620321-RSJ', attendees: ['李四'], attended: true }],
      positions: [{ department: '620321-RSJ', kind: 'agree', recordedBy: 'rsj-head', recordedAt: at.toISOString() }],
      version: 4,
    });
    expect(res.json().meeting.agenda[0].note).toBeUndefined();
  });

  it('reads one meeting and lists them, passing the filters and the page', async () => {
    const one = await fx.app.inject({ url: url(`/${MEETING_ID}`), headers: CLERK });
    expect([one.statusCode, one.json().meeting.state]).toEqual([200, 'held']);
    const list = await fx.app.inject({
      url: url(`?state=held&reviewId=${REVIEW_ID}&department=620321-RSJ&pageSize=5`),
      headers: CLERK,
    });
    expect(fx.lastCall().request).toMatchObject({
      state: J.MeetingState.MEETING_STATE_HELD,
      reviewId: REVIEW_ID,
      department: '620321-RSJ',
      page: { pageSize: 5 },
    });
    expect(list.json()).toMatchObject({ meetings: [{ id: MEETING_ID }], total: 3, nextPageToken: 'n2' });
  });

  it('moves and minutes a meeting for the center', async () => {
    const moved = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/reschedule`),
      headers: CENTER,
      payload: { expectedVersion: 1, scheduledAt: '2026-12-10T02:00:00.000Z', reason: '领导出差' },
    });
    expect(moved.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      id: MEETING_ID,
      expectedVersion: 1,
      location: '',
      reason: '领导出差',
    });
    const minuted = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/minutes`),
      headers: CENTER,
      payload: {
        expectedVersion: 2,
        attendance: [{ department: '620321-RSJ', attendees: ['李四'] }],
        minutes: '纪要',
        attachmentIds: [ATTACHMENT_ID],
      },
    });
    expect(minuted.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      attendance: [{ department: '620321-RSJ', attendees: ['李四'], attended: true }],
      minutes: '纪要',
      attachmentIds: [ATTACHMENT_ID],
    });
    expect(minuted.json().meeting.minutesAttachments).toEqual([
      {
        id: ATTACHMENT_ID,
        fileName: '会议纪要.pdf',
        contentType: 'application/pdf',
        size: 9,
        sha256: '0'.repeat(64),
        uploadedBy: 'yc-admin',
        uploadedAt: at.toISOString(),
      },
    ]);
    const twice = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/minutes`),
      headers: CENTER,
      payload: { expectedVersion: 2, attendance: [], minutes: '纪要', attachmentIds: [ATTACHMENT_ID, ATTACHMENT_ID] },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toMatchObject({ path: 'attachmentIds', message: expect.stringMatching(CHINESE) });
  });

  it("maps the service's refusals: wrong state and missing positions 409, a position's violations at the body's fields", async () => {
    const cancel = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/cancel`),
      headers: CENTER,
      payload: { expectedVersion: 4, reason: '取消' },
    });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json()).toMatchObject({ code: 'WRONG_STATE', detail: expect.stringMatching(CHINESE) });
    const outcome = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/outcome`),
      headers: CENTER,
      payload: { expectedVersion: 4, outcomes: [{ agendaItemId: '1', resolution: 'agreed', text: '同意' }] },
    });
    expect(outcome.statusCode).toBe(409);
    expect(outcome.json()).toMatchObject({ code: 'POSITIONS_MISSING' });
    expect(fx.lastCall().request).toMatchObject({
      outcomes: [{ agendaItemId: '1', resolution: J.MeetingResolution.MEETING_RESOLUTION_AGREED, conditions: [] }],
    });
    const position = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/positions`),
      headers: HEAD,
      payload: { expectedVersion: 4, agendaItemId: '1', department: '620321-XX', kind: 'disagree', text: '不同意' },
    });
    expect(fx.lastCall().request).toMatchObject({
      position: { agendaItemId: '1', department: '620321-XX', kind: J.OpinionKind.OPINION_KIND_DISAGREE },
    });
    expect(position.statusCode).toBe(400);
    expect(position.json().errors).toEqual([
      { path: 'department', reason: 'UNKNOWN', message: '该部门未受邀参会' },
      { path: 'reasons', reason: 'REQUIRED', message: '不同意的，应当说明理由' },
    ]);
  });

  it('refuses bad input at its field and callers without the role before calling the service', async () => {
    const bad = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: CENTER,
      payload: { requestId: 'x', kind: 'party', subject: '', scheduledAt: 'tomorrow', agenda: [] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['requestId', 'kind', 'subject', 'scheduledAt', 'agenda']));
    expect(bad.json().detail).toMatch(CHINESE);
    const clerk = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/cancel`),
      headers: CLERK,
      payload: { expectedVersion: 1, reason: '取消' },
    });
    expect([clerk.statusCode, clerk.json().code]).toEqual([403, 'ROLE_REQUIRED']);
    const clerkPosition = await fx.app.inject({
      method: 'POST',
      url: url(`/${MEETING_ID}/positions`),
      headers: CLERK,
      payload: { expectedVersion: 1, agendaItemId: '1', department: '620321-RSJ', kind: 'agree', text: '同意' },
    });
    expect(clerkPosition.statusCode).toBe(403);
    expect(fx.fake.calls).toEqual([]);
  });
});
