import { status } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import { grpcFailure, userToken, waitFor } from '@govhall/testing';
import { MEETING_TOPIC, RSJ, SCJG, TENANT, ZRZY, reviewEventType } from './joint-world';
import { world } from './shared-joint-world';

// Joint meetings (会议联审, J10) against the real stack: the center of 永昌县 (yc-admin, center_admin) convenes a
// meeting about a joint case the cases service handed to joint review, with the lead and both co-departments; moves
// it, minutes it, takes each department's position (one from B's own approver) and records the outcome, which answers
// the co-departments' open tasks on the review (source MEETING). Refusals change nothing.

const pb = jointReviewV1;

type Meeting = jointReviewV1.Meeting;
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

const call = <Req, Res>(method: keyof jointReviewV1.MeetingServiceClient, req: Req, token: string) =>
  world.meetingCall<Req, Res>(method, req, token);

function convene(token: string, over: Partial<jointReviewV1.ConveneMeetingRequest>): Promise<Meeting> {
  return call<jointReviewV1.ConveneMeetingRequest, jointReviewV1.ConveneMeetingResponse>(
    'conveneMeeting',
    {
      requestId: `meeting-${world.cases.suffix}`,
      tenant: '',
      kind: pb.MeetingKind.MEETING_KIND_CASE_REVIEW,
      subject: '联办测试项目会议联审',
      scheduledAt: inDays(2),
      location: '政务服务中心三楼第一会议室',
      agenda: [],
      departments: [],
      projectId: '',
      ...over,
    },
    token,
  ).then((r) => r.meeting!);
}

const get = async (id: string, token: string): Promise<Meeting> =>
  (await call<jointReviewV1.GetMeetingRequest, jointReviewV1.GetMeetingResponse>('getMeeting', { id }, token)).meeting!;

const list = (token: string, over: Partial<jointReviewV1.ListMeetingsRequest> = {}) =>
  call<jointReviewV1.ListMeetingsRequest, jointReviewV1.ListMeetingsResponse>(
    'listMeetings',
    {
      tenant: '',
      department: '',
      state: 0,
      projectId: '',
      reviewId: '',
      page: { pageSize: 20, pageToken: '' },
      ...over,
    },
    token,
  );

function position(
  m: Meeting,
  department: string,
  kind: jointReviewV1.OpinionKind,
  token: string,
  conditions: string[] = [],
) {
  return call<jointReviewV1.RecordPositionRequest, jointReviewV1.RecordPositionResponse>(
    'recordPosition',
    {
      id: m.id,
      expectedVersion: m.version,
      position: {
        agendaItemId: '1',
        department,
        kind,
        text: conditions.length ? '附条件同意' : '同意',
        reasons: [],
        conditions,
        recordedBy: '',
        recordedAt: undefined,
      },
    },
    token,
  ).then((r) => r.meeting!);
}

/** The signed minutes, as scanned. */
const MINUTES_SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% 会议纪要\ntrailer<<>>\n%%EOF\n');

const violations = (e: { violations: { path: string; reason?: string }[] }) =>
  e.violations.map((v) => `${v.path} ${v.reason}`);

