import { NotFoundError } from '@govhall/errors';
import { applicationsV1, jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const REVIEW_ID = 'd2000000-0000-4000-8000-000000000001';
const FILE_ID = 'd2000000-0000-4000-8000-000000000002';
const MISSING = 'd2000000-0000-4000-8000-0000000000ff';
const at = new Date('2026-12-07T02:00:00.000Z');
const CLERK = { authorization: 'Bearer clerk' };
const CENTER = { authorization: 'Bearer center' };
const SUPERVISOR = { authorization: 'Bearer supervisor' };
const CHINESE = /[\u4e00-\u9fff]/;

const task = J.Task.fromPartial({
  id: 'd2000000-0000-4000-8000-000000000003',
  kind: J.TaskKind.TASK_KIND_CO_REVIEW,
  tenant: TENANT,
  department: '620321-RSJ',
  aggregateId: REVIEW_ID,
  state: J.TaskState.TASK_STATE_DONE,
  opinion: J.Opinion.fromPartial({
    kind: J.OpinionKind.OPINION_KIND_AGREE,
    text: '同意',
    givenBy: 'rsj-lead',
    source: J.WorkSource.WORK_SOURCE_WORKBENCH,
  }),
  version: 2,
});
const review = J.JointReview.fromPartial({
  id: REVIEW_ID,
  tenant: TENANT,
  itemId: 'd2000000-0000-4000-8000-000000000009',
  state: J.JointReviewState.JOINT_REVIEW_STATE_OPEN,
  leadDepartment: '620321-SCJG',
  tasks: [task],
  version: 3,
});
const dossier = J.Dossier.fromPartial({
  caseId: 'c1',
  caseNumber: '620321202612070001',
  itemName: '食品经营许可（联办）',
  applicant: {
    kind: applicationsV1.ApplicantKind.APPLICANT_KIND_NATURAL_PERSON,
    name: '赵联办',
    idCode: '620321199001011234',
    mobile: '13909351234',
  },
  materials: [
    {
      materialId: 'id-card',
      name: '身份证明',
      files: [
        { id: FILE_ID, fileName: '身份证.pdf', contentType: 'application/pdf', size: 42, sha256: 'a'.repeat(64) },
      ],
      markedFor: ['620321-RSJ'],
    },
  ],
  formParts: [{ department: '620321-RSJ', formData: '{"shopName":"联办小吃店"}' }],
  results: [task],
  casePromisedDueDate: '2026-12-21',
  acceptedAt: at,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.JointReviewServiceService, {
        getSharedView: async (req) => {
          if (req.reviewId !== REVIEW_ID) throw new NotFoundError('JOINT_REVIEW_NOT_FOUND', '找不到该联办件');
          return { review, dossier };
        },
        getSharedFile: async (req) => {
          if (req.fileId !== FILE_ID) throw new NotFoundError('FILE_NOT_FOUND', '联办件中没有该文件');
          return { fileName: '身份证 (正面).pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') };
        },
      }),
    ]),
    fakeVerifier(TENANT, { clerk: ['window_clerk'], center: ['center_admin'], supervisor: ['supervisor'] }),
  ),
);

describe('the shared view of a joint case', () => {
  it('answers the review and the dossier in REST spellings, the applicant unmasked', async () => {
    const res = await fx.app.inject({ url: `/api/v1/joint-review/reviews/${REVIEW_ID}/shared-view`, headers: CLERK });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ reviewId: REVIEW_ID });
    const body = res.json();
    expect(body.review).toMatchObject({ id: REVIEW_ID, itemId: 'd2000000-0000-4000-8000-000000000009', state: 'open' });
    expect(body.dossier).toEqual({
      caseId: 'c1',
      caseNumber: '620321202612070001',
      itemName: '食品经营许可（联办）',
      applicant: { kind: 'natural_person', name: '赵联办', idCode: '620321199001011234', mobile: '13909351234' },
      materials: [
        {
          materialId: 'id-card',
          name: '身份证明',
          files: [
            { id: FILE_ID, fileName: '身份证.pdf', contentType: 'application/pdf', size: 42, sha256: 'a'.repeat(64) },
          ],
          licenceValid: false,
          markedFor: ['620321-RSJ'],
        },
      ],
      formParts: [{ department: '620321-RSJ', formData: '{"shopName":"联办小吃店"}' }],
      results: [
        expect.objectContaining({ department: '620321-RSJ', opinion: expect.objectContaining({ kind: 'agree' }) }),
      ],
      casePromisedDueDate: '2026-12-21',
      acceptedAt: at.toISOString(),
    });
  });

  it('the center reads it; supervisors are refused at the edge; a review not shared is 404 in Chinese', async () => {
    expect(
      (await fx.app.inject({ url: `/api/v1/joint-review/reviews/${REVIEW_ID}/shared-view`, headers: CENTER }))
        .statusCode,
    ).toBe(200);
    const calls = fx.fake.calls.length;
    const supervisor = await fx.app.inject({
      url: `/api/v1/joint-review/reviews/${REVIEW_ID}/shared-view`,
      headers: SUPERVISOR,
    });
    expect(supervisor.statusCode).toBe(403);
    expect(fx.fake.calls).toHaveLength(calls);
    const missing = await fx.app.inject({ url: `/api/v1/joint-review/reviews/${MISSING}/shared-view`, headers: CLERK });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'JOINT_REVIEW_NOT_FOUND', detail: expect.stringMatching(CHINESE) });
  });

  it('a malformed id is 400 naming the parameter; the service is not called', async () => {
    const calls = fx.fake.calls.length;
    const bad = await fx.app.inject({ url: '/api/v1/joint-review/reviews/not-an-id/shared-view', headers: CLERK });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
    const badFile = await fx.app.inject({ url: `/api/v1/joint-review/reviews/${REVIEW_ID}/files/x`, headers: CLERK });
    expect(badFile.statusCode).toBe(400);
    expect(badFile.json().errors).toEqual([expect.objectContaining({ path: 'params.fileId' })]);
    expect(fx.fake.calls).toHaveLength(calls);
  });
});

describe('a file of the shared view', () => {
  it('downloads with its type and a Chinese-safe Content-Disposition', async () => {
    const res = await fx.app.inject({
      url: `/api/v1/joint-review/reviews/${REVIEW_ID}/files/${FILE_ID}`,
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ reviewId: REVIEW_ID, fileId: FILE_ID });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___ (__).pdf"; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81%20%28%E6%AD%A3%E9%9D%A2%29.pdf`,
    );
    expect(res.rawPayload.toString()).toBe('%PDF-1.4');
  });

  it('a file not in the review is 404 FILE_NOT_FOUND', async () => {
    const res = await fx.app.inject({
      url: `/api/v1/joint-review/reviews/${REVIEW_ID}/files/${MISSING}`,
      headers: CLERK,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'FILE_NOT_FOUND', detail: expect.stringMatching(CHINESE) });
  });
});
