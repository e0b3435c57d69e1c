import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';
import { multipartFile } from '../../../../lib/multipart.test-double';

const TENANT = '620321';
const REVIEW_ID = 'd1000000-0000-4000-8000-000000000001';
const TASK_ID = 'd1000000-0000-4000-8000-000000000002';
const CASE_ID = 'd1000000-0000-4000-8000-000000000003';
const MISSING = 'd1000000-0000-4000-8000-0000000000ff';
/** A review a joint meeting answered (MeetingService.RecordOutcome). */
const MET_REVIEW_ID = 'd1000000-0000-4000-8000-000000000004';
const MEETING_ID = 'd1000000-0000-4000-8000-000000000005';
/** A review another department leads: the fake refuses its conclusion (NOT_LEAD). */
const NOT_LED_REVIEW_ID = 'd1000000-0000-4000-8000-000000000007';
const ATTACHMENT_ID = 'd1000000-0000-4000-8000-000000000006';
const at = new Date('2026-12-07T02:00:00.000Z');
const PDF = Buffer.from('%PDF-1.7\n审查意见\n%%EOF\n');
const attachment = J.Attachment.fromPartial({
  id: ATTACHMENT_ID,
  fileName: '审查意见.pdf',
  contentType: 'application/pdf',
  size: PDF.length,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'rsj-lead',
  uploadedAt: at,
});
const upload = (name: string, fileName: string, content: Buffer) =>
  multipartFile(CLERK, { name, fileName, contentType: 'application/pdf', content });
const CLERK = { authorization: 'Bearer clerk' };
const APPLICANT = { authorization: 'Bearer applicant' };
const CHINESE = /[\u4e00-\u9fff]/;

const task: J.Task = J.Task.fromPartial({
  id: TASK_ID,
  kind: J.TaskKind.TASK_KIND_CO_REVIEW,
  tenant: TENANT,
  department: '620321-RSJ',
  aggregateId: REVIEW_ID,
  caseId: CASE_ID,
  caseNumber: '620321202612070001',
  itemName: '食品经营许可（联办）',
  stage: 1,
  required: true,
  state: J.TaskState.TASK_STATE_OPEN,
  assignee: 'rsj-lead',
  assignmentBasis: J.AssignmentBasis.ASSIGNMENT_BASIS_WINDOW_LEAD,
  budgetWorkingDays: 3,
  dueDate: '2026-12-10',
  openedAt: at,
  note: '申请人已补充材料，请重新审查',
  version: 1,
});
const done: J.Task = {
  ...task,
  state: J.TaskState.TASK_STATE_DONE,
  opinion: J.Opinion.fromPartial({
    kind: J.OpinionKind.OPINION_KIND_AGREE,
    text: '同意',
    attachments: [attachment],
    givenBy: 'rsj-lead',
    givenAt: at,
    source: J.WorkSource.WORK_SOURCE_WORKBENCH,
  }),
  closedAt: at,
  version: 2,
};
const review = (tasks: J.Task[], state = J.JointReviewState.JOINT_REVIEW_STATE_OPEN): J.JointReview =>
  J.JointReview.fromPartial({
    id: REVIEW_ID,
    tenant: TENANT,
    caseId: CASE_ID,
    caseNumber: task.caseNumber,
    itemName: task.itemName,
    leadDepartment: '620321-SCJG',
    leadWindowId: 'w1',
    state,
    currentStage: 1,
    casePromisedDueDate: '2026-12-21',
    tasks,
    openedAt: at,
    updatedAt: at,
    version: 3,
  });

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.JointReviewServiceService, {
        getJointReview: async (req) => {
          if (req.id === MET_REVIEW_ID) {
            const opinion = { ...done.opinion!, source: J.WorkSource.WORK_SOURCE_MEETING, meetingId: MEETING_ID };
            return { review: { ...review([{ ...done, opinion }]), id: MET_REVIEW_ID, meetingIds: [MEETING_ID] } };
          }
          if (req.id !== REVIEW_ID && req.caseId !== CASE_ID)
            throw new NotFoundError('JOINT_REVIEW_NOT_FOUND', '未找到该联审');
          return { review: review([task]) };
        },
        listMyTasks: async () => ({ tasks: [task], page: { nextPageToken: '', total: 1 } }),
        listJointReviews: async (req) => {
          if (req.department === '620321-GTJ') {
            throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本部门的联办件');
          }
          return { reviews: [review([task])], page: { nextPageToken: 'n2', total: 3 } };
        },
        listTasks: async () => ({ tasks: [task], page: { nextPageToken: 'n2', total: 7 } }),
        claimTask: async () => {
          throw new PreconditionError('TASK_CLAIMED', '该任务已被他人认领', { claimedBy: 'rsj-b' });
        },
        submitOpinion: async () => ({ task: done, review: review([done]) }),
        assignTask: async (req) => ({
          task: { ...task, assignee: req.assignee, assignmentBasis: J.AssignmentBasis.ASSIGNMENT_BASIS_ASSIGNED },
        }),
        reopenTask: async () => ({ review: review([task]) }),
        addParticipant: async () => {
          throw new ValidationError([
            { path: 'participant.department', reason: 'DUPLICATE', message: '该部门已参与本联办件' },
          ]);
        },
        concludeJointReview: async (req) => {
          if (req.reviewId === NOT_LED_REVIEW_ID) throw new ForbiddenError('NOT_LEAD', '只有牵头部门可以出具联审结论');
          const conclusion = {
            outcome: req.outcome,
            reasons: req.reasons,
            conditions: req.conditions,
            attachments: [attachment],
            concludedBy: 'scjg-lead',
            concludedAt: at,
          };
          return { review: { ...review([done], J.JointReviewState.JOINT_REVIEW_STATE_CONCLUDED), conclusion } };
        },
        uploadAttachment: async (req) => {
          if (!Buffer.from(req.content).subarray(0, 4).equals(Buffer.from('%PDF'))) {
            throw new ValidationError([
              { path: 'content', reason: 'FILE_TYPE', message: '附件只能是PDF、OFD、JPEG或PNG文件' },
            ]);
          }
          return { attachment: { ...attachment, fileName: req.fileName } };
        },
      }),
    ]),
    fakeVerifier(TENANT, { clerk: ['window_clerk'], applicant: ['applicant'] }),
  ),
);

