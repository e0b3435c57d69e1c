import { status } from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import { chinaToday } from '@govhall/calendar';
import { applicationsV1, jointReviewV1 } from '@govhall/proto';
import { grpcFailure, userToken } from '@govhall/testing';
import { DelegationScene, SLJ } from './delegation-world';
import { JointWorld, TENANT } from './joint-world';

// 代受理 (delegated acceptance, J7, J8) against the real stack: the center of 永昌县 (yc-admin) records an entrustment
// agreement of 永昌县水务局 (no window of its own) for its item at the center's comprehensive window; an online case of
// the item accepted at that window becomes a delegated case (the case stream opens it with the transfer leg); the
// clerk serving the window transfers it with the pre-review opinion (department leg and decision task); SLJ's
// approver decides the case in the cases service (the department leg finishes, the reply leg starts) and the clerk
// delivers the result (the reply leg finishes). Statistics count it. Refusals change nothing.

const pb = jointReviewV1;
const S = pb.DelegatedCaseState;
const world = new JointWorld();
const scene = new DelegationScene(world);

beforeAll(async () => {
  await world.start();
  await scene.start();
}, 400_000);
afterAll(async () => {
  await scene.stop();
  await world.stop();
}, 120_000);

const today = () => chinaToday(new Date());

function agreement(over: Partial<jointReviewV1.EntrustmentAgreement> = {}): jointReviewV1.EntrustmentAgreement {
  return pb.EntrustmentAgreement.fromPartial({
    department: SLJ,
    agreementNumber: '永政务委〔2026〕1号',
    items: [{ itemSeriesId: scene.item.seriesId }],
    windowIds: [scene.window.id],
    transferWorkingDays: 2,
    replyWorkingDays: 1,
    signedOn: today(),
    validFrom: today(),
    ...over,
  });
}

const create = (req: Partial<jointReviewV1.CreateAgreementRequest>, token: string) =>
  scene.call<jointReviewV1.CreateAgreementRequest, jointReviewV1.CreateAgreementResponse>(
    'createAgreement',
    { requestId: `agreement-${world.cases.suffix}`, agreement: agreement(), attachmentIds: [], ...req },
    token,
  );

const listAgreements = async (token: string) =>
  (
    await scene.call<jointReviewV1.ListAgreementsRequest, jointReviewV1.ListAgreementsResponse>(
      'listAgreements',
      { tenant: '', department: SLJ, itemSeriesId: '', state: 0, page: { pageSize: 20, pageToken: '' } },
      token,
    )
  ).agreements;

const transfer = (id: string, expectedVersion: number, preReviewOpinion: string, token: string) =>
  scene.call<jointReviewV1.TransferDelegatedCaseRequest, jointReviewV1.TransferDelegatedCaseResponse>(
    'transferDelegatedCase',
    { id, expectedVersion, preReviewOpinion },
    token,
  );

type CaseAnswer = { case?: applicationsV1.Case };
const caseCall = async <Req>(method: string, req: Req, token: string) =>
  (await world.cases.call<Req, CaseAnswer>(method as never, req, token)).case!;

let agreementId = '';

