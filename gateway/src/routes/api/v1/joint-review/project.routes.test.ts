import {
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionError,
  ValidationError,
} from '@govhall/errors';
import { applicationsV1 as A, jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const PROJECT_ID = 'f1000000-0000-4000-8000-000000000001';
const CASE_ID = 'f1000000-0000-4000-8000-000000000002';
const PERSON_ID = 'f1000000-0000-4000-8000-000000000003';
const CODE = '2026-620321-44-01-000123';
const CREDIT = '91620321MA74XXXX1U';
const at = new Date('2026-12-05T02:00:00.000Z');
const CENTER = { authorization: 'Bearer center' };
const CLERK = { authorization: 'Bearer clerk' };
const INVESTOR = { authorization: 'Bearer investor' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path = '') => `/api/v1/joint-review/projects${path}`;

const projectCase = J.ProjectCase.fromPartial({
  caseId: CASE_ID,
  caseNumber: '620321202612050001',
  itemName: '企业投资项目备案',
  department: '620321-FGW',
  status: A.CaseStatus.CASE_STATUS_PROCESSING,
  receivedDate: '2026-12-05',
  dueDate: '2026-12-12',
  attachedBy: 'ycx-clerk',
  attachedAt: at,
});
const agent = {
  username: 'ycx-clerk',
  displayName: '张三',
  phone: '0935-8212345',
  assignedBy: 'yc-admin',
  assignedAt: at,
};

const project: J.Project = J.Project.fromPartial({
  id: PROJECT_ID,
  tenant: TENANT,
  name: '金川河文旅综合体',
  projectCode: CODE,
  kind: J.ProjectKind.PROJECT_KIND_INVESTMENT,
  authorisation: J.ProjectAuthorisation.PROJECT_AUTHORISATION_FILING,
  publicProgress: true,
  investorPersonId: PERSON_ID,
  investorName: '永昌县金川河项目投资有限公司',
  investorCreditCode: CREDIT,
  description: '文旅综合体',
  location: '河西堡镇',
  totalInvestment: { fen: 120_000_000_00 },
  agent,
  cases: [projectCase],
  state: J.ProjectState.PROJECT_STATE_ACTIVE,
  createdBy: 'yc-admin',
  createdAt: at,
  updatedAt: at,
  version: 3,
});
const progress = J.ProjectProgress.fromPartial({
  projectId: PROJECT_ID,
  name: project.name,
  projectCode: CODE,
  state: J.ProjectState.PROJECT_STATE_ACTIVE,
  agent,
  casesTotal: 1,
  casesInProgress: 1,
  cases: [projectCase],
  expectedCompletionDate: '2026-12-12',
  updatedAt: at,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.ProjectServiceService, {
        createProject: async () => ({ project: { ...project, agent: undefined, cases: [], version: 1 } }),
        getProject: async () => ({ project }),
        listProjects: async () => ({ projects: [project], page: { nextPageToken: 'n2', total: 3 } }),
        updateProject: async () => {
          throw new ValidationError([
            { path: 'project.name', reason: 'REQUIRED', message: '请填写项目名称' },
            { path: 'project.totalInvestment', reason: 'OUT_OF_RANGE', message: '总投资不能为负数' },
          ]);
        },
        assignAgent: async (req: J.AssignAgentRequest) => {
          if (req.expectedVersion === 1) throw new ConcurrencyError();
          return { project };
        },
        attachCase: async () => {
          throw new ConflictError('CASE_IN_OTHER_PROJECT', '该办件已关联到其他项目');
        },
        detachCase: async (req: J.DetachCaseRequest) => {
          if (req.reason === '不是代办员') throw new ForbiddenError('NOT_PROJECT_AGENT', '您不是该项目的代办员');
          return { project: { ...project, cases: [] } };
        },
        closeProject: async () => {
          throw new PreconditionError('CASES_OPEN', '项目还有1件办件未办结', {});
        },
        getProjectProgress: async () => ({ progress }),
        listMyProjects: async () => ({ projects: [progress], page: { nextPageToken: '', total: 1 } }),
        queryProjectProgress: async (req: J.QueryProjectProgressRequest) => {
          if (req.projectCode !== CODE) throw new NotFoundError('PROJECT_NOT_FOUND', '未查到该项目');
          return {
            progress: {
              projectCode: CODE,
              name: project.name,
              investorName: '永昌县*****有限公司',
              state: J.ProjectState.PROJECT_STATE_ACTIVE,
              agentName: '张*',
              agentPhone: '0935-8212345',
              cases: [
                {
                  itemName: '企业投资项目备案',
                  departmentName: '永昌县发展和改革局',
                  status: A.CaseStatus.CASE_STATUS_PROCESSING,
                  receivedDate: '2026-12-05',
                  dueDate: '2026-12-12',
                  completedDate: '',
                },
              ],
              asOfDate: '2026-12-05',
            },
          };
        },
      }),
    ]),
    fakeVerifier(TENANT, { center: ['center_admin'], clerk: ['window_clerk'], investor: ['applicant'] }),
  ),
);

