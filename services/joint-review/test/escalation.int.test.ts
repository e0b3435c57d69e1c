import { status } from '@grpc/grpc-js';
import { applicationsV1, jointReviewV1 } from '@govhall/proto';
import { grpcFailure, waitFor } from '@govhall/testing';
import { EscalationWorld, PARENT, PARENT_SCJG, SCJG, TENANT } from './escalation-world';
import { ESCALATION_TOPIC, reviewEventType } from './joint-world';

// Escalation (上报件, J3/J4) within one deployment, against the real stack: the cases service escalates an accepted
// case on the case stream; the lower center's window forwards it; joint-review — hosting both 永昌县 and its parent
// 金昌市 — moves the case and its files to the parent's record; the parent's department returns it for supplement,
// reports progress and decides; the status flows back down and the decision reaches the case.

const pb = jointReviewV1;
const S = pb.EscalationState;
const ew = new EscalationWorld('same');
const world = ew.world;

beforeAll(() => ew.start(), 300_000);
afterAll(() => ew.stop(), 120_000);

type Escalation = jointReviewV1.Escalation;
type Answer = { escalation?: Escalation };

const clerk = () => world.token('clerk');
const legsOf = (e: Escalation, kind: jointReviewV1.LegKind) => e.legs.filter((l) => l.kind === kind);

async function received(caseNumber: string): Promise<Escalation> {
  const { escalations } = await ew.call<
    jointReviewV1.ListReceivedEscalationsRequest,
    jointReviewV1.ListReceivedEscalationsResponse
  >(
    'parent',
    'listReceivedEscalations',
    { tenant: '', department: PARENT_SCJG, states: [], sourceTenant: TENANT, page: undefined },
    await ew.parentToken('parentLead'),
  );
  const found = escalations.find((e) => e.case?.caseNumber === caseNumber);
  if (!found) throw new Error(`the parent has no record of case ${caseNumber}`);
  return found;
}

