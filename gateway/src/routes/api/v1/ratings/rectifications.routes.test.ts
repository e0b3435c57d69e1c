import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const ID = '6f1c2b1e-4a8e-4d6b-9a51-3c2f0e9d7a10';
const GONE = '00000000-4a8e-4d6b-9a51-3c2f0e9d7a10';
const HEAD = { authorization: 'Bearer head' };
const CLERK = { authorization: 'Bearer clerk' };
const SUPERVISOR = { authorization: 'Bearer supervisor' };
const APPLICANT = { authorization: 'Bearer applicant' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (suffix = '', id = ID) => `/api/v1/rectifications/${id}${suffix}`;

const rectification = C.Rectification.fromPartial({
  id: ID,
  tenant: TENANT,
  ratingId: ID,
  subject: C.RatingSubject.RATING_SUBJECT_CASE,
  caseId: 'c-1',
  caseNumber: '6203212026120500001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  level: C.RatingLevel.RATING_LEVEL_VERY_DISSATISFIED,
  reason: '态度生硬',
  channel: C.RatingChannel.RATING_CHANNEL_ONLINE,
  realName: true,
  raterName: '张*',
  ratedAt: new Date('2026-12-05T02:00:00.000Z'),
  status: C.RectificationStatus.RECTIFICATION_STATUS_OPEN,
  deadline: '2026-12-25',
  version: 1,
  openedAt: new Date('2026-12-05T02:00:00.000Z'),
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.RectificationServiceService, {
        listRectifications: async (req) => {
          if (req.department === '620321-RSJ') {
            throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '部门负责人只能查看本部门的差评整改');
          }
          return { rectifications: [rectification], page: { nextPageToken: '', total: 1 } };
        },
        getRectification: async (req) => {
          if (req.id === GONE) throw new NotFoundError('RECTIFICATION_NOT_FOUND', '找不到该差评整改');
          return { rectification };
        },
        assignRectification: async (req) => {
          if (req.expectedVersion !== 1) throw new ConcurrencyError();
          if (req.handler === 'ycx-rsj-clerk') {
            throw new ValidationError([
              { path: 'handler', reason: 'NOT_IN_DEPARTMENT', message: '须是被评价部门在岗的工作人员' },
            ]);
          }
          return { rectification: { ...rectification, handler: req.handler, handlerName: '李受理', version: 2 } };
        },
        recordCallBack: async (req) => ({
          rectification: {
            ...rectification,
            callBacks: [
              { at: new Date('2026-12-06T02:00:00.000Z'), by: 'ycx-clerk', reached: req.reached, notes: req.notes },
            ],
            version: 2,
          },
        }),
        concludeRectification: async (req) => {
          if (req.text === '未回访')
            throw new PreconditionError('CALL_BACK_REQUIRED', '实名差评须先回访到评价人，才能办结整改');
          return {
            rectification: {
              ...rectification,
              status: C.RectificationStatus.RECTIFICATION_STATUS_CLOSED,
              outcome: req.outcome,
              outcomeText: req.text,
              fixBy: req.fixBy,
              closedAt: new Date('2026-12-06T03:00:00.000Z'),
              raterToldAt: new Date('2026-12-06T03:00:00.000Z'),
              version: 3,
            },
          };
        },
        decideAppeal: async (req) => ({
          rectification: {
            ...rectification,
            status: C.RectificationStatus.RECTIFICATION_STATUS_CLOSED,
            outcome: C.RectificationOutcome.RECTIFICATION_OUTCOME_APPEAL_MISTAKEN,
            appealDecision: {
              upheld: req.upheld,
              notes: req.notes,
              decidedBy: 'ycx-supervisor',
              decidedAt: new Date('2026-12-07T02:00:00.000Z'),
            },
            version: 4,
          },
        }),
      }),
    ]),
    fakeVerifier(TENANT, {
      head: ['department_head'],
      clerk: ['window_clerk'],
      supervisor: ['supervisor'],
      applicant: ['applicant'],
    }),
  ),
);