describe('joint-review routes', () => {
  it('reads a review by id and by case, in REST spellings', async () => {
    const res = await fx.app.inject({ url: `/api/v1/joint-review/reviews/${REVIEW_ID}`, headers: CLERK });
    expect(res.statusCode).toBe(200);
    expect(res.json().review).toMatchObject({
      id: REVIEW_ID,
      state: 'open',
      leadDepartment: '620321-SCJG',
      casePromisedDueDate: '2026-12-21',
      tasks: [
        {
          id: TASK_ID,
          kind: 'co_review',
          state: 'open',
          reviewId: REVIEW_ID,
          assignmentBasis: 'window_lead',
          dueDate: '2026-12-10',
          openedAt: at.toISOString(),
          note: '申请人已补充材料，请重新审查',
          version: 1,
        },
      ],
    });
    expect(res.json().review.conclusion).toBeUndefined();
    expect(res.json().review.meetingIds).toEqual([]);
    expect(res.json().review.tasks[0].opinion).toBeUndefined();
    const byCase = await fx.app.inject({ url: `/api/v1/joint-review/cases/${CASE_ID}/review`, headers: CLERK });
    expect(fx.lastCall().request).toMatchObject({ id: '', caseId: CASE_ID });
    expect(byCase.json().review.id).toBe(REVIEW_ID);
    const missing = await fx.app.inject({ url: `/api/v1/joint-review/reviews/${MISSING}`, headers: CLERK });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'JOINT_REVIEW_NOT_FOUND', detail: expect.stringMatching(CHINESE) });
  });

  it('lists the reviews of a department, passing the filters; refusals and bad filters are problems', async () => {
    const res = await fx.app.inject({
      url: '/api/v1/joint-review/reviews?state=awaiting_conclusion&caseNumber=YC2026-001&pageSize=10',
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      department: '',
      state: J.JointReviewState.JOINT_REVIEW_STATE_AWAITING_CONCLUSION,
      caseNumber: 'YC2026-001',
      projectId: '',
      page: { pageSize: 10 },
    });
    expect(res.json()).toMatchObject({ reviews: [{ id: REVIEW_ID, state: 'open' }], total: 3, nextPageToken: 'n2' });
    const refused = await fx.app.inject({ url: '/api/v1/joint-review/reviews?department=620321-GTJ', headers: CLERK });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'DEPARTMENT_OUT_OF_SCOPE' });
    const bad = await fx.app.inject({ url: '/api/v1/joint-review/reviews?state=done&caseNumber=号', headers: CLERK });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('names the joint meetings of a review and the meeting an opinion was recorded in', async () => {
    const res = await fx.app.inject({ url: `/api/v1/joint-review/reviews/${MET_REVIEW_ID}`, headers: CLERK });
    expect(res.statusCode).toBe(200);
    expect(res.json().review.meetingIds).toEqual([MEETING_ID]);
    expect(res.json().review.tasks[0].opinion).toMatchObject({ source: 'meeting', meetingId: MEETING_ID });
  });

  it('lists my tasks and a department’s, passing the state and the page', async () => {
    const mine = await fx.app.inject({ url: '/api/v1/joint-review/tasks/mine?state=claimed', headers: CLERK });
    expect(mine.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ states: [J.TaskState.TASK_STATE_CLAIMED] });
    expect(mine.json()).toMatchObject({ tasks: [{ id: TASK_ID }], total: 1 });
    const dept = await fx.app.inject({
      url: '/api/v1/joint-review/tasks?department=620321-RSJ&dueBy=2026-12-10&pageSize=5',
      headers: CLERK,
    });
    expect(fx.lastCall().request).toMatchObject({
      department: '620321-RSJ',
      dueBy: '2026-12-10',
      states: [],
      page: { pageSize: 5 },
    });
    expect(dept.json()).toMatchObject({ total: 7, nextPageToken: 'n2' });
  });

  it('maps the service’s refusals: a task claimed by someone else is 409, a non-lead’s conclusion 403', async () => {
    const claim = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/tasks/${TASK_ID}/claim`,
      headers: CLERK,
      payload: { expectedVersion: 1 },
    });
    expect(claim.statusCode).toBe(409);
    expect(claim.json()).toMatchObject({ code: 'TASK_CLAIMED', detail: expect.stringMatching(CHINESE) });
    const conclude = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/reviews/${NOT_LED_REVIEW_ID}/conclusion`,
      headers: CLERK,
      payload: { expectedVersion: 3, outcome: 'approved' },
    });
    expect(conclude.statusCode).toBe(403);
    expect(fx.lastCall().request).toMatchObject({
      reviewId: NOT_LED_REVIEW_ID,
      outcome: J.DecisionOutcome.DECISION_OUTCOME_APPROVED,
      reasons: [],
      attachmentIds: [],
    });
  });

  it('submits an opinion and answers the task and the review after it', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/tasks/${TASK_ID}/opinion`,
      headers: CLERK,
      payload: {
        expectedVersion: 1,
        kind: 'agree_with_conditions',
        text: '同意，附条件',
        conditions: ['补充消防验收'],
        attachmentIds: [ATTACHMENT_ID],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      taskId: TASK_ID,
      kind: J.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS,
      conditions: ['补充消防验收'],
      attachmentIds: [ATTACHMENT_ID],
    });
    expect(res.json().task).toMatchObject({
      state: 'done',
      opinion: { kind: 'agree', text: '同意', givenBy: 'rsj-lead', source: 'workbench' },
    });
    expect(res.json().task.opinion.attachments).toEqual([
      {
        id: ATTACHMENT_ID,
        fileName: '审查意见.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        sha256: 'ab'.repeat(32),
        uploadedBy: 'rsj-lead',
        uploadedAt: at.toISOString(),
      },
    ]);
    const without = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/tasks/${TASK_ID}/opinion`,
      headers: CLERK,
      payload: { expectedVersion: 1, kind: 'agree', text: '同意' },
    });
    expect(without.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ attachmentIds: [] });
  });

  it('concludes with the lead’s attachments and shows them on the conclusion', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/reviews/${REVIEW_ID}/conclusion`,
      headers: CLERK,
      payload: { expectedVersion: 3, outcome: 'approved', attachmentIds: [ATTACHMENT_ID] },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ reviewId: REVIEW_ID, attachmentIds: [ATTACHMENT_ID] });
    expect(res.json().review).toMatchObject({
      state: 'concluded',
      conclusion: { outcome: 'approved', concludedBy: 'scjg-lead', attachments: [{ id: ATTACHMENT_ID }] },
    });
  });

  it('uploads an attachment as multipart and answers it; the service’s refusal of the content is at `file`', async () => {
    const up = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      ...upload('file', '消防意见.pdf', PDF),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().attachment).toMatchObject({ id: ATTACHMENT_ID, fileName: '消防意见.pdf', size: PDF.length });
    expect(fx.lastCall().request).toMatchObject({ fileName: '消防意见.pdf' });
    expect(Buffer.from(fx.lastCall().request.content).equals(PDF)).toBe(true);
    const gif = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      ...upload('file', 'a.gif', Buffer.from('GIF89a')),
    });
    expect(gif.statusCode).toBe(400);
    expect(gif.json().errors).toEqual([
      { path: 'file', reason: 'FILE_TYPE', message: '附件只能是PDF、OFD、JPEG或PNG文件' },
    ]);
  });

  it('refuses an upload that is not one named file part of at most 20 MiB, and applicants, before any call', async () => {
    const wrongPart = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      ...upload('photo', 'a.pdf', PDF),
    });
    expect(wrongPart.statusCode).toBe(400);
    expect(wrongPart.json().errors).toEqual([
      expect.objectContaining({
        path: 'photo',
        reason: 'ADDITIONAL_PROPERTIES',
        message: expect.stringMatching(CHINESE),
      }),
    ]);
    const empty = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      ...upload('file', 'a.pdf', Buffer.alloc(0)),
    });
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'file', reason: 'REQUIRED' })]);
    const tooLarge = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      ...upload('file', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)])),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({
      code: 'FILE_TOO_LARGE',
      detail: '附件不能超过 20 MiB',
      errors: [{ path: 'file', reason: 'MAX_SIZE' }],
    });
    const noBoundary = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      headers: { ...CLERK, 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json()).toMatchObject({ code: 'MALFORMED_MULTIPART', errors: [{ path: 'body' }] });
    const form = upload('file', 'a.pdf', PDF);
    const boundary = form.headers['content-type'].split('boundary=')[1]!;
    const field = (n: number) => `--${boundary}\r\nContent-Disposition: form-data; name="f${n}"\r\n\r\nx\r\n`;
    const manyFields = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      headers: form.headers,
      payload: Buffer.concat([Buffer.from([1, 2, 3, 4, 5].map(field).join('')), form.payload]),
    });
    expect(manyFields.statusCode).toBe(400);
    expect(manyFields.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'file',
        reason: 'ADDITIONAL_PROPERTIES',
        message: expect.stringMatching(CHINESE),
      }),
    );
    const json = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      headers: CLERK,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().detail).toMatch(CHINESE);
    const applicant = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/joint-review/attachments',
      ...upload('file', 'a.pdf', PDF),
      headers: { ...upload('file', 'a.pdf', PDF).headers, ...APPLICANT },
    });
    expect(applicant.statusCode).toBe(403);
    expect(fx.fake.calls).toEqual([]);
  });

  it('assigns, reopens, and shows the service’s refusal of a department at the body’s own field', async () => {
    const assigned = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/tasks/${TASK_ID}/assign`,
      headers: CLERK,
      payload: { expectedVersion: 1, assignee: 'rsj-b', note: '请办理' },
    });
    expect(assigned.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ taskId: TASK_ID, assignee: 'rsj-b', note: '请办理' });
    expect(assigned.json().task).toMatchObject({ assignee: 'rsj-b', assignmentBasis: 'assigned' });
    const reopened = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/tasks/${TASK_ID}/reopen`,
      headers: CLERK,
      payload: { expectedVersion: 3, reason: '请重新审查', budgetWorkingDays: 2 },
    });
    expect(reopened.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ expectedVersion: 3, budgetWorkingDays: 2 });
    const added = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/reviews/${REVIEW_ID}/participants`,
      headers: CLERK,
      payload: { expectedVersion: 3, department: '620321-RSJ', stage: 1, budgetWorkingDays: 2, reason: '征求意见' },
    });
    expect(fx.lastCall().request).toMatchObject({
      participant: { department: '620321-RSJ', stage: 1, budgetWorkingDays: 2, required: true },
    });
    expect(added.statusCode).toBe(400);
    expect(added.json().errors).toEqual([{ path: 'department', reason: 'DUPLICATE', message: '该部门已参与本联办件' }]);
  });

  it('refuses bad input at its field before calling the service, and applicants', async () => {
    const bad = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/joint-review/tasks/${TASK_ID}/opinion`,
      headers: CLERK,
      payload: { expectedVersion: 0, kind: 'maybe', text: '   ', attachmentIds: ['not-an-id'] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string; message: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['expectedVersion', 'kind', 'text', 'attachmentIds.0']));
    expect(bad.json().detail).toMatch(CHINESE);
    const badId = await fx.app.inject({ url: '/api/v1/joint-review/reviews/not-an-id', headers: CLERK });
    expect(badId.statusCode).toBe(400);
    expect(fx.fake.calls).toEqual([]);
    const applicant = await fx.app.inject({ url: '/api/v1/joint-review/tasks/mine', headers: APPLICANT });
    expect(applicant.statusCode).toBe(403);
    expect(fx.fake.calls).toEqual([]);
  });
});