describe('joint meetings (会议联审) against the real stack', () => {
  it('convenes, moves, minutes, takes positions and writes the outcome on the joint review', async () => {
    const accepted = await world.acceptedJointCase('会议联审宾馆');
    const review = await world.openedReview(accepted.id);
    const center = await world.cases.adminToken();
    const agenda = [
      { id: '', title: '会议联审宾馆开办', reviewId: review.id, caseNumber: '', note: '请各部门携带审查意见' },
    ];

    // 1. Only the center convenes; bad input is refused field by field and nothing is convened.
    const clerk = await grpcFailure(convene(await world.token('clerk'), { agenda }));
    expect([clerk.code, clerk.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    const bad = await grpcFailure(convene(center, { scheduledAt: inDays(-1), agenda: [] }));
    expect([bad.code, bad.reason]).toEqual([status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(violations(bad)).toEqual(['scheduledAt OUT_OF_RANGE', 'agenda REQUIRED', 'departments REQUIRED']);
    const standing = await grpcFailure(
      convene(center, {
        kind: pb.MeetingKind.MEETING_KIND_STANDING,
        agenda: [{ ...agenda[0]!, title: '' }],
      }),
    );
    expect(violations(standing)).toEqual([
      'agenda.0.title REQUIRED',
      'agenda.0.reviewId NOT_ALLOWED',
      'departments REQUIRED',
    ]);
    expect((await list(center)).meetings).toEqual([]);

    // 2. Convened: the lead and both co-departments of the review are invited; the same request id answers it again.
    const scheduledAt = inDays(2);
    const convened = await convene(center, { agenda, scheduledAt });
    expect(convened).toMatchObject({
      tenant: TENANT,
      state: pb.MeetingState.MEETING_STATE_SCHEDULED,
      convenedBy: 'yc-admin',
      agenda: [{ id: '1', reviewId: review.id, caseNumber: accepted.caseNumber }],
      version: 1,
    });
    expect(convened.participants.map((p) => p.department).sort()).toEqual([RSJ, SCJG, ZRZY].sort());
    expect(await convene(center, { agenda, scheduledAt })).toEqual(convened);

    // 3. Another tenant's center does not see it; staff of an invited department do.
    const jc = await userToken('jc-admin');
    const foreign = await grpcFailure(get(convened.id, jc));
    expect([foreign.code, foreign.reason]).toEqual([status.NOT_FOUND, 'MEETING_NOT_FOUND']);
    const foreignList = await grpcFailure(list(jc, { tenant: TENANT }));
    expect([foreignList.code, foreignList.reason]).toEqual([status.PERMISSION_DENIED, 'TENANT_OUT_OF_SCOPE']);
    expect((await list(await world.token('leadA'))).meetings.map((m) => m.id)).toEqual([convened.id]);

    // 4. Moved with a reason; a move into the past changes nothing.
    const pastMove = await grpcFailure(
      call(
        'rescheduleMeeting',
        { id: convened.id, expectedVersion: 1, scheduledAt: inDays(-2), location: '', reason: '' },
        center,
      ),
    );
    expect(violations(pastMove)).toEqual(['scheduledAt OUT_OF_RANGE', 'reason REQUIRED']);
    const { meeting: moved } = await call<
      jointReviewV1.RescheduleMeetingRequest,
      jointReviewV1.RescheduleMeetingResponse
    >(
      'rescheduleMeeting',
      { id: convened.id, expectedVersion: 1, scheduledAt: inDays(3), location: '', reason: '分管领导参加省里会议' },
      center,
    );
    expect(moved).toMatchObject({ version: 2, note: '分管领导参加省里会议', location: convened.location });
    expect(moved!.scheduledAt!.getTime()).toBeGreaterThan(convened.scheduledAt!.getTime());

    // 5. No outcome before the minutes (the meeting is not held yet): nothing changes.
    const early = await grpcFailure(
      call(
        'recordOutcome',
        {
          id: convened.id,
          expectedVersion: 2,
          outcomes: [
            {
              agendaItemId: '1',
              resolution: pb.MeetingResolution.MEETING_RESOLUTION_AGREED,
              text: '同意',
              conditions: [],
            },
          ],
        },
        center,
      ),
    );
    expect([early.code, early.reason]).toEqual([status.FAILED_PRECONDITION, 'WRONG_STATE']);
    expect((await get(convened.id, center)).version).toBe(2);

    // 6. Held: attendance of the three departments and the minutes, with the signed minutes the center uploaded (an
    // attachment the clerk uploaded is not the center's to give: refused, nothing changes).
    const minutesFields = {
      id: convened.id,
      expectedVersion: 2,
      attendance: [SCJG, RSJ, ZRZY].map((department) => ({ department, attendees: ['参会代表'], attended: true })),
      minutes: '会议审议了会议联审宾馆开办联办件，各部门发表了意见。',
    };
    const upload = (token: string) =>
      world
        .call<jointReviewV1.UploadAttachmentRequest, jointReviewV1.UploadAttachmentResponse>(
          'uploadAttachment',
          { fileName: '会议纪要（签字）.pdf', content: MINUTES_SCAN },
          token,
        )
        .then((r) => r.attachment!);
    const clerksScan = await upload(await world.token('clerk'));
    const notTheirs = await grpcFailure(
      call('recordMinutes', { ...minutesFields, attachmentIds: [clerksScan.id] }, center),
    );
    expect([notTheirs.code, ...violations(notTheirs)]).toEqual([
      status.INVALID_ARGUMENT,
      'attachmentIds.0 ATTACHMENT_UNKNOWN',
    ]);
    expect((await get(convened.id, center)).version).toBe(2);
    const scan = await upload(center);
    const { meeting: held } = await call<jointReviewV1.RecordMinutesRequest, jointReviewV1.RecordMinutesResponse>(
      'recordMinutes',
      { ...minutesFields, attachmentIds: [scan.id] },
      center,
    );
    expect(held!.state).toBe(pb.MeetingState.MEETING_STATE_HELD);
    expect(held!.participants.every((p) => p.attended)).toBe(true);
    expect(held!.minutesAttachments).toMatchObject([
      { id: scan.id, fileName: '会议纪要（签字）.pdf', contentType: 'application/pdf', uploadedBy: 'yc-admin' },
    ]);

    // 7. Positions: B's approver states B's (not A's); the center records the lead's and A's.
    const approverB = await world.token('approverB');
    const notMine = await grpcFailure(position(held!, RSJ, pb.OpinionKind.OPINION_KIND_AGREE, approverB));
    expect([notMine.code, notMine.reason]).toEqual([status.PERMISSION_DENIED, 'DEPARTMENT_OUT_OF_SCOPE']);
    let m = await position(held!, ZRZY, pb.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS, approverB, [
      '取得建设工程规划许可后开业',
    ]);
    m = await position(m, RSJ, pb.OpinionKind.OPINION_KIND_AGREE, center);
    // The lead has not stated its position yet: no outcome.
    const outcomes = [
      {
        agendaItemId: '1',
        resolution: pb.MeetingResolution.MEETING_RESOLUTION_AGREED_WITH_CONDITIONS,
        text: '原则同意',
        conditions: ['取得建设工程规划许可后开业'],
      },
    ];
    const missing = await grpcFailure(
      call('recordOutcome', { id: m.id, expectedVersion: m.version, outcomes }, center),
    );
    expect([missing.code, missing.reason, missing.metadata]).toEqual([
      status.FAILED_PRECONDITION,
      'POSITIONS_MISSING',
      { departments: SCJG },
    ]);
    m = await position(m, SCJG, pb.OpinionKind.OPINION_KIND_AGREE, center);
    expect(m.positions.map((p) => [p.department, p.recordedBy]).sort()).toEqual(
      [
        [RSJ, 'yc-admin'],
        [SCJG, 'yc-admin'],
        [ZRZY, world.login.approverB],
      ].sort(),
    );

    // 8. The outcome: the meeting concludes, and the positions answer both co-departments' tasks on the review.
    const { meeting: concluded } = await call<jointReviewV1.RecordOutcomeRequest, jointReviewV1.RecordOutcomeResponse>(
      'recordOutcome',
      { id: m.id, expectedVersion: m.version, outcomes },
      center,
    );
    expect(concluded).toMatchObject({ state: pb.MeetingState.MEETING_STATE_CONCLUDED, outcomes });
    const after = await world.reviewOfCase(accepted.id);
    expect(after.meetingIds).toEqual([m.id]);
    // The review's participants read the minutes' scan among the review's files once the meeting answered it.
    const file = await world.call<jointReviewV1.GetSharedFileRequest, jointReviewV1.GetSharedFileResponse>(
      'getSharedFile',
      { reviewId: review.id, fileId: scan.id },
      await world.token('leadA'),
    );
    expect([file.fileName, Buffer.from(file.content).equals(MINUTES_SCAN)]).toEqual(['会议纪要（签字）.pdf', true]);
    expect(after.state).toBe(pb.JointReviewState.JOINT_REVIEW_STATE_AWAITING_CONCLUSION);
    expect(
      after.tasks.map((t) => [t.department, t.state, t.opinion?.source, t.opinion?.meetingId, t.opinion?.kind]).sort(),
    ).toEqual(
      [
        [RSJ, pb.TaskState.TASK_STATE_DONE, pb.WorkSource.WORK_SOURCE_MEETING, m.id, pb.OpinionKind.OPINION_KIND_AGREE],
        [
          ZRZY,
          pb.TaskState.TASK_STATE_DONE,
          pb.WorkSource.WORK_SOURCE_MEETING,
          m.id,
          pb.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS,
        ],
      ].sort(),
    );
    expect((await list(center, { reviewId: review.id })).meetings.map((x) => x.id)).toEqual([m.id]);

    // 9. Published: the meeting's life on its topic, the tasks' answers and legs on the review's.
    const reviewEvents = await world.reviewEvents(review.id, 'JointReviewAwaitingConclusion');
    expect(reviewEvents.map((e) => e.name).filter((n) => n === 'TaskCompleted' || n === 'LegFinished')).toEqual([
      'TaskCompleted',
      'LegFinished',
      'TaskCompleted',
      'LegFinished',
    ]);
    await waitFor(
      async () => world.events.of(MEETING_TOPIC, m.id, reviewEventType('MeetingOutcomeRecorded')).length > 0,
      { timeoutMs: 60_000, what: `MeetingOutcomeRecorded of ${m.id}` },
    );
    expect(
      world.events
        .of(MEETING_TOPIC, m.id)
        .map((e) => [e.envelope.type.replace('govhall.joint_review.v1.', ''), e.envelope.aggregateVersion]),
    ).toEqual([
      ['MeetingConvened', 1],
      ['MeetingRescheduled', 2],
      ['MeetingMinutesRecorded', 3],
      ['MeetingPositionRecorded', 4],
      ['MeetingPositionRecorded', 5],
      ['MeetingPositionRecorded', 6],
      ['MeetingOutcomeRecorded', 7],
    ]);
  });
});
