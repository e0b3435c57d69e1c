import { ConflictError, ForbiddenError, ValidationError } from '@govhall/errors';
import { jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const AGREEMENT_ID = 'e2000000-0000-4000-8000-000000000001';
const CASE_ID = 'e2000000-0000-4000-8000-000000000002';
const at = new Date('2026-12-07T02:00:00.000Z');
const CENTER = { authorization: 'Bearer center' };
const CLERK = { authorization: 'Bearer clerk' };
const HEAD = { authorization: 'Bearer head' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path: string) => `/api/v1/joint-review/delegation${path}`;

const agreement = J.EntrustmentAgreement.fromPartial({
  id: AGREEMENT_ID,
  tenant: TENANT,
  department: '620321-LYJ',
  agreementNumber: '永委代〔2026〕1号',
  items: [{ itemSeriesId: 'series-1', itemName: '林木采伐许可', itemBasicCode: '000123456001' }],
  windowIds: ['w-zh'],
  transferWorkingDays: 2,
  replyWorkingDays: 1,
  signedOn: '2026-12-01',
  validFrom: '2026-12-01',
  state: J.AgreementState.AGREEMENT_STATE_ACTIVE,
  createdBy: 'yc-admin',
  createdAt: at,
  updatedAt: at,
  version: 1,
});
const delegatedCase = J.DelegatedCase.fromPartial({
  id: CASE_ID,
  tenant: TENANT,
  caseId: 'case-1',
  caseNumber: '620321202612070001',
  itemName: '林木采伐许可',
  department: '620321-LYJ',
  agreementId: AGREEMENT_ID,
  windowId: 'w-zh',
  state: J.DelegatedCaseState.DELEGATED_CASE_STATE_AT_DEPARTMENT,
  preReviewOpinion: '初审通过',
  transferredBy: 'zh-clerk',
  transferredAt: at,
  task: { id: 'task-1', state: J.TaskState.TASK_STATE_OPEN, assignee: 'lyj-lead', dueDate: '2026-12-20', version: 1 },
  legs: [
    {
      id: `${CASE_ID}:delegated_transfer:1`,
      kind: J.LegKind.LEG_KIND_DELEGATED_TRANSFER,
      state: J.LegState.LEG_STATE_FINISHED,
      end: J.LegEnd.LEG_END_COMPLETED,
      budgetWorkingDays: 2,
      startDate: '2026-12-07',
      dueDate: '2026-12-09',
      startedAt: at,
      finishedAt: at,
    },
  ],
  acceptedAt: at,
  updatedAt: at,
  version: 2,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.DelegationServiceService, {
        createAgreement: async (req: J.CreateAgreementRequest) => {
          if (req.requestId === 'taken-0001') {
            const e = new ConflictError('ITEM_ALREADY_DELEGATED', '该事项已有生效期间重叠的委托代办协议');
            e.metadata = { agreementId: AGREEMENT_ID };
            throw e;
          }
          if (req.requestId === 'invalid-0001') {
            throw new ValidationError([
              { path: 'items.0.itemSeriesId', reason: 'UNKNOWN', message: '委托部门在本地区没有该事项' },
              { path: 'windowIds.0', reason: 'UNKNOWN', message: '该窗口不是为委托部门受理的综合窗口' },
            ]);
          }
          return { agreement };
        },
        updateAgreement: async () => ({ agreement: { ...agreement, version: 2 } }),
        terminateAgreement: async () => ({
          agreement: { ...agreement, state: J.AgreementState.AGREEMENT_STATE_TERMINATED, terminatedOn: '2026-12-07' },
        }),
        getAgreement: async () => ({ agreement }),
        listAgreements: async () => ({ agreements: [agreement], page: { nextPageToken: '', total: 1 } }),
        getDelegatedCase: async () => ({ delegatedCase }),
        listDelegatedCases: async () => ({ delegatedCases: [delegatedCase], page: { nextPageToken: 'n2', total: 2 } }),
        transferDelegatedCase: async (req: J.TransferDelegatedCaseRequest) => {
          if (req.expectedVersion === 9) {
            throw new ForbiddenError('NOT_WINDOW_RESPONSIBLE', '只有受理该件的综合窗口当班人员可以转办');
          }
          return { delegatedCase };
        },
        getDelegationStatistics: async () => ({
          rows: [
            J.DelegationStatisticsRow.fromPartial({
              department: '620321-LYJ',
              month: '2026-12',
              accepted: 3,
              transferred: 2,
              transferOnTime: 2,
              averageTransferWorkingDays: 1.5,
            }),
            J.DelegationStatisticsRow.fromPartial({ department: '620321-LYJ', accepted: 3, transferOnTime: 2 }),
          ],
        }),
      }),
    ]),
    fakeVerifier(TENANT, { center: ['center_admin'], clerk: ['window_clerk'], head: ['department_head'] }),
  ),
);

