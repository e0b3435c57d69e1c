import { status } from '@grpc/grpc-js';
import { applicationsV1, jointReviewV1 } from '@govhall/proto';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { bearer, clientToken, grpcFailure, userToken } from '@govhall/testing';
import { EscalationWorld, PARENT, PARENT_SCJG, TENANT } from './escalation-world';

// Escalation to a parent center in ANOTHER deployment, against the real stack: the test starts a second joint-review
// process on a database of its own, hosting only 金昌市 (620300); the world's joint-review hosts only 永昌县 (620321)
// and reaches the parent over gRPC with a center account of 620300 (PARENT_CENTERS). Credentials and network access
// go one way, upward: the parent knows nothing of the lower deployment, which pulls the status back down.

const pb = jointReviewV1;
const S = pb.EscalationState;
const ew = new EscalationWorld('remote');
const world = ew.world;

beforeAll(() => ew.start(), 300_000);
afterAll(() => ew.stop(), 120_000);

type Escalation = jointReviewV1.Escalation;
type Answer = { escalation?: Escalation };

const clerk = () => world.token('clerk');

function receive(over: Partial<jointReviewV1.ReceiveEscalationRequest>, token: string) {
  return ew.call<jointReviewV1.ReceiveEscalationRequest, Answer>(
    'parent',
    'receiveEscalation',
    {
      requestId: 'remote-test-0001',
      targetTenant: PARENT,
      targetDepartment: PARENT_SCJG,
      sourceTenant: TENANT,
      sourceEscalationId: 'no-such-sender-record',
      case: undefined,
      files: [],
      note: '',
      forwardedByName: '',
      ...over,
    },
    token,
  );
}

