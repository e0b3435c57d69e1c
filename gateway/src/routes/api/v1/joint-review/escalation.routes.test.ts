import { ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const ID = 'e2000000-0000-4000-8000-000000000001';
const CASE_ID = 'e2000000-0000-4000-8000-000000000002';
const FILE_ID = 'e2000000-0000-4000-8000-000000000003';
const at = new Date('2026-12-07T02:00:00.000Z');
const CLERK = { authorization: 'Bearer clerk' };
const APPROVER = { authorization: 'Bearer approver' };
const SUPERVISOR = { authorization: 'Bearer supervisor' };
const APPLICANT = { authorization: 'Bearer applicant' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path = '') => `/api/v1/joint-review/escalations${path}`;

const escalation: J.Escalation = J.Escalation.fromPartial({
  id: ID,
  side: J.EscalationSide.ESCALATION_SIDE_SENDER,
  tenant: TENANT,
  sourceTenant: TENANT,
  targetTenant: '620300',
  department: '620321-SCJG',
  targetDepartment: '620300-SCJG',
  state: J.EscalationState.ESCALATION_STATE_RETURNED,
  case: {
    caseId: CASE_ID,
    caseNumber: '620321202612070001',
    itemName: '食品生产许可',
    applicant: { kind: 2, name: '永昌食品有限公司', idCode: '91620321MA00000001' },
    materials: [{ materialId: 'm1', name: '营业执照', files: [{ id: FILE_ID, fileName: 'a.pdf' }] }],
    promisedDueDate: '2026-12-20',
    sourceCenterName: '永昌县政务服务中心',
  },
  files: [{ id: FILE_ID, materialId: 'm1', materialName: '营业执照', fileName: 'a.pdf', size: 12, round: 1 }],
  round: 1,
  legs: [
    {
      id: 'leg-1',
      kind: J.LegKind.LEG_KIND_ESCALATION_FORWARD,
      department: '620321-SCJG',
      budgetWorkingDays: 2,
      dueDate: '2026-12-09',
      state: J.LegState.LEG_STATE_RUNNING,
    },
  ],
  updates: [
    {
      sequence: 3,
      kind: J.EscalationUpdateKind.ESCALATION_UPDATE_KIND_RETURNED,
      text: '',
      reasons: ['缺少生产场所平面图'],
      by: 'sz-window',
      at,
      mirroredAt: at,
    },
  ],
  followUps: [{ text: '已电话联系', contact: '', by: 'yc-clerk', at }],
  createdAt: at,
  version: 5,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.EscalationServiceService, {
        listFollowUps: async () => ({ escalations: [escalation], page: { nextPageToken: 'n2', total: 4 } }),
        listReceivedEscalations: async () => ({ escalations: [], page: { nextPageToken: '', total: 0 } }),
        getEscalation: async () => ({ escalation }),
        forwardEscalation: async () => {
          throw new PreconditionError('NO_ESCALATION_ROUTE', '本中心未为该部门设置上报路线，请选择上级办理部门');
        },
        resupplyEscalation: async () => {
          throw new ValidationError([{ path: 'caseFileIds.0', reason: 'UNKNOWN', message: '办件材料中没有该文件' }]);
        },
        recordFollowUp: async () => ({ escalation }),
        returnEscalation: async () => ({ escalation }),
        reportEscalationStatus: async () => ({ escalation }),
        decideEscalation: async () => {
          throw new ForbiddenError('ROLE_REQUIRED', '只有办理部门的审批人员或负责人可以作出决定');
        },
      }),
    ]),
    fakeVerifier(TENANT, {
      clerk: ['window_clerk'],
      approver: ['approver'],
      supervisor: ['supervisor'],
      applicant: ['applicant'],
    }),
  ),
);