const body = {
  requestId: 'agreement-0001',
  department: '620321-LYJ',
  agreementNumber: '永委代〔2026〕1号',
  items: [{ itemSeriesId: 'series-1' }],
  windowIds: ['w-zh'],
  transferWorkingDays: 2,
  signedOn: '2026-12-01',
  validFrom: '2026-12-01',
};

describe('delegation routes', () => {
  it('records an agreement with the body in proto spellings and answers it in REST spellings', async () => {
    const res = await fx.app.inject({ method: 'POST', url: url('/agreements'), headers: CENTER, payload: body });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      requestId: 'agreement-0001',
      agreement: {
        department: '620321-LYJ',
        items: [{ itemSeriesId: 'series-1' }],
        windowIds: ['w-zh'],
        transferWorkingDays: 2,
        replyWorkingDays: 0,
        validUntil: '',
      },
      attachmentIds: [],
    });
    expect(res.json().agreement).toMatchObject({
      id: AGREEMENT_ID,
      state: 'active',
      items: [{ itemSeriesId: 'series-1', itemName: '林木采伐许可' }],
      createdAt: at.toISOString(),
      version: 1,
    });
    expect(res.json().agreement.validUntil).toBeUndefined();
  });

  it("maps the service's refusals: violations at the body's fields, an item already delegated 409", async () => {
    const invalid = await fx.app.inject({
      method: 'POST',
      url: url('/agreements'),
      headers: CENTER,
      payload: { ...body, requestId: 'invalid-0001' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      { path: 'items.0.itemSeriesId', reason: 'UNKNOWN', message: '委托部门在本地区没有该事项' },
      { path: 'windowIds.0', reason: 'UNKNOWN', message: '该窗口不是为委托部门受理的综合窗口' },
    ]);
    const taken = await fx.app.inject({
      method: 'POST',
      url: url('/agreements'),
      headers: CENTER,
      payload: { ...body, requestId: 'taken-0001' },
    });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'ITEM_ALREADY_DELEGATED']);
    expect(taken.json().detail).toMatch(CHINESE);
  });

  it('updates, terminates, reads and lists agreements', async () => {
    const updated = await fx.app.inject({
      method: 'PUT',
      url: url(`/agreements/${AGREEMENT_ID}`),
      headers: CENTER,
      payload: { ...body, requestId: undefined, expectedVersion: 1 },
    });
    expect(updated.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ expectedVersion: 1, agreement: { id: AGREEMENT_ID } });
    const ended = await fx.app.inject({
      method: 'POST',
      url: url(`/agreements/${AGREEMENT_ID}/terminate`),
      headers: CENTER,
      payload: { expectedVersion: 2, reason: '转为进驻部门' },
    });
    expect(ended.json().agreement).toMatchObject({ state: 'terminated', terminatedOn: '2026-12-07' });
    expect(fx.lastCall().request).toMatchObject({ id: AGREEMENT_ID, terminatedOn: '', reason: '转为进驻部门' });
    const list = await fx.app.inject({ url: url('/agreements?state=active&department=620321-LYJ'), headers: CLERK });
    expect(fx.lastCall().request).toMatchObject({
      state: J.AgreementState.AGREEMENT_STATE_ACTIVE,
      department: '620321-LYJ',
    });
    expect(list.json()).toMatchObject({ agreements: [{ id: AGREEMENT_ID }], total: 1 });
    const one = await fx.app.inject({ url: url(`/agreements/${AGREEMENT_ID}`), headers: CLERK });
    expect(one.statusCode).toBe(200);
  });

  it('reads, lists and transfers delegated cases', async () => {
    const list = await fx.app.inject({ url: url('/cases?windowId=w-zh&state=at_center&pageSize=5'), headers: CLERK });
    expect(fx.lastCall().request).toMatchObject({
      windowId: 'w-zh',
      states: [J.DelegatedCaseState.DELEGATED_CASE_STATE_AT_CENTER],
      page: { pageSize: 5 },
    });
    expect(list.json()).toMatchObject({ total: 2, nextPageToken: 'n2' });
    expect(list.json().delegatedCases[0]).toMatchObject({
      state: 'at_department',
      task: { id: 'task-1', state: 'open', assignee: 'lyj-lead' },
      legs: [{ kind: 'delegated_transfer', state: 'finished', end: 'completed', dueDate: '2026-12-09' }],
    });
    const byCase = await fx.app.inject({ url: url('/cases/by-case?caseId=case-1'), headers: CLERK });
    expect(byCase.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ id: '', caseId: 'case-1' });
    const moved = await fx.app.inject({
      method: 'POST',
      url: url(`/cases/${CASE_ID}/transfer`),
      headers: CLERK,
      payload: { expectedVersion: 1, preReviewOpinion: '初审通过' },
    });
    expect(moved.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ id: CASE_ID, expectedVersion: 1, preReviewOpinion: '初审通过' });
    const other = await fx.app.inject({
      method: 'POST',
      url: url(`/cases/${CASE_ID}/transfer`),
      headers: CLERK,
      payload: { expectedVersion: 9, preReviewOpinion: '初审通过' },
    });
    expect([other.statusCode, other.json().code]).toEqual([403, 'NOT_WINDOW_RESPONSIBLE']);
  });

  it('answers the statistics with the total row without a month', async () => {
    const res = await fx.app.inject({ url: url('/statistics?fromMonth=2026-01&toMonth=2026-12'), headers: HEAD });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ fromMonth: '2026-01', toMonth: '2026-12', department: '' });
    expect(res.json().rows).toEqual([
      expect.objectContaining({ month: '2026-12', accepted: 3, transferOnTime: 2, averageTransferWorkingDays: 1.5 }),
      expect.not.objectContaining({ month: expect.anything() }),
    ]);
  });

  it('refuses bad input at its field and callers without the role before calling the service', async () => {
    const bad = await fx.app.inject({
      method: 'POST',
      url: url('/agreements'),
      headers: CENTER,
      payload: { ...body, requestId: 'x', items: [], signedOn: '2026-13-01', transferWorkingDays: 11 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['requestId', 'items', 'signedOn', 'transferWorkingDays']));
    expect(bad.json().detail).toMatch(CHINESE);
    const month = await fx.app.inject({ url: url('/statistics?fromMonth=2026-1&toMonth=2026-12'), headers: HEAD });
    expect(month.statusCode).toBe(400);
    expect((month.json().errors as { path: string }[]).map((e) => e.path)).toEqual(['querystring.fromMonth']);
    const clerk = await fx.app.inject({ method: 'POST', url: url('/agreements'), headers: CLERK, payload: body });
    expect([clerk.statusCode, clerk.json().code]).toEqual([403, 'ROLE_REQUIRED']);
    const headTransfer = await fx.app.inject({
      method: 'POST',
      url: url(`/cases/${CASE_ID}/transfer`),
      headers: HEAD,
      payload: { expectedVersion: 1, preReviewOpinion: '初审通过' },
    });
    expect(headTransfer.statusCode).toBe(403);
    expect(fx.fake.calls).toEqual([]);
  });
});