describe('an escalated case decided by a parent center in another deployment', () => {
  let caseId = '';
  let sender: Escalation;
  let receiver: Escalation;

  it('refuses the transfer RPCs to anyone but a service account of the parent tenant, and changes nothing', async () => {
    const lowerAccount = world.accounts.jointReview;
    const lowerToken = await clientToken(lowerAccount.clientId, lowerAccount.secret);
    expect(await grpcFailure(receive({}, lowerToken))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'TENANT_OUT_OF_SCOPE',
    });
    const otherDepartment = await grpcFailure(
      receive(
        { targetDepartment: `${PARENT}-RSJ` },
        await clientToken(world.accounts.systemA.clientId, world.accounts.systemA.secret),
      ),
    );
    expect(otherDepartment).toMatchObject({ code: status.PERMISSION_DENIED });
    const parentToken = await clientToken(ew.parentAccount.clientId, ew.parentAccount.secret);
    // 兰州市城关区 is no child of 金昌市.
    expect(
      await grpcFailure(
        receive({ sourceTenant: '620102', case: pb.EscalatedCase.fromPartial({ caseId: 'c' }) }, parentToken),
      ),
    ).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'sourceTenant', reason: 'NOT_A_CHILD_TENANT' })],
    });
    expect(
      await grpcFailure(
        receive({ requestId: 'short', case: pb.EscalatedCase.fromPartial({ caseId: 'c' }) }, parentToken),
      ),
    ).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'requestId', reason: 'PATTERN' })],
    });
    const staff = await grpcFailure(receive({}, await ew.parentToken('parentApprover')));
    expect(staff).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'ROLE_REQUIRED' });
    const pulledByStaff = await grpcFailure(
      ew.call(
        'parent',
        'pullEscalationUpdates',
        { targetTenant: PARENT, sourceTenant: TENANT, afterSequence: 0, maxUpdates: 0 },
        await userToken('jc-city-admin'),
      ),
    );
    expect(pulledByStaff).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'ROLE_REQUIRED' });
    const { escalations } = await ew.call<
      jointReviewV1.ListReceivedEscalationsRequest,
      jointReviewV1.ListReceivedEscalationsResponse
    >(
      'parent',
      'listReceivedEscalations',
      { tenant: '', department: PARENT_SCJG, states: [], sourceTenant: '', page: undefined },
      await ew.parentToken('parentLead'),
    );
    expect(escalations).toEqual([]);
  });

  it('forwards over gRPC: the parent deployment holds the case and its files, the lower one learns it', async () => {
    const accepted = await ew.escalatedCase('异地上报宾馆');
    expect(accepted.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_ESCALATED);
    caseId = accepted.id;
    sender = (await ew.senderOf(caseId))!;
    await ew.call<jointReviewV1.ForwardEscalationRequest, Answer>(
      'lower',
      'forwardEscalation',
      { id: sender.id, expectedVersion: sender.version, targetDepartment: '', note: '请市局办理' },
      await clerk(),
    );
    sender = await ew.until(
      'lower',
      sender.id,
      clerk,
      // The parent's RECEIVED update mirrored too: the record's version is final.
      (e) => e.state === S.ESCALATION_STATE_IN_HANDLING && e.updates.length > 0,
      'the sender in handling',
    );
    expect(sender.targetDepartment).toBe(PARENT_SCJG);
    receiver = await ew.get('parent', sender.counterpartId, await ew.parentToken('parentLead'));
    expect(receiver).toMatchObject({
      side: pb.EscalationSide.ESCALATION_SIDE_RECEIVER,
      tenant: PARENT,
      state: S.ESCALATION_STATE_IN_HANDLING,
      counterpartId: sender.id,
      // Names cross deployments, usernames do not: the receiver shows who forwarded by the name sent.
      task: expect.objectContaining({ assignee: ew.parentLogin.parentLead, state: pb.TaskState.TASK_STATE_OPEN }),
    });
    expect(receiver.files.map((f) => [f.sha256, f.transferred])).toEqual(sender.files.map((f) => [f.sha256, true]));
    expect(receiver.case!.applicant!.name).toBe(world.applicant.name);
    // The lower deployment's staff do not reach the parent's record, nor the parent's staff the lower one's.
    expect(await grpcFailure(ew.get('parent', receiver.id, await clerk()))).toMatchObject({ code: status.NOT_FOUND });
    expect(await grpcFailure(ew.get('lower', sender.id, await ew.parentToken('parentLead')))).toMatchObject({
      code: status.NOT_FOUND,
    });
    // A repeat of the transfer answers the same record (idempotent on the sender's record).
    const parentToken = await clientToken(ew.parentAccount.clientId, ew.parentAccount.secret);
    const again = await receive(
      { requestId: `${sender.id}:1`, sourceEscalationId: sender.id, case: receiver.case },
      parentToken,
    );
    expect(again.escalation!.id).toBe(receiver.id);
  });

  it('keeps a forward made while the parent deployment is down, says why, and completes it once the parent is back', async () => {
    const accepted = await ew.escalatedCase('停机期间上报');
    const waiting = (await ew.senderOf(accepted.id))!;
    await ew.restartParent(async () => {
      await ew.call<jointReviewV1.ForwardEscalationRequest, Answer>(
        'lower',
        'forwardEscalation',
        { id: waiting.id, expectedVersion: waiting.version, targetDepartment: '', note: '' },
        await clerk(),
      );
      const stuck = await ew.until(
        'lower',
        waiting.id,
        clerk,
        (e) => e.transferError !== '',
        'the transfer failing while the parent is down',
      );
      expect(stuck).toMatchObject({ state: S.ESCALATION_STATE_TRANSFERRING, transferError: 'PARENT_UNAVAILABLE' });
      // The forwarding leg keeps running: the lower center is judged by it until the parent holds the case.
      expect(stuck.legs[0]).toMatchObject({ state: pb.LegState.LEG_STATE_RUNNING });
    });
    const done = await ew.until(
      'lower',
      waiting.id,
      clerk,
      (e) => e.state === S.ESCALATION_STATE_IN_HANDLING,
      'the transfer completed after the parent came back',
    );
    expect(done.transferError).toBe('');
    const parentRecord = await ew.get('parent', done.counterpartId, await ew.parentToken('parentLead'));
    expect(parentRecord.files.every((f) => f.transferred)).toBe(true);
  });

  it('records the lower center’s follow-up (J4) and refuses an empty one', async () => {
    const empty = await grpcFailure(
      ew.call(
        'lower',
        'recordFollowUp',
        { id: sender.id, expectedVersion: sender.version, text: ' ', contact: '' },
        await clerk(),
      ),
    );
    expect(empty).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'text', reason: 'REQUIRED' })],
    });
    const { escalation } = await ew.call<jointReviewV1.RecordFollowUpRequest, Answer>(
      'lower',
      'recordFollowUp',
      {
        id: sender.id,
        expectedVersion: sender.version,
        text: '电话联系市局窗口，已在审查',
        contact: '市局窗口 王科长',
      },
      await clerk(),
    );
    // A second note on the version read before the first: notes commute, so it is kept too (not refused as stale).
    const { escalation: again } = await ew.call<jointReviewV1.RecordFollowUpRequest, Answer>(
      'lower',
      'recordFollowUp',
      { id: sender.id, expectedVersion: sender.version, text: '再次电话确认，预计本周决定', contact: '' },
      await clerk(),
    );
    expect(escalation!.version).toBeGreaterThan(sender.version);
    sender = again!;
    expect(sender.version).toBeGreaterThan(escalation!.version);
    expect(sender.followUps).toMatchObject([
      { text: '电话联系市局窗口，已在审查', contact: '市局窗口 王科长', by: world.login.clerk },
      { text: '再次电话确认，预计本周决定', contact: '', by: world.login.clerk },
    ]);
    const { escalations } = await ew.call<jointReviewV1.ListFollowUpsRequest, jointReviewV1.ListFollowUpsResponse>(
      'lower',
      'listFollowUps',
      { tenant: '', department: sender.department, states: [], caseNumber: '', page: undefined },
      await clerk(),
    );
    expect(escalations.map((e) => e.id)).toContain(sender.id);
  });

  it('denies at the parent through its department system; the denial flows down and completes the case', async () => {
    // The parent department decides in its own approval system (J15): it pulls the ESCALATION_DECISION task over
    // DepartmentSystemService from the parent's deployment, claims it, uploads the decision document and decides.
    const systems = createGrpcClient(pb.DepartmentSystemServiceClient, ew.parentAddress, {
      serviceName: 'govhall.joint_review.v1.DepartmentSystemService',
      idempotentMethods: ['PullTasks'],
    });
    const token = await clientToken(ew.parentSystem.clientId, ew.parentSystem.secret);
    const call = <Req, Res>(method: keyof jointReviewV1.DepartmentSystemServiceClient, req: Req, t = token) =>
      callUnary<Req, Res>((systems[method] as any).bind(systems), req, { ...bearer(t), deadlineMs: 15_000 });
    try {
      const pulled = await call<jointReviewV1.PullTasksRequest, jointReviewV1.PullTasksResponse>('pullTasks', {
        tenant: '',
        department: '',
        states: [],
        kinds: [jointReviewV1.TaskKind.TASK_KIND_ESCALATION_DECISION],
        includeDossier: true,
        page: undefined,
      });
      const pulledTask = pulled.tasks.find((t) => t.task!.caseId === caseId);
      expect(pulledTask).toBeDefined();
      const task = pulledTask!.task!;
      expect(task).toMatchObject({
        kind: jointReviewV1.TaskKind.TASK_KIND_ESCALATION_DECISION,
        department: PARENT_SCJG,
      });
      expect(pulledTask!.dossier).toMatchObject({ caseId, caseNumber: receiver.case!.caseNumber });

      const decide = (over: Partial<jointReviewV1.SubmitDecisionRequest>, t = token) =>
        call<jointReviewV1.SubmitDecisionRequest, jointReviewV1.SubmitDecisionResponse>(
          'submitDecision',
          {
            taskId: task.id,
            expectedVersion: task.version,
            outcome: pb.DecisionOutcome.DECISION_OUTCOME_DENIED,
            reasons: ['选址不符合国土空间规划'],
            remedies: [],
            documentNumber: '金市监不许〔2026〕3号',
            attachmentIds: [],
            handlerName: '赵审批 JC0031',
            requestId: `deny-${caseId}`,
            ...over,
          },
          t,
        );
      // Not claimed yet: NOT_ASSIGNEE; a person's token: ROLE_REQUIRED. Nothing changed.
      expect(await grpcFailure(decide({}))).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'NOT_ASSIGNEE' });
      expect(await grpcFailure(decide({}, await ew.parentToken('parentApprover')))).toMatchObject({
        code: status.PERMISSION_DENIED,
        reason: 'ROLE_REQUIRED',
      });
      const claimed = await call<
        jointReviewV1.DepartmentSystemServiceClaimTaskRequest,
        jointReviewV1.DepartmentSystemServiceClaimTaskResponse
      >('claimTask', { taskId: task.id, expectedVersion: task.version, handlerName: '赵审批 JC0031' });
      expect(claimed.task).toMatchObject({ state: jointReviewV1.TaskState.TASK_STATE_CLAIMED });
      // A denial without reasons is refused and changes nothing.
      expect(await grpcFailure(decide({ expectedVersion: claimed.task!.version, reasons: [] }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
      });
      // The parent's deployment keeps the decision document; the lower one fetches it from there.
      const { attachment } = await call<
        jointReviewV1.DepartmentSystemServiceUploadAttachmentRequest,
        jointReviewV1.DepartmentSystemServiceUploadAttachmentResponse
      >('uploadAttachment', {
        fileName: '不予许可决定书.pdf',
        content: Buffer.from('%PDF-1.4\n% 不予行政许可决定书\n%%EOF\n'),
      });
      const decided = await decide({ expectedVersion: claimed.task!.version, attachmentIds: [attachment!.id] });
      expect(decided.task).toMatchObject({ state: jointReviewV1.TaskState.TASK_STATE_DONE });
      // A retry with the same request id answers the first result.
      expect(await decide({ expectedVersion: claimed.task!.version, attachmentIds: [attachment!.id] })).toEqual(
        decided,
      );
    } finally {
      systems.close();
    }
    const escalation = (
      await ew.call<jointReviewV1.GetEscalationRequest, Answer>(
        'parent',
        'getEscalation',
        { id: receiver.id, caseId: '' },
        await ew.parentToken('parentApprover'),
      )
    ).escalation;
    expect(escalation!.decision).toMatchObject({
      handlerName: '赵审批 JC0031',
      source: pb.WorkSource.WORK_SOURCE_DEPARTMENT_SYSTEM,
    });
    expect(escalation!.state).toBe(S.ESCALATION_STATE_DECIDED);
    sender = await ew.until(
      'lower',
      sender.id,
      clerk,
      (e) => e.state === S.ESCALATION_STATE_CONCLUDED,
      'the sender concluded',
    );
    expect(sender.decision).toMatchObject({
      outcome: pb.DecisionOutcome.DECISION_OUTCOME_DENIED,
      reasons: ['选址不符合国土空间规划'],
    });
    // A denial without remedies gets the defaults (行政复议, 行政诉讼).
    expect(sender.decision!.remedies.join('')).toContain('行政复议');
    const c = await world.getCase(caseId);
    expect(c.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_COMPLETED);
    const file = await ew.call<jointReviewV1.GetEscalationFileRequest, jointReviewV1.GetEscalationFileResponse>(
      'lower',
      'getEscalationFile',
      { escalationId: sender.id, fileId: sender.decision!.attachments[0]!.id },
      await clerk(),
    );
    expect(Buffer.from(file.content).toString()).toContain('不予行政许可决定书');
  });
});
