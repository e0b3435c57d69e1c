import { randomInt } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient, decodeGrpcError } from '@govhall/grpc';
import { applicationsV1, catalogueV1, jointReviewV1 } from '@govhall/proto';
import { bearer, newCreditCode, userToken, waitFor } from '@govhall/testing';
import { testItem, type Applicant } from '../../applications/test/cases-world';
import { SCJG, TENANT } from './joint-world';
import { world } from './shared-joint-world';

// Projects (J20) against the real stack: the center administrator registers an investment project of a legal person
// (identity), assigns a 代办员 (identity's staff), who attaches the investor's case (read from the cases service); the
// case stream moves the project's copy of the case; staff read the progress, the public reads the masked view without
// a token; refusals change nothing. Every service its own process (JointWorld).
const pb = jointReviewV1;
let projects: jointReviewV1.ProjectServiceClient;
let legalPersonId = '';
let creditCode = '';
let enterpriseItem: catalogueV1.Item;
let bystander: Applicant;
const projectCode = `2026-${TENANT}-59-01-${String(randomInt(1_000_000)).padStart(6, '0')}`;

type Methods = Record<string, (...args: unknown[]) => unknown>;
function call<Req, Res>(method: keyof jointReviewV1.ProjectServiceClient, req: Req, token?: string): Promise<Res> {
  const fn = (projects as unknown as Methods)[method]!;
  return callUnary<Req, Res>(fn.bind(projects) as never, req, { ...(token ? bearer(token) : {}), deadlineMs: 15_000 });
}
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return decodeGrpcError(e as never);
  }
  throw new Error('expected a refusal');
};
const admin = () => world.cases.adminToken();
const project = (over: Partial<jointReviewV1.Project> = {}) =>
  pb.Project.fromPartial({
    tenant: TENANT,
    name: '永昌县金川河物流园建设项目（集成测试）',
    projectCode,
    kind: pb.ProjectKind.PROJECT_KIND_INVESTMENT,
    authorisation: pb.ProjectAuthorisation.PROJECT_AUTHORISATION_FILING,
    publicProgress: true,
    investorPersonId: legalPersonId,
    description: '新建仓储及配套设施',
    location: '永昌县河西堡镇',
    totalInvestment: { fen: 12_000_000_000 },
    ...over,
  });