describe('escalation routes', () => {
  it('lists the follow-ups with the filters and answers the records in REST spellings', async () => {
    const res = await fx.app.inject({
      url: url('/follow-ups?department=620321-SCJG&state=returned&pageSize=5'),
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      tenant: '',
      department: '620321-SCJG',
      states: [J.EscalationState.ESCALATION_STATE_RETURNED],
      caseNumber: '',
      page: { pageSize: 5 },
    });
    expect(res.json()).toMatchObject({ total: 4, nextPageToken: 'n2' });
    const e = res.json().escalations[0];
    expect(e).toMatchObject({
      id: ID,
      side: 'sender',
      state: 'returned',
      targetDepartment: '620300-SCJG',
      case: {
        caseNumber: '620321202612070001',
        applicant: { kind: 'legal_person', name: '永昌食品有限公司' },
        materials: [{ materialId: 'm1', name: '营业执照', fileIds: [FILE_ID] }],
        promisedDueDate: '2026-12-20',
      },
      files: [{ id: FILE_ID, transferred: false, round: 1 }],
      legs: [{ kind: 'escalation_forward', state: 'running', dueDate: '2026-12-09' }],
      updates: [{ sequence: 3, kind: 'returned', reasons: ['缺少生产场所平面图'], mirroredAt: at.toISOString() }],
      followUps: [{ text: '已电话联系', by: 'yc-clerk', at: at.toISOString() }],
      version: 5,
    });
    expect([e.transferError, e.decision, e.task, e.followUps[0].contact]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const received = await fx.app.inject({ url: url('/received?sourceTenant=620321'), headers: SUPERVISOR });
    expect(received.json()).toEqual({ escalations: [], total: 0 });
    expect(fx.lastCall().request).toMatchObject({ sourceTenant: '620321', states: [] });
  });

  it('reads one record by id and by case', async () => {
    const one = await fx.app.inject({ url: url(`/${ID}`), headers: CLERK });
    expect([one.statusCode, one.json().escalation.id]).toEqual([200, ID]);
    expect(fx.lastCall().request).toEqual({ id: ID, caseId: '' });
    const byCase = await fx.app.inject({ url: `/api/v1/joint-review/cases/${CASE_ID}/escalation`, headers: CLERK });
    expect(byCase.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ id: '', caseId: CASE_ID });
  });

  it('passes the writes in proto spellings', async () => {
    const follow = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/follow-ups`),
      headers: CLERK,
      payload: { expectedVersion: 5, text: '已电话联系', contact: '市局审批科' },
    });
    expect(follow.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ id: ID, expectedVersion: 5, text: '已电话联系', contact: '市局审批科' });
    await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/return`),
      headers: CLERK,
      payload: { expectedVersion: 2, reasons: ['缺少生产场所平面图'] },
    });
    expect(fx.lastCall().request).toEqual({
      id: ID,
      expectedVersion: 2,
      reasons: ['缺少生产场所平面图'],
      attachmentIds: [],
    });
    const status = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/status`),
      headers: CLERK,
      payload: {
        expectedVersion: 3,
        kind: 'special_procedure_started',
        text: '组织现场检验',
        procedure: '检验',
        plannedWorkingDays: 5,
      },
    });
    expect(status.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      kind: J.EscalationUpdateKind.ESCALATION_UPDATE_KIND_SPECIAL_PROCEDURE_STARTED,
      procedure: '检验',
      plannedWorkingDays: 5,
    });
  });

  it("maps the service's refusals: a missing route 409, a file's violation at its field, a role 403", async () => {
    const forward = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/forward`),
      headers: CLERK,
      payload: { expectedVersion: 1, note: '请审批' },
    });
    expect([forward.statusCode, forward.json().code]).toEqual([409, 'NO_ESCALATION_ROUTE']);
    expect(forward.json().detail).toMatch(CHINESE);
    expect(fx.lastCall().request).toEqual({ id: ID, expectedVersion: 1, targetDepartment: '', note: '请审批' });
    const resupply = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/resupply`),
      headers: CLERK,
      payload: { expectedVersion: 5, note: '补充平面图', caseFileIds: [FILE_ID] },
    });
    expect(resupply.statusCode).toBe(400);
    expect(resupply.json().errors).toEqual([
      { path: 'caseFileIds.0', reason: 'UNKNOWN', message: '办件材料中没有该文件' },
    ]);
    expect(fx.lastCall().request).toMatchObject({ attachmentIds: [], caseFileIds: [FILE_ID] });
    const decide = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/decision`),
      headers: APPROVER,
      payload: { expectedVersion: 6, outcome: 'approved', documentNumber: '金市监许〔2026〕12号' },
    });
    expect([decide.statusCode, decide.json().code]).toEqual([403, 'ROLE_REQUIRED']);
    expect(fx.lastCall().request).toEqual({
      id: ID,
      expectedVersion: 6,
      outcome: J.DecisionOutcome.DECISION_OUTCOME_APPROVED,
      reasons: [],
      remedies: [],
      documentNumber: '金市监许〔2026〕12号',
      attachmentIds: [],
    });
  });

  it('refuses bad input at its field and callers without the role before calling the service', async () => {
    const bad = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/status`),
      headers: CLERK,
      payload: { expectedVersion: 0, kind: 'decided', text: '', procedure: '散步', plannedWorkingDays: 200 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['expectedVersion', 'kind', 'text', 'procedure', 'plannedWorkingDays']),
    );
    expect(bad.json().detail).toMatch(CHINESE);
    const noReasons = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/return`),
      headers: CLERK,
      payload: { expectedVersion: 1, reasons: [] },
    });
    expect(noReasons.json().errors.map((e: { path: string }) => e.path)).toEqual(['reasons']);
    const clerkDecides = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/decision`),
      headers: CLERK,
      payload: { expectedVersion: 1, outcome: 'approved' },
    });
    expect([clerkDecides.statusCode, clerkDecides.json().code]).toEqual([403, 'ROLE_REQUIRED']);
    const supervisorForwards = await fx.app.inject({
      method: 'POST',
      url: url(`/${ID}/forward`),
      headers: SUPERVISOR,
      payload: { expectedVersion: 1 },
    });
    expect(supervisorForwards.statusCode).toBe(403);
    const applicant = await fx.app.inject({ url: url('/follow-ups'), headers: APPLICANT });
    expect(applicant.statusCode).toBe(403);
    expect(fx.fake.calls).toEqual([]);
  });
});