describe('delegated acceptance (代受理)', () => {
  it('records an agreement once per request id; bad input, a second agreement of the item and others are refused', async () => {
    const center = await userToken('yc-admin');
    const bad = await grpcFailure(
      create(
        {
          agreement: agreement({
            agreementNumber: '',
            items: [{ itemSeriesId: world.item.seriesId, itemName: '', itemBasicCode: '' }],
            windowIds: [world.windows.lead.id],
            validUntil: '2000-01-01',
          }),
        },
        center,
      ),
    );
    expect([bad.code, bad.reason]).toEqual([status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(bad.violations.map((v) => [v.path, v.reason])).toEqual([
      ['agreementNumber', 'REQUIRED'],
      ['items.0.itemSeriesId', 'UNKNOWN'],
      ['windowIds.0', 'UNKNOWN'],
      ['validUntil', 'OUT_OF_RANGE'],
    ]);
    expect(await listAgreements(center)).toEqual([]);
    const clerkRefused = await grpcFailure(create({}, await scene.token('delegationClerk')));
    expect([clerkRefused.code, clerkRefused.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);

    const { agreement: recorded } = await create({}, center);
    expect(recorded).toMatchObject({
      tenant: TENANT,
      department: SLJ,
      state: pb.AgreementState.AGREEMENT_STATE_ACTIVE,
      items: [{ itemSeriesId: scene.item.seriesId, itemName: scene.item.name, itemBasicCode: scene.item.basicCode }],
      createdBy: 'yc-admin',
    });
    agreementId = recorded!.id;
    expect((await create({}, center)).agreement!.id).toBe(agreementId);
    const twice = await grpcFailure(create({ requestId: `agreement2-${world.cases.suffix}` }, center));
    expect([twice.code, twice.reason, twice.metadata.agreementId]).toEqual([
      status.ALREADY_EXISTS,
      'ITEM_ALREADY_DELEGATED',
      agreementId,
    ]);
    expect((await listAgreements(center)).map((a) => a.id)).toEqual([agreementId]);
    // Staff of the tenant read it; another tenant's center does not see it.
    const read = await scene.call<jointReviewV1.GetAgreementRequest, jointReviewV1.GetAgreementResponse>(
      'getAgreement',
      { id: agreementId },
      await scene.token('delegationClerk'),
    );
    expect(read.agreement!.version).toBe(1);
    const other = await grpcFailure(scene.call('getAgreement', { id: agreementId }, await userToken('jc-admin')));
    expect([other.code, other.reason]).toEqual([status.NOT_FOUND, 'AGREEMENT_NOT_FOUND']);
  });

  it('opens a delegated case on acceptance at the comprehensive window, transfers it, follows the decision and the reply', async () => {
    const accepted = await scene.acceptedCase('取水许可申请');
    expect(accepted.windowId).toBe(scene.window.id);
    const opened = await scene.opened(accepted.id);
    expect(opened).toMatchObject({
      state: S.DELEGATED_CASE_STATE_AT_CENTER,
      agreementId,
      department: SLJ,
      windowId: scene.window.id,
      caseNumber: accepted.caseNumber,
      version: 1,
    });
    expect(opened.legs).toEqual([
      expect.objectContaining({
        kind: pb.LegKind.LEG_KIND_DELEGATED_TRANSFER,
        state: pb.LegState.LEG_STATE_RUNNING,
        responsible: scene.login.delegationClerk,
        budgetWorkingDays: 2,
      }),
    ]);

    // Refusals: a clerk who does not serve the window, no opinion, another tenant; nothing changes.
    const notServing = await grpcFailure(transfer(opened.id, 1, '初审通过', await scene.token('delegationBackup')));
    expect([notServing.code, notServing.reason]).toEqual([status.PERMISSION_DENIED, 'NOT_WINDOW_RESPONSIBLE']);
    const noOpinion = await grpcFailure(transfer(opened.id, 1, ' ', await scene.token('delegationClerk')));
    expect([noOpinion.code, noOpinion.violations.map((v) => [v.path, v.reason])]).toEqual([
      status.INVALID_ARGUMENT,
      [['preReviewOpinion', 'REQUIRED']],
    ]);
    const otherTenant = await grpcFailure(transfer(opened.id, 1, '初审通过', await userToken('jc-admin')));
    expect([otherTenant.code, otherTenant.reason]).toEqual([status.NOT_FOUND, 'DELEGATED_CASE_NOT_FOUND']);
    const otherList = await grpcFailure(
      scene.call(
        'listDelegatedCases',
        { tenant: TENANT, department: '', windowId: '', states: [], page: { pageSize: 20, pageToken: '' } },
        await userToken('jc-admin'),
      ),
    );
    expect([otherList.code, otherList.reason]).toEqual([status.PERMISSION_DENIED, 'TENANT_OUT_OF_SCOPE']);
    expect((await scene.opened(accepted.id)).version).toBe(1);

    const { delegatedCase: transferred } = await transfer(
      opened.id,
      1,
      '材料齐全，初审通过',
      await scene.token('delegationClerk'),
    );
    expect(transferred).toMatchObject({
      state: S.DELEGATED_CASE_STATE_AT_DEPARTMENT,
      preReviewOpinion: '材料齐全，初审通过',
      transferredBy: scene.login.delegationClerk,
      task: { kind: pb.TaskKind.TASK_KIND_DELEGATED_DECISION, department: SLJ, state: pb.TaskState.TASK_STATE_OPEN },
      version: 2,
    });
    expect(transferred!.legs.map((l) => [l.kind, l.state])).toEqual([
      [pb.LegKind.LEG_KIND_DELEGATED_TRANSFER, pb.LegState.LEG_STATE_FINISHED],
      [pb.LegKind.LEG_KIND_DELEGATED_DEPARTMENT, pb.LegState.LEG_STATE_RUNNING],
    ]);
    // SLJ's staff see it in their department's list.
    const { delegatedCases } = await scene.call<
      jointReviewV1.ListDelegatedCasesRequest,
      jointReviewV1.ListDelegatedCasesResponse
    >(
      'listDelegatedCases',
      { tenant: '', department: '', windowId: '', states: [], page: { pageSize: 20, pageToken: '' } },
      await scene.token('sljApprover'),
    );
    expect(delegatedCases.map((d) => d.id)).toEqual([opened.id]);

    // SLJ decides the case in the cases service: the department leg finishes, the reply leg starts.
    const approver = await scene.token('sljApprover');
    const current = await caseCall('getCase', { id: accepted.id }, approver);
    await caseCall(
      'decideCase',
      {
        id: accepted.id,
        expectedVersion: current.version,
        outcome: applicationsV1.Outcome.OUTCOME_APPROVED,
        reasons: [],
        remedies: [],
      },
      approver,
    );
    const replying = await scene.inState(opened.id, S.DELEGATED_CASE_STATE_REPLYING);
    expect(replying.decision).toMatchObject({
      outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
      source: pb.WorkSource.WORK_SOURCE_CASE_STREAM,
      decidedBy: scene.login.sljApprover,
    });
    expect(replying.task!.state).toBe(pb.TaskState.TASK_STATE_DONE);

    // The center replies: the result issued and delivered at the window.
    const clerk = await scene.token('delegationClerk');
    const decided = await caseCall('getCase', { id: accepted.id }, clerk);
    const issued = await caseCall(
      'issueResult',
      {
        id: accepted.id,
        expectedVersion: decided.version,
        validUntil: '2031-12-31',
        deliveryMethod: applicationsV1.DeliveryMethod.DELIVERY_METHOD_WINDOW_PICKUP,
        address: '',
      },
      clerk,
    );
    const mine = await caseCall('getCase', { id: accepted.id }, await world.applicant.token());
    await caseCall(
      'deliverResult',
      {
        id: accepted.id,
        expectedVersion: issued.version,
        method: applicationsV1.DeliveryMethod.DELIVERY_METHOD_UNSPECIFIED,
        pickupCode: mine.delivery!.pickupCode,
        trackingNumber: '',
      },
      clerk,
    );
    const replied = await scene.inState(opened.id, S.DELEGATED_CASE_STATE_REPLIED);
    expect(replied.repliedAt).toBeDefined();
    expect(replied.legs.map((l) => [l.kind, l.end])).toEqual([
      [pb.LegKind.LEG_KIND_DELEGATED_TRANSFER, pb.LegEnd.LEG_END_COMPLETED],
      [pb.LegKind.LEG_KIND_DELEGATED_DEPARTMENT, pb.LegEnd.LEG_END_COMPLETED],
      [pb.LegKind.LEG_KIND_DELEGATED_REPLY, pb.LegEnd.LEG_END_COMPLETED],
    ]);
    expect(await scene.eventNames(opened.id, 'DelegatedCaseReplied')).toEqual([
      'DelegatedCaseOpened',
      'LegStarted',
      'DelegatedCaseTransferred',
      'LegFinished',
      'TaskOpened',
      'LegStarted',
      'DelegatedCaseDecided',
      'TaskCompleted',
      'LegFinished',
      'LegStarted',
      'DelegatedCaseReplied',
      'LegFinished',
    ]);

    // J8: the month's volume and timeliness of SLJ.
    const month = today().slice(0, 7);
    const { rows } = await scene.call<
      jointReviewV1.GetDelegationStatisticsRequest,
      jointReviewV1.GetDelegationStatisticsResponse
    >(
      'getDelegationStatistics',
      { tenant: '', fromMonth: month, toMonth: month, department: '' },
      await userToken('yc-admin'),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        department: SLJ,
        month,
        accepted: 1,
        transferred: 1,
        decided: 1,
        denied: 0,
        replied: 1,
        transferOnTime: 1,
        departmentOnTime: 1,
        replyOnTime: 1,
      }),
      expect.objectContaining({ department: SLJ, month: '', accepted: 1, replied: 1 }),
    ]);
    const badMonths = await grpcFailure(
      scene.call(
        'getDelegationStatistics',
        { tenant: '', fromMonth: month, toMonth: '2020-13', department: '' },
        await userToken('yc-admin'),
      ),
    );
    expect(badMonths.violations.map((v) => [v.path, v.reason])).toEqual([['toMonth', 'PATTERN']]);
  });

  it('cancels the transferred delegated case with its open leg and task when the applicant withdraws', async () => {
    const accepted = await scene.acceptedCase('取水许可申请（撤回）');
    const opened = await scene.opened(accepted.id);
    await transfer(opened.id, 1, '初审通过', await scene.token('delegationClerk'));
    // A case that is not a joint case has no joint review to open (OpenJointReview reads it from the cases service).
    const notJoint = await grpcFailure(
      world.call('openJointReview', { caseId: accepted.id }, await scene.token('delegationClerk')),
    );
    expect([notJoint.code, notJoint.reason]).toEqual([status.FAILED_PRECONDITION, 'WRONG_STATE']);
    const applicant = await world.applicant.token();
    const current = await caseCall('getCase', { id: accepted.id }, applicant);
    await caseCall(
      'withdrawCase',
      { id: accepted.id, expectedVersion: current.version, reason: '不再需要' },
      applicant,
    );
    const cancelled = await scene.inState(opened.id, S.DELEGATED_CASE_STATE_CANCELLED);
    expect(cancelled).toMatchObject({
      cancelledReason: '申请人已撤回申请',
      task: { state: pb.TaskState.TASK_STATE_CANCELLED },
    });
    expect(cancelled.legs.map((l) => [l.kind, l.end])).toEqual([
      [pb.LegKind.LEG_KIND_DELEGATED_TRANSFER, pb.LegEnd.LEG_END_COMPLETED],
      [pb.LegKind.LEG_KIND_DELEGATED_DEPARTMENT, pb.LegEnd.LEG_END_CANCELLED],
    ]);
    expect((await scene.eventNames(opened.id, 'DelegatedCaseCancelled')).slice(-3)).toEqual([
      'DelegatedCaseCancelled',
      'TaskCancelled',
      'LegFinished',
    ]);
  });

  it("lets SLJ's own approval system take the decision task over gRPC and deny the case in the cases service", async () => {
    const accepted = await scene.acceptedCase('取水许可申请（部门系统审批）');
    const opened = await scene.opened(accepted.id);
    const { delegatedCase: transferred } = await transfer(
      opened.id,
      1,
      '材料齐全，初审通过',
      await scene.token('delegationClerk'),
    );
    const system = await scene.systemToken();
    const pull = async (token: string) =>
      (
        await world.systemCall<jointReviewV1.PullTasksRequest, jointReviewV1.PullTasksResponse>(
          'pullTasks',
          { tenant: '', department: '', states: [], kinds: [], includeDossier: true, page: undefined },
          token,
        )
      ).tasks;
    const pulled = (await pull(system)).find((t) => t.task!.id === transferred!.task!.id);
    expect(pulled?.task).toMatchObject({
      kind: pb.TaskKind.TASK_KIND_DELEGATED_DECISION,
      department: SLJ,
      state: pb.TaskState.TASK_STATE_OPEN,
    });
    // The dossier is the whole case: the applicant, the form, the materials and their files.
    expect(pulled!.dossier).toMatchObject({ caseId: accepted.id, caseNumber: accepted.caseNumber });
    expect(JSON.parse(pulled!.dossier!.formData)).toEqual({ shopName: '取水许可申请（部门系统审批）' });
    const material = pulled!.dossier!.materials.flatMap((m) => m.files)[0]!;
    const file = await world.systemCall<jointReviewV1.GetTaskFileRequest, jointReviewV1.GetTaskFileResponse>(
      'getTaskFile',
      { taskId: pulled!.task!.id, fileId: material.id },
      system,
    );
    expect(createHash('sha256').update(file.content).digest('hex')).toBe(material.sha256);
    // Another department's system sees nothing of it.
    const rsj = await world.serviceToken('systemA');
    expect((await pull(rsj)).map((t) => t.task!.id)).not.toContain(pulled!.task!.id);

    const task = pulled!.task!;
    const decide = (over: Partial<jointReviewV1.SubmitDecisionRequest>, token = system) =>
      world.systemCall<jointReviewV1.SubmitDecisionRequest, jointReviewV1.SubmitDecisionResponse>(
        'submitDecision',
        {
          taskId: task.id,
          expectedVersion: task.version,
          outcome: pb.DecisionOutcome.DECISION_OUTCOME_DENIED,
          reasons: ['取水口位于饮用水水源保护区内'],
          remedies: [],
          documentNumber: '永水不许〔2026〕2号',
          attachmentIds: [],
          handlerName: '钱审批 SL0007',
          requestId: `deny-${accepted.id}`,
          ...over,
        },
        token,
      );
    expect(await grpcFailure(decide({}))).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'NOT_ASSIGNEE' });
    const claimBy = (token: string) =>
      world.systemCall<
        jointReviewV1.DepartmentSystemServiceClaimTaskRequest,
        jointReviewV1.DepartmentSystemServiceClaimTaskResponse
      >('claimTask', { taskId: task.id, expectedVersion: task.version, handlerName: '钱审批 SL0007' }, token);
    expect(await grpcFailure(claimBy(rsj))).toMatchObject({ code: status.NOT_FOUND, reason: 'TASK_NOT_FOUND' });
    const { task: claimed } = await claimBy(system);
    expect(claimed).toMatchObject({
      state: pb.TaskState.TASK_STATE_CLAIMED,
      assignee: `service:${scene.sljSystem.clientId}`,
    });
    expect(await grpcFailure(decide({ expectedVersion: claimed!.version, reasons: [] }))).toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    expect((await scene.opened(accepted.id)).state).toBe(S.DELEGATED_CASE_STATE_AT_DEPARTMENT);

    const { task: done } = await decide({ expectedVersion: claimed!.version });
    expect(done).toMatchObject({
      state: pb.TaskState.TASK_STATE_DONE,
      decision: {
        outcome: pb.DecisionOutcome.DECISION_OUTCOME_DENIED,
        source: pb.WorkSource.WORK_SOURCE_DEPARTMENT_SYSTEM,
        handlerName: '钱审批 SL0007',
        documentNumber: '永水不许〔2026〕2号',
      },
    });
    // The cases service holds the denial as the department's, the review step done by its system.
    const decidedCase = await caseCall('getCase', { id: accepted.id }, await scene.token('sljApprover'));
    expect(decidedCase.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_COMPLETED);
    expect(decidedCase.decision).toMatchObject({ reasons: ['取水口位于饮用水水源保护区内'] });
    expect(decidedCase.history.at(-1)).toMatchObject({ actorRole: 'department_system' });
    const replying = await scene.inState(opened.id, S.DELEGATED_CASE_STATE_REPLYING);
    expect(replying.decision).toMatchObject({ source: pb.WorkSource.WORK_SOURCE_DEPARTMENT_SYSTEM });
    expect(replying.legs.map((l) => [l.kind, l.state])).toEqual([
      [pb.LegKind.LEG_KIND_DELEGATED_TRANSFER, pb.LegState.LEG_STATE_FINISHED],
      [pb.LegKind.LEG_KIND_DELEGATED_DEPARTMENT, pb.LegState.LEG_STATE_FINISHED],
      [pb.LegKind.LEG_KIND_DELEGATED_REPLY, pb.LegState.LEG_STATE_RUNNING],
    ]);
    // A retry answers the same task; the workbench's approver can no longer decide the case.
    expect((await decide({ expectedVersion: claimed!.version })).task).toEqual(done);
    const late = await grpcFailure(
      caseCall(
        'decideCase',
        {
          id: accepted.id,
          expectedVersion: decidedCase.version,
          outcome: applicationsV1.Outcome.OUTCOME_APPROVED,
          reasons: [],
          remedies: [],
        },
        await scene.token('sljApprover'),
      ),
    );
    expect([late.code, late.reason]).toEqual([status.FAILED_PRECONDITION, 'WRONG_STATE']);
    expect((await scene.eventNames(opened.id, 'DelegatedCaseDecided')).slice(-5)).toEqual([
      'TaskClaimed',
      'DelegatedCaseDecided',
      'TaskCompleted',
      'LegFinished',
      'LegStarted',
    ]);
  });
});