describe('an escalated case handled by the parent center of the same deployment', () => {
  let caseId = '';
  let caseNumber = '';
  let sender: Escalation;
  let receiver: Escalation;

  beforeAll(() => {
    ew.parentClient = world.escalationClient;
  });

  it('opens the lower center’s record when the case is escalated: awaiting forward, its forwarding leg running', async () => {
    const accepted = await ew.escalatedCase('上报宾馆');
    expect(accepted.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_ESCALATED);
    caseId = accepted.id;
    caseNumber = accepted.caseNumber;
    sender = (await ew.senderOf(caseId))!;
    expect(sender).toMatchObject({
      side: pb.EscalationSide.ESCALATION_SIDE_SENDER,
      tenant: TENANT,
      targetTenant: PARENT,
      department: SCJG,
      state: S.ESCALATION_STATE_AWAITING_FORWARD,
      followUpBy: world.login.clerk,
    });
    const [forward] = legsOf(sender, pb.LegKind.LEG_KIND_ESCALATION_FORWARD);
    expect(forward).toMatchObject({
      state: pb.LegState.LEG_STATE_RUNNING,
      tenant: TENANT,
      counterpartTenant: PARENT,
      windowId: world.windows.lead.id,
    });
    // The tenant set no forwarding budget: the leg runs until the case's promised due date (ADR 0057).
    expect(forward!.casePromisedDueDate).not.toBe('');
    expect(forward!.dueDate).toBe(forward!.casePromisedDueDate);
    expect(forward!.budgetWorkingDays).toBeGreaterThanOrEqual(1);
  });

  it('refuses to forward for someone outside the department, or on a stale version, and changes nothing', async () => {
    const outsider = await grpcFailure(
      ew.call(
        'lower',
        'forwardEscalation',
        { id: sender.id, expectedVersion: sender.version, targetDepartment: '', note: '' },
        await world.token('leadA'),
      ),
    );
    expect(outsider).toMatchObject({ code: status.NOT_FOUND, reason: 'ESCALATION_NOT_FOUND' });
    const parentStaff = await grpcFailure(
      ew.call(
        'lower',
        'forwardEscalation',
        { id: sender.id, expectedVersion: sender.version, targetDepartment: '', note: '' },
        await ew.parentToken('parentLead'),
      ),
    );
    expect(parentStaff).toMatchObject({ code: status.NOT_FOUND });
    const stale = await grpcFailure(
      ew.call(
        'lower',
        'forwardEscalation',
        { id: sender.id, expectedVersion: sender.version - 1, targetDepartment: '', note: '' },
        await clerk(),
      ),
    );
    expect(stale).toMatchObject({ code: status.ABORTED });
    const tooLong = await grpcFailure(
      ew.call(
        'lower',
        'forwardEscalation',
        { id: sender.id, expectedVersion: sender.version, targetDepartment: '', note: '长'.repeat(2001) },
        await clerk(),
      ),
    );
    expect(tooLong).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'note', reason: 'LENGTH' })],
    });
    expect((await ew.get('lower', sender.id, await clerk())).version).toBe(sender.version);
  });

  it('forwards the case and its files; the parent holds them, the forwarding leg finishes, the handling leg starts', async () => {
    const { escalation } = await ew.call<jointReviewV1.ForwardEscalationRequest, Answer>(
      'lower',
      'forwardEscalation',
      { id: sender.id, expectedVersion: sender.version, targetDepartment: '', note: '请市局审批' },
      await clerk(),
    );
    expect([S.ESCALATION_STATE_TRANSFERRING, S.ESCALATION_STATE_IN_HANDLING]).toContain(escalation!.state);
    expect(escalation!.targetDepartment).toBe(PARENT_SCJG);
    sender = await ew.until(
      'lower',
      sender.id,
      clerk,
      (e) => e.state === S.ESCALATION_STATE_IN_HANDLING,
      'the sender in handling',
    );
    expect(sender.files.length).toBeGreaterThan(0);
    expect(sender.files.every((f) => f.transferred)).toBe(true);
    expect(legsOf(sender, pb.LegKind.LEG_KIND_ESCALATION_FORWARD)[0]).toMatchObject({
      state: pb.LegState.LEG_STATE_FINISHED,
      end: pb.LegEnd.LEG_END_COMPLETED,
    });

    receiver = await received(caseNumber);
    expect(sender.counterpartId).toBe(receiver.id);
    expect(receiver).toMatchObject({
      side: pb.EscalationSide.ESCALATION_SIDE_RECEIVER,
      tenant: PARENT,
      sourceTenant: TENANT,
      department: PARENT_SCJG,
      state: S.ESCALATION_STATE_IN_HANDLING,
      counterpartId: sender.id,
      note: '请市局审批',
    });
    // The parent holds the applicant's data and the materials as forwarded.
    expect(receiver.case).toMatchObject({
      caseId,
      caseNumber,
      sourceDepartment: SCJG,
      promisedDueDate: sender.case!.promisedDueDate,
    });
    expect(receiver.case!.applicant!.name).toBe(world.applicant.name);
    expect(receiver.files.map((f) => f.sha256)).toEqual(sender.files.map((f) => f.sha256));
    expect(receiver.files.every((f) => f.transferred)).toBe(true);
    expect(receiver.task).toMatchObject({
      kind: pb.TaskKind.TASK_KIND_ESCALATION_DECISION,
      state: pb.TaskState.TASK_STATE_OPEN,
      department: PARENT_SCJG,
      assignee: ew.parentLogin.parentLead,
    });
    const [handling] = legsOf(receiver, pb.LegKind.LEG_KIND_ESCALATION_HANDLING);
    expect(handling).toMatchObject({ state: pb.LegState.LEG_STATE_RUNNING, tenant: PARENT, counterpartTenant: TENANT });
    expect(handling!.budgetWorkingDays).toBeGreaterThanOrEqual(1);
  });

  it('lets only the parent’s approvers decide, and a denial needs reasons', async () => {
    const byClerk = await grpcFailure(
      ew.call(
        'parent',
        'decideEscalation',
        {
          id: receiver.id,
          expectedVersion: receiver.version,
          outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
          reasons: [],
          remedies: [],
          documentNumber: '',
          attachmentIds: [],
        },
        await ew.parentToken('parentLead'),
      ),
    );
    expect(byClerk).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'ROLE_REQUIRED' });
    const byLower = await grpcFailure(
      ew.call(
        'parent',
        'decideEscalation',
        {
          id: receiver.id,
          expectedVersion: receiver.version,
          outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
          reasons: [],
          remedies: [],
          documentNumber: '',
          attachmentIds: [],
        },
        await clerk(),
      ),
    );
    expect(byLower).toMatchObject({ code: status.NOT_FOUND, reason: 'ESCALATION_NOT_FOUND' });
    const bare = await grpcFailure(
      ew.call(
        'parent',
        'decideEscalation',
        {
          id: receiver.id,
          expectedVersion: receiver.version,
          outcome: pb.DecisionOutcome.DECISION_OUTCOME_DENIED,
          reasons: [],
          remedies: [],
          documentNumber: '',
          attachmentIds: [],
        },
        await ew.parentToken('parentApprover'),
      ),
    );
    expect(bare).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'reasons', reason: 'REQUIRED' })],
    });
    expect((await ew.get('parent', receiver.id, await ew.parentToken('parentLead'))).version).toBe(receiver.version);
  });

  it('returns for supplement: the handling leg waits, the lower center’s next forwarding leg runs', async () => {
    const { escalation } = await ew.call<jointReviewV1.ReturnEscalationRequest, Answer>(
      'parent',
      'returnEscalation',
      { id: receiver.id, expectedVersion: receiver.version, reasons: ['请补充营业执照复印件'], attachmentIds: [] },
      await ew.parentToken('parentLead'),
    );
    receiver = escalation!;
    expect(receiver.state).toBe(S.ESCALATION_STATE_RETURNED);
    expect(legsOf(receiver, pb.LegKind.LEG_KIND_ESCALATION_HANDLING)[0]).toMatchObject({
      state: pb.LegState.LEG_STATE_PAUSED,
      pauses: [expect.objectContaining({ reason: pb.PauseReason.PAUSE_REASON_WAITING_FOR_SENDER })],
    });
    sender = await ew.until(
      'lower',
      sender.id,
      clerk,
      (e) => e.state === S.ESCALATION_STATE_RETURNED,
      'the return mirrored',
    );
    const returned = sender.updates.find((u) => u.kind === pb.EscalationUpdateKind.ESCALATION_UPDATE_KIND_RETURNED);
    expect(returned).toMatchObject({ reasons: ['请补充营业执照复印件'], by: ew.parentLogin.parentLead });
    expect(returned!.mirroredAt).toBeDefined();
    const forwards = legsOf(sender, pb.LegKind.LEG_KIND_ESCALATION_FORWARD);
    expect(forwards).toHaveLength(2);
    expect(forwards[1]).toMatchObject({
      state: pb.LegState.LEG_STATE_RUNNING,
      id: `${sender.id}:escalation_forward:2`,
    });
  });

  it('resupplies: a new round reaches the parent, its handling resumes and the second forwarding leg finishes', async () => {
    const unknownFile = await grpcFailure(
      ew.call(
        'lower',
        'resupplyEscalation',
        {
          id: sender.id,
          expectedVersion: sender.version,
          note: '补充材料',
          attachmentIds: [],
          caseFileIds: ['no-such-file'],
        },
        await clerk(),
      ),
    );
    expect(unknownFile).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'caseFileIds.0', reason: 'UNKNOWN' })],
    });
    const noNote = await grpcFailure(
      ew.call(
        'lower',
        'resupplyEscalation',
        { id: sender.id, expectedVersion: sender.version, note: '', attachmentIds: [], caseFileIds: [] },
        await clerk(),
      ),
    );
    expect(noNote).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'note', reason: 'REQUIRED' })],
    });

    const fileId = sender.files[0]!.id;
    await ew.call<jointReviewV1.ResupplyEscalationRequest, Answer>(
      'lower',
      'resupplyEscalation',
      {
        id: sender.id,
        expectedVersion: sender.version,
        note: '已补充营业执照',
        attachmentIds: [],
        caseFileIds: [fileId],
      },
      await clerk(),
    );
    sender = await ew.until(
      'lower',
      sender.id,
      clerk,
      (e) => e.state === S.ESCALATION_STATE_IN_HANDLING && e.round === 2,
      'round 2 in handling',
    );
    expect(legsOf(sender, pb.LegKind.LEG_KIND_ESCALATION_FORWARD)[1]).toMatchObject({
      state: pb.LegState.LEG_STATE_FINISHED,
      end: pb.LegEnd.LEG_END_COMPLETED,
    });
    receiver = await ew.get('parent', receiver.id, await ew.parentToken('parentLead'));
    expect(receiver).toMatchObject({ state: S.ESCALATION_STATE_IN_HANDLING, round: 2, note: '已补充营业执照' });
    expect(receiver.files.filter((f) => f.round === 2).map((f) => [f.id, f.transferred])).toEqual([[fileId, true]]);
    const handling = legsOf(receiver, pb.LegKind.LEG_KIND_ESCALATION_HANDLING)[0]!;
    expect(handling.state).toBe(pb.LegState.LEG_STATE_RUNNING);
    expect(handling.pauses[0]!.endedAt).toBeDefined();
  });

  it('reports progress and decides; the decision flows down and reaches the case', async () => {
    const progress = await ew.call<jointReviewV1.ReportEscalationStatusRequest, Answer>(
      'parent',
      'reportEscalationStatus',
      {
        id: receiver.id,
        expectedVersion: receiver.version,
        kind: pb.EscalationUpdateKind.ESCALATION_UPDATE_KIND_PROGRESS,
        text: '已组织现场核查',
        procedure: '',
        plannedWorkingDays: 0,
      },
      await ew.parentToken('parentLead'),
    );
    receiver = progress.escalation!;
    // The decision document, uploaded first (a text file is refused: only PDF, OFD, JPEG, PNG).
    const approver = await ew.parentToken('parentApprover');
    type Uploaded = jointReviewV1.UploadAttachmentResponse;
    const refused = await grpcFailure(
      world.call('uploadAttachment', { fileName: '决定书.pdf', content: Buffer.from('not a pdf') }, approver),
    );
    expect(refused).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'content', reason: 'FILE_TYPE' })],
    });
    const pdf = Buffer.from('%PDF-1.4\n% 准予行政许可决定书\n%%EOF\n');
    const { attachment } = await world.call<jointReviewV1.UploadAttachmentRequest, Uploaded>(
      'uploadAttachment',
      { fileName: '准予许可决定书.pdf', content: pdf },
      approver,
    );
    // Someone else's upload cannot be used by the approver.
    const { attachment: others } = await world.call<jointReviewV1.UploadAttachmentRequest, Uploaded>(
      'uploadAttachment',
      { fileName: '别人的文件.pdf', content: pdf },
      await ew.parentToken('parentLead'),
    );
    const foreign = await grpcFailure(
      ew.call(
        'parent',
        'decideEscalation',
        {
          id: receiver.id,
          expectedVersion: receiver.version,
          outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
          reasons: [],
          remedies: [],
          documentNumber: '',
          attachmentIds: [others!.id],
        },
        approver,
      ),
    );
    expect(foreign).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [expect.objectContaining({ path: 'attachmentIds.0', reason: 'ATTACHMENT_UNKNOWN' })],
    });
    const { escalation } = await ew.call<jointReviewV1.DecideEscalationRequest, Answer>(
      'parent',
      'decideEscalation',
      {
        id: receiver.id,
        expectedVersion: receiver.version,
        outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
        reasons: [],
        remedies: [],
        documentNumber: '金市监许〔2026〕8号',
        attachmentIds: [attachment!.id],
      },
      approver,
    );
    receiver = escalation!;
    expect(receiver).toMatchObject({
      state: S.ESCALATION_STATE_DECIDED,
      task: expect.objectContaining({ state: pb.TaskState.TASK_STATE_DONE }),
    });
    expect(legsOf(receiver, pb.LegKind.LEG_KIND_ESCALATION_HANDLING)[0]).toMatchObject({
      state: pb.LegState.LEG_STATE_FINISHED,
      end: pb.LegEnd.LEG_END_COMPLETED,
    });

    sender = await ew.until(
      'lower',
      sender.id,
      clerk,
      (e) => e.state === S.ESCALATION_STATE_CONCLUDED,
      'the sender concluded',
    );
    expect(sender.decision).toMatchObject({
      outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
      documentNumber: '金市监许〔2026〕8号',
      decidedBy: ew.parentLogin.parentApprover,
    });
    expect(sender.updates.map((u) => pb.EscalationUpdateKind[u.kind])).toEqual([
      'ESCALATION_UPDATE_KIND_RECEIVED',
      'ESCALATION_UPDATE_KIND_RETURNED',
      'ESCALATION_UPDATE_KIND_RECEIVED',
      'ESCALATION_UPDATE_KIND_PROGRESS',
      'ESCALATION_UPDATE_KIND_DECIDED',
    ]);
    const c = await world.getCase(caseId);
    expect(c.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_PROCESSING);
    // The lower center reads the decision document the parent gave.
    const document = sender.decision!.attachments[0]!;
    expect(document).toMatchObject({ fileName: '准予许可决定书.pdf', contentType: 'application/pdf' });
    const file = await ew.call<jointReviewV1.GetEscalationFileRequest, jointReviewV1.GetEscalationFileResponse>(
      'lower',
      'getEscalationFile',
      { escalationId: sender.id, fileId: document.id },
      await clerk(),
    );
    expect(Buffer.from(file.content).toString()).toContain('准予行政许可决定书');
    const unknown = await grpcFailure(
      ew.call('lower', 'getEscalationFile', { escalationId: sender.id, fileId: 'no-such-file' }, await clerk()),
    );
    expect(unknown).toMatchObject({ code: status.NOT_FOUND, reason: 'FILE_NOT_FOUND' });
  });

  it('publishes each leg’s start and finish once on the escalation topic, pauses paired', async () => {
    await waitFor(
      async () => world.events.of(ESCALATION_TOPIC, sender.id, reviewEventType('EscalationConcluded')).length > 0,
      {
        timeoutMs: 60_000,
        what: 'the sender concluded on the topic',
      },
    );
    await world.events.caughtUp();
    const legEvents = (aggregateId: string) =>
      world.events
        .of(ESCALATION_TOPIC, aggregateId)
        .filter((e) => e.envelope.type.includes('.Leg'))
        .map((e) => {
          const leg = pb.LegStarted.decode(e.envelope.payload).leg!;
          return `${e.envelope.type.split('.').pop()} ${leg.id.split(':').slice(1).join(':')}`;
        });
    expect(legEvents(sender.id)).toEqual([
      'LegStarted escalation_forward:1',
      'LegFinished escalation_forward:1',
      'LegStarted escalation_forward:2',
      'LegFinished escalation_forward:2',
    ]);
    expect(legEvents(receiver.id)).toEqual([
      'LegStarted escalation_handling:1',
      'LegPaused escalation_handling:1',
      'LegResumed escalation_handling:1',
      'LegFinished escalation_handling:1',
    ]);
  });
});