describe('rectification routes (差评整改)', () => {
  it('lists and reads them in the REST spelling', async () => {
    const list = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/rectifications?status=open&overdue=true',
      headers: HEAD,
    });
    expect(list.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      statuses: [C.RectificationStatus.RECTIFICATION_STATUS_OPEN],
      overdueOnly: true,
    });
    expect(list.json()).toMatchObject({ total: 1 });
    expect(list.json().rectifications).toHaveLength(1);
    const one = await fx.app.inject({ method: 'GET', url: url(), headers: CLERK });
    expect(one.statusCode).toBe(200);
    expect(one.json().rectification).toMatchObject({
      id: ID,
      level: 1,
      levelName: '非常不满意',
      status: 'open',
      outcome: '',
      deadline: '2026-12-25',
      concludedAt: null,
      appealDecision: null,
      version: 1,
    });
    const gone = await fx.app.inject({ method: 'GET', url: url('', GONE), headers: CLERK });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('RECTIFICATION_NOT_FOUND');
  });

  it('assigns, records a call-back, concludes and decides, naming the version read', async () => {
    const assigned = await fx.app.inject({
      method: 'POST',
      url: url('/assignment'),
      headers: HEAD,
      payload: { expectedVersion: 1, handler: 'ycx-clerk' },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().rectification).toMatchObject({ handler: 'ycx-clerk', handlerName: '李受理', version: 2 });
    const called = await fx.app.inject({
      method: 'POST',
      url: url('/call-backs'),
      headers: CLERK,
      payload: { expectedVersion: 2, reached: true, notes: '已致歉' },
    });
    expect(called.json().rectification.callBacks).toEqual([
      { at: '2026-12-06T02:00:00.000Z', by: 'ycx-clerk', reached: true, notes: '已致歉' },
    ]);
    const closed = await fx.app.inject({
      method: 'POST',
      url: url('/conclusion'),
      headers: CLERK,
      payload: { expectedVersion: 2, outcome: 'fix_by_date', text: '更换叫号机', fixBy: '2026-12-20' },
    });
    expect(fx.lastCall().request).toMatchObject({
      outcome: C.RectificationOutcome.RECTIFICATION_OUTCOME_FIX_BY_DATE,
      fixBy: '2026-12-20',
    });
    expect(closed.json().rectification).toMatchObject({
      status: 'closed',
      outcome: 'fix_by_date',
      fixBy: '2026-12-20',
      raterToldAt: '2026-12-06T03:00:00.000Z',
    });
    const decided = await fx.app.inject({
      method: 'POST',
      url: url('/appeal-decision'),
      headers: SUPERVISOR,
      payload: { expectedVersion: 3, upheld: true, notes: '评价人确认误评' },
    });
    expect(decided.json().rectification.appealDecision).toEqual({
      upheld: true,
      notes: '评价人确认误评',
      decidedBy: 'ycx-supervisor',
      decidedAt: '2026-12-07T02:00:00.000Z',
    });
  });

  it('refuses bad shapes at the edge in Chinese, without calling the service', async () => {
    const calls = fx.fake.calls.length;
    const by = { '/assignment': HEAD, '/call-backs': CLERK, '/conclusion': CLERK, '/appeal-decision': SUPERVISOR };
    for (const [suffix, payload] of [
      ['/assignment', { handler: 'ycx-clerk' }],
      ['/assignment', { expectedVersion: 1, handler: 'Not A Login' }],
      ['/call-backs', { expectedVersion: 1, reached: true, notes: 'x' }],
      ['/call-backs', { expectedVersion: 1, notes: '已回访' }],
      ['/conclusion', { expectedVersion: 1, outcome: 'ignored', text: '已处理' }],
      ['/conclusion', { expectedVersion: 1, outcome: 'fixed', text: '已处理', fixBy: '2026-02-30x' }],
      ['/appeal-decision', { expectedVersion: 1, upheld: 'yes', notes: '证据充分' }],
    ] as const) {
      const res = await fx.app.inject({ method: 'POST', url: url(suffix), headers: by[suffix], payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail ?? res.json().title).toMatch(CHINESE);
    }
    const badId = await fx.app.inject({ method: 'GET', url: url('', 'not-an-id'), headers: HEAD });
    expect(badId.statusCode).toBe(400);
    expect(fx.fake.calls).toHaveLength(calls);
  });

  it("passes the service's refusals on with the field: not in the department, stale version, no call-back", async () => {
    const outsider = await fx.app.inject({
      method: 'POST',
      url: url('/assignment'),
      headers: HEAD,
      payload: { expectedVersion: 1, handler: 'ycx-rsj-clerk' },
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors).toEqual([
      expect.objectContaining({ path: 'body.handler', reason: 'NOT_IN_DEPARTMENT' }),
    ]);
    const stale = await fx.app.inject({
      method: 'POST',
      url: url('/assignment'),
      headers: HEAD,
      payload: { expectedVersion: 5, handler: 'ycx-clerk' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONCURRENT_MODIFICATION');
    const early = await fx.app.inject({
      method: 'POST',
      url: url('/conclusion'),
      headers: CLERK,
      payload: { expectedVersion: 1, outcome: 'fixed', text: '未回访' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CALL_BACK_REQUIRED');
    const other = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/rectifications?department=620321-RSJ',
      headers: HEAD,
    });
    expect(other.statusCode).toBe(403);
  });

  it('keeps applicants out, and the appeal decision to the supervision office', async () => {
    expect((await fx.app.inject({ method: 'GET', url: url(), headers: APPLICANT })).statusCode).toBe(403);
    expect((await fx.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    const byHead = await fx.app.inject({
      method: 'POST',
      url: url('/appeal-decision'),
      headers: HEAD,
      payload: { expectedVersion: 1, upheld: true, notes: '证据充分' },
    });
    expect(byHead.statusCode).toBe(403);
  });
});