describe('projects (J20)', () => {
  beforeAll(async () => {
    projects = createGrpcClient(pb.ProjectServiceClient, world.jointReviewAddress(), {
      serviceName: 'govhall.joint_review.v1.ProjectService',
      idempotentMethods: ['GetProject', 'ListProjects', 'GetProjectProgress', 'QueryProjectProgress'],
    });
    // The world's applicant registers the investor, a company it holds.
    creditCode = newCreditCode(TENANT);
    legalPersonId = await world.registerCompany('永昌县金川河项目投资有限公司', creditCode);
    // An item enterprises may apply for (the joint item serves natural persons).
    const draft = testItem('项目测试备案');
    draft.content.serviceObject = catalogueV1.ServiceObject.SERVICE_OBJECT_BOTH;
    enterpriseItem = await world.cases.publishItem(draft, world.login.catalogueReviewer);
    bystander = await world.cases.registerPerson('钱旁观');
  }, 120_000);

  afterAll(() => projects?.close());

  it('registers a project, assigns its 代办员, follows its case, and shows the public a masked view', async () => {
    // Bad input first: every field named, nothing stored.
    const bad = await refusal(
      call(
        'createProject',
        { requestId: 'bad-1', project: project({ name: ' ', projectCode: '2026-62', investorPersonId: 'nobody' }) },
        await admin(),
      ),
    );
    expect([bad.code, bad.reason]).toEqual([status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(bad.violations.map((v) => [v.path, v.reason])).toEqual([
      ['project.name', 'REQUIRED'],
      ['project.projectCode', 'PATTERN'],
      ['project.investorPersonId', 'UNKNOWN'],
    ]);
    const clerkCreates = await refusal(
      call('createProject', { requestId: 'by-clerk', project: project() }, await world.token('clerk')),
    );
    expect([clerkCreates.code, clerkCreates.reason]).toEqual([status.PERMISSION_DENIED, 'CENTER_ADMIN_REQUIRED']);
    const none = await call<jointReviewV1.ListProjectsRequest, jointReviewV1.ListProjectsResponse>(
      'listProjects',
      pb.ListProjectsRequest.fromPartial({ tenant: TENANT, query: '集成测试' }),
      await admin(),
    );
    expect(none.projects.filter((p) => p.projectCode === projectCode)).toEqual([]);

    const requestId = `create-${projectCode}`;
    const { project: created } = await call<jointReviewV1.CreateProjectRequest, jointReviewV1.CreateProjectResponse>(
      'createProject',
      { requestId, project: project() },
      await admin(),
    );
    expect(created).toMatchObject({
      tenant: TENANT,
      projectCode,
      state: pb.ProjectState.PROJECT_STATE_ACTIVE,
      investorName: '永昌县金川河项目投资有限公司',
      investorCreditCode: creditCode,
      createdBy: 'yc-admin',
    });
    // A retry of the request answers the same project; another request with the code is refused.
    const again = await call<jointReviewV1.CreateProjectRequest, jointReviewV1.CreateProjectResponse>(
      'createProject',
      { requestId, project: project() },
      await admin(),
    );
    expect(again.project!.id).toBe(created!.id);
    const taken = await refusal(
      call('createProject', { requestId: `${requestId}-2`, project: project() }, await admin()),
    );
    expect([taken.code, taken.reason]).toEqual([status.ALREADY_EXISTS, 'PROJECT_CODE_TAKEN']);

    // The 代办员: the lead window's clerk (staff of the tenant), with the name identity knows.
    const unknownAgent = await refusal(
      call('assignAgent', { id: created!.id, expectedVersion: 1, username: 'jcq-clerk' }, await admin()),
    );
    expect(unknownAgent.violations.map((v) => [v.path, v.reason])).toEqual([['username', 'UNKNOWN']]);
    const { project: assigned } = await call<jointReviewV1.AssignAgentRequest, jointReviewV1.AssignAgentResponse>(
      'assignAgent',
      { id: created!.id, expectedVersion: 1, username: world.login.clerk },
      await admin(),
    );
    expect(assigned!.agent).toMatchObject({
      username: world.login.clerk,
      displayName: '联办测试人员',
      assignedBy: 'yc-admin',
    });

    // The investor files a case; the 代办员 attaches it while it waits for pre-review.
    const submitted = await world.submittedCase('金川河物流园', {
      itemId: enterpriseItem.id,
      onBehalfOf: legalPersonId,
    });
    expect(submitted.applicant?.personId).toBe(legalPersonId);
    const other = await world.submittedCase('赵联办个人申请', { itemId: enterpriseItem.id });
    const mismatch = await refusal(
      call('attachCase', { id: created!.id, expectedVersion: 2, caseId: other.id }, await world.token('clerk')),
    );
    expect(mismatch.violations.map((v) => [v.path, v.reason])).toEqual([['caseId', 'APPLICANT_MISMATCH']]);
    const notAgent = await refusal(
      call('attachCase', { id: created!.id, expectedVersion: 2, caseId: submitted.id }, await world.token('clerkB')),
    );
    expect([notAgent.code, notAgent.reason]).toEqual([status.PERMISSION_DENIED, 'NOT_PROJECT_AGENT']);
    const { project: attached } = await call<jointReviewV1.AttachCaseRequest, jointReviewV1.AttachCaseResponse>(
      'attachCase',
      { id: created!.id, expectedVersion: 2, caseId: submitted.id },
      await world.token('clerk'),
    );
    expect(attached!.cases).toEqual([
      expect.objectContaining({
        caseId: submitted.id,
        caseNumber: submitted.caseNumber,
        department: SCJG,
        status: applicationsV1.CaseStatus.CASE_STATUS_PRE_REVIEW,
        attachedBy: world.login.clerk,
      }),
    ]);

    // The lead clerk accepts it: the case stream moves the project's copy to PROCESSING with its promised due date.
    const accepted = await world.accept(submitted);
    const followed = await waitFor(
      async () => {
        const { project: p } = await call<jointReviewV1.GetProjectRequest, jointReviewV1.GetProjectResponse>(
          'getProject',
          { id: created!.id },
          await world.token('clerkB'),
        );
        return p!.cases[0]!.status === applicationsV1.CaseStatus.CASE_STATUS_PROCESSING ? p! : undefined;
      },
      { timeoutMs: 60_000, what: "the project's copy of the accepted case" },
    );
    expect(followed.cases[0]!.dueDate).toBe(accepted.clocks!.promised!.dueDate);
    const { progress } = await call<jointReviewV1.GetProjectProgressRequest, jointReviewV1.GetProjectProgressResponse>(
      'getProjectProgress',
      pb.GetProjectProgressRequest.fromPartial({ id: created!.id }),
      await world.token('leadA'),
    );
    expect(progress).toMatchObject({
      casesTotal: 1,
      casesInProgress: 1,
      casesCompleted: 0,
      expectedCompletionDate: accepted.clocks!.promised!.dueDate,
    });

    // Another tenant's staff do not see it; the public query needs no token and shows a masked view.
    const outsider = await refusal(call('getProject', { id: created!.id }, await userToken('jc-admin')));
    expect([outsider.code, outsider.reason]).toEqual([status.NOT_FOUND, 'PROJECT_NOT_FOUND']);
    const { progress: view } = await call<
      jointReviewV1.QueryProjectProgressRequest,
      jointReviewV1.QueryProjectProgressResponse
    >('queryProjectProgress', { projectCode, investorCreditCode: creditCode.toLowerCase(), tenant: '' });
    expect(view).toMatchObject({
      projectCode,
      investorName: '永昌县*******有限公司',
      agentName: '联*****',
      state: pb.ProjectState.PROJECT_STATE_ACTIVE,
    });
    expect(view!.cases).toEqual([
      expect.objectContaining({
        itemName: '项目测试备案',
        departmentName: '永昌县市场监督管理局',
        status: applicationsV1.CaseStatus.CASE_STATUS_PROCESSING,
      }),
    ]);
    expect(JSON.stringify(view)).not.toContain(submitted.caseNumber);

    // The investor on the portal: its holder sees 我的项目 and the progress (identity answers with the caller's own
    // token); another person sees nothing, and may not name the company.
    const investor = await world.applicant.token();
    const mine = await call<jointReviewV1.ListMyProjectsRequest, jointReviewV1.ListMyProjectsResponse>(
      'listMyProjects',
      pb.ListMyProjectsRequest.fromPartial({}),
      investor,
    );
    expect(mine.projects.map((v) => [v.projectId, v.casesInProgress])).toEqual([[created!.id, 1]]);
    const own = await call<jointReviewV1.GetProjectProgressRequest, jointReviewV1.GetProjectProgressResponse>(
      'getProjectProgress',
      { id: created!.id, onBehalfOf: legalPersonId },
      investor,
    );
    expect(own.progress!.agent).toMatchObject({ displayName: '联办测试人员' });
    const stranger = await bystander.token();
    const theirs = await call<jointReviewV1.ListMyProjectsRequest, jointReviewV1.ListMyProjectsResponse>(
      'listMyProjects',
      pb.ListMyProjectsRequest.fromPartial({}),
      stranger,
    );
    expect(theirs.projects).toEqual([]);
    const noGrant = await refusal(call('listMyProjects', { onBehalfOf: legalPersonId }, stranger));
    expect([noGrant.code, noGrant.reason]).toEqual([status.PERMISSION_DENIED, 'NO_GRANT']);
    const hidden = await refusal(call('getProjectProgress', { id: created!.id, onBehalfOf: '' }, stranger));
    expect([hidden.code, hidden.reason]).toEqual([status.NOT_FOUND, 'PROJECT_NOT_FOUND']);

    // Classified: the public query finds nothing, exactly as for a wrong pair.
    await call(
      'updateProject',
      { project: project({ id: created!.id, classified: true }), expectedVersion: 4 },
      await world.token('clerk'),
    );
    for (const q of [
      { projectCode, investorCreditCode: creditCode, tenant: '' },
      { projectCode, investorCreditCode: newCreditCode(TENANT), tenant: '' },
    ]) {
      const hidden = await refusal(call('queryProjectProgress', q));
      expect([hidden.code, hidden.reason]).toEqual([status.NOT_FOUND, 'PROJECT_NOT_FOUND']);
    }
    const closing = await refusal(
      call(
        'closeProject',
        { id: created!.id, expectedVersion: 5, state: pb.ProjectState.PROJECT_STATE_COMPLETED },
        await admin(),
      ),
    );
    expect([closing.code, closing.reason]).toEqual([status.FAILED_PRECONDITION, 'CASES_OPEN']);
  }, 240_000);
});