describe('project routes', () => {
  it('creates with the content in proto spellings, the investment in fen, and answers the project in REST spellings', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: CENTER,
      payload: {
        requestId: 'project-0001',
        investorPersonId: PERSON_ID,
        name: '金川河文旅综合体',
        projectCode: CODE,
        kind: 'investment',
        authorisation: 'filing',
        publicProgress: true,
        totalInvestmentFen: 12_000_000_000,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      requestId: 'project-0001',
      project: {
        name: '金川河文旅综合体',
        projectCode: CODE,
        kind: J.ProjectKind.PROJECT_KIND_INVESTMENT,
        authorisation: J.ProjectAuthorisation.PROJECT_AUTHORISATION_FILING,
        classified: false,
        publicProgress: true,
        investorPersonId: PERSON_ID,
        description: '',
        totalInvestment: { fen: 12_000_000_000 },
      },
    });
    expect(res.json().project).toMatchObject({
      id: PROJECT_ID,
      kind: 'investment',
      authorisation: 'filing',
      state: 'active',
      totalInvestmentFen: 12_000_000_000,
      cases: [],
      version: 1,
    });
    expect(res.json().project.agent).toBeUndefined();
  });

  it('reads one project and lists them, passing the filters (q as the query) and the page', async () => {
    const one = await fx.app.inject({ url: url(`/${PROJECT_ID}`), headers: CLERK });
    expect(one.statusCode).toBe(200);
    expect(one.json().project).toMatchObject({
      agent: { username: 'ycx-clerk', phone: '0935-8212345', assignedAt: at.toISOString() },
      cases: [{ caseId: CASE_ID, status: 'processing', dueDate: '2026-12-12', overdue: false }],
    });
    expect(one.json().project.cases[0].completedDate).toBeUndefined();
    const list = await fx.app.inject({ url: url('?state=active&mine=true&q=金川&pageSize=5'), headers: CLERK });
    expect(fx.lastCall().request).toMatchObject({
      tenant: '',
      state: J.ProjectState.PROJECT_STATE_ACTIVE,
      mine: true,
      query: '金川',
      page: { pageSize: 5 },
    });
    expect(list.json()).toMatchObject({ projects: [{ id: PROJECT_ID }], total: 3, nextPageToken: 'n2' });
  });

  it("answers a project's progress to staff and to the investor acting for a legal person, and the investor's own list", async () => {
    const staff = await fx.app.inject({ url: url(`/${PROJECT_ID}/progress`), headers: CLERK });
    expect(staff.json().progress).toMatchObject({ projectId: PROJECT_ID, casesTotal: 1, casesInProgress: 1 });
    const investor = await fx.app.inject({
      url: url(`/${PROJECT_ID}/progress?onBehalfOf=${PERSON_ID}`),
      headers: INVESTOR,
    });
    expect(investor.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'getProjectProgress',
      request: { id: PROJECT_ID, onBehalfOf: PERSON_ID },
    });
    expect(investor.json().progress).toMatchObject({
      expectedCompletionDate: '2026-12-12',
      agent: { displayName: '张三' },
    });
    const mine = await fx.app.inject({ url: url(`/mine?onBehalfOf=${PERSON_ID}&pageSize=10`), headers: INVESTOR });
    expect(mine.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'listMyProjects',
      request: { onBehalfOf: PERSON_ID, page: { pageSize: 10 } },
    });
    expect(mine.json()).toMatchObject({
      projects: [{ projectId: PROJECT_ID, cases: [{ itemName: '企业投资项目备案' }] }],
      total: 1,
    });
    expect(mine.json().nextPageToken).toBeUndefined();
  });

  it('answers the public query without a token, and an unmatched pair as 404; /projects/progress is not an id', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: url('/progress'),
      payload: { projectCode: CODE, investorCreditCode: CREDIT },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'queryProjectProgress',
      request: { projectCode: CODE, investorCreditCode: CREDIT, tenant: '' },
      authorization: undefined,
    });
    expect(res.json().progress).toMatchObject({
      investorName: '永昌县*****有限公司',
      agentName: '张*',
      state: 'active',
      cases: [{ departmentName: '永昌县发展和改革局', status: 'processing', dueDate: '2026-12-12' }],
    });
    expect(res.json().progress.cases[0].completedDate).toBeUndefined();
    const missing = await fx.app.inject({
      method: 'POST',
      url: url('/progress'),
      payload: { projectCode: '2026-620321-44-01-000999', investorCreditCode: CREDIT },
    });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    expect(missing.json().detail).toMatch(CHINESE);
  });

  it('assigns the 代办员, detaches a case with its reason, and passes the expected version', async () => {
    const assigned = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/agent`),
      headers: CENTER,
      payload: { expectedVersion: 2, username: 'ycx-clerk' },
    });
    expect(assigned.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ id: PROJECT_ID, expectedVersion: 2, username: 'ycx-clerk' });
    const detached = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/cases/${CASE_ID}/detach`),
      headers: CLERK,
      payload: { expectedVersion: 3, reason: '误关联' },
    });
    expect([detached.statusCode, detached.json().project.cases]).toEqual([200, []]);
    expect(fx.lastCall().request).toMatchObject({
      id: PROJECT_ID,
      caseId: CASE_ID,
      expectedVersion: 3,
      reason: '误关联',
    });
  });

  it("maps the service's refusals: content violations at the body's fields, a case in another project and open cases 409, not the agent 403", async () => {
    const put = await fx.app.inject({
      method: 'PUT',
      url: url(`/${PROJECT_ID}`),
      headers: CLERK,
      payload: {
        expectedVersion: 3,
        name: '金川河',
        kind: 'construction',
        authorisation: 'approval',
        totalInvestmentFen: 5,
      },
    });
    expect(fx.lastCall().request).toMatchObject({
      expectedVersion: 3,
      project: {
        id: PROJECT_ID,
        kind: J.ProjectKind.PROJECT_KIND_CONSTRUCTION,
        authorisation: J.ProjectAuthorisation.PROJECT_AUTHORISATION_APPROVAL,
        totalInvestment: { fen: 5 },
      },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().errors).toEqual([
      { path: 'name', reason: 'REQUIRED', message: '请填写项目名称' },
      { path: 'totalInvestmentFen', reason: 'OUT_OF_RANGE', message: '总投资不能为负数' },
    ]);
    const attach = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/cases`),
      headers: CLERK,
      payload: { expectedVersion: 3, caseId: CASE_ID },
    });
    expect([attach.statusCode, attach.json().code]).toEqual([409, 'CASE_IN_OTHER_PROJECT']);
    expect(fx.lastCall().request).toMatchObject({ id: PROJECT_ID, expectedVersion: 3, caseId: CASE_ID });
    const close = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/close`),
      headers: CENTER,
      payload: { expectedVersion: 3, state: 'completed' },
    });
    expect([close.statusCode, close.json().code]).toEqual([409, 'CASES_OPEN']);
    expect(fx.lastCall().request).toMatchObject({ state: J.ProjectState.PROJECT_STATE_COMPLETED, reason: '' });
  });

  it('refuses bad input at its field and callers without the role before calling the service', async () => {
    const bad = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: CENTER,
      payload: {
        requestId: 'x',
        investorPersonId: 'nobody',
        name: '',
        projectCode: '2026-62',
        kind: 'mall',
        authorisation: 'filing',
        totalInvestmentFen: -1,
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['requestId', 'investorPersonId', 'name', 'projectCode', 'kind', 'totalInvestmentFen']),
    );
    expect(bad.json().detail).toMatch(CHINESE);
    // The code's one message, the pattern's hint (no union's "取值应为 ；不符合任何一种允许的格式").
    expect((bad.json().errors as { path: string; message: string }[]).filter((e) => e.path === 'projectCode')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^格式不正确：项目代码应为“年份-行政区划代码.*；没有的不填$/),
      }),
    ]);
    const publicBad = await fx.app.inject({
      method: 'POST',
      url: url('/progress'),
      payload: { projectCode: CODE, investorCreditCode: '91620321MA74XXXX1' },
    });
    expect(publicBad.statusCode).toBe(400);
    expect(publicBad.json().errors.map((e: { path: string }) => e.path)).toEqual(['investorCreditCode']);
    for (const [method, path, allow] of [
      ['GET', '/progress', 'POST'],
      ['PUT', '/progress', 'POST'],
      ['PUT', '/mine', 'GET'],
    ] as const) {
      const shadowed = await fx.app.inject({ method, url: url(path), headers: CENTER, payload: {} });
      expect([method, path, shadowed.statusCode, shadowed.headers.allow]).toEqual([method, path, 405, allow]);
    }
    const notAnId = await fx.app.inject({ url: url('/not-a-project'), headers: CLERK });
    expect(notAnId.statusCode).toBe(400);
    const clerkCreates = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: CLERK,
      payload: {
        requestId: 'project-0002',
        investorPersonId: PERSON_ID,
        name: '项目',
        kind: 'other',
        authorisation: 'filing',
      },
    });
    expect([clerkCreates.statusCode, clerkCreates.json().code]).toEqual([403, 'ROLE_REQUIRED']);
    const clerkCloses = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/close`),
      headers: CLERK,
      payload: { expectedVersion: 3, state: 'closed', reason: '投资方放弃' },
    });
    expect(clerkCloses.statusCode).toBe(403);
    const investorLists = await fx.app.inject({ url: url(), headers: INVESTOR });
    expect(investorLists.statusCode).toBe(403);
    const staffMine = await fx.app.inject({ url: url('/mine'), headers: CLERK });
    expect(staffMine.statusCode).toBe(403);
    const anonymous = await fx.app.inject({ url: url(`/${PROJECT_ID}`) });
    expect(anonymous.statusCode).toBe(401);
    expect(fx.fake.calls).toEqual([]);
  });

  it("answers the service's refusal of another clerk as 403 and a stale version as 409, with their reasons", async () => {
    const other = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/cases/${CASE_ID}/detach`),
      headers: CLERK,
      payload: { expectedVersion: 3, reason: '不是代办员' },
    });
    expect([other.statusCode, other.json().code]).toEqual([403, 'NOT_PROJECT_AGENT']);
    expect(other.json().detail).toMatch(CHINESE);
    const stale = await fx.app.inject({
      method: 'POST',
      url: url(`/${PROJECT_ID}/agent`),
      headers: CENTER,
      payload: { expectedVersion: 1, username: 'ycx-clerk' },
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'CONCURRENT_MODIFICATION']);
    expect(stale.json().detail).toMatch(CHINESE);
  });
});
