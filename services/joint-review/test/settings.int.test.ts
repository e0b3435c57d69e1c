import { status } from '@grpc/grpc-js';
import { applicationsV1, jointReviewV1 } from '@govhall/proto';
import { grpcFailure, userToken, waitFor } from '@govhall/testing';
import { JointWorld, RSJ, SCJG, TENANT, ZRZY } from './joint-world';

/** A seeded department of 永昌县 that the joint item does not name. */
const STHJ = `${TENANT}-STHJ`;

// J9 and J13 against the real stack: the center administrator of 永昌县 sets the lead rule and a serial flow for the
// world's joint item through JointReviewService; a case accepted afterwards opens with that flow (stage 2 waits for
// stage 1). Refusals change nothing. Escalation routes are covered by the settings adapter's unit tests.

const pb = jointReviewV1;
const world = new JointWorld();

beforeAll(() => world.start(), 300_000);
afterAll(() => world.stop(), 120_000);

type Settings = jointReviewV1.JointReviewSettings;

const settingsOf = (over: Partial<Settings> = {}): Settings => ({
  tenant: TENANT,
  leadRule: pb.LeadRule.LEAD_RULE_FIRST_RECEIVING_WINDOW,
  defaultReviewWorkingDays: 4,
  escalationForwardWorkingDays: 0,
  escalationRoutes: [],
  delegatedTransferWorkingDays: 1,
  delegatedReplyWorkingDays: 2,
  version: 0,
  updatedBy: '',
  ...over,
});

const participant = (department: string, stage: number, budgetWorkingDays: number) => ({
  department,
  stage,
  budgetWorkingDays,
  required: true,
  formFields: [],
  materialIds: [],
});

function updateSettings(settings: Settings, expectedVersion: number, token: string) {
  return world.call<jointReviewV1.UpdateJointReviewSettingsRequest, jointReviewV1.UpdateJointReviewSettingsResponse>(
    'updateJointReviewSettings',
    { settings, expectedVersion },
    token,
  );
}

function putFlow(participants: jointReviewV1.FlowParticipant[], expectedVersion: number, token: string) {
  return world.call<jointReviewV1.PutJointFlowRequest, jointReviewV1.PutJointFlowResponse>(
    'putJointFlow',
    {
      flow: {
        tenant: TENANT,
        itemSeriesId: world.item.seriesId,
        itemName: '',
        leadDepartment: '',
        leadWindowId: '',
        participants,
        meetingExpected: false,
        configured: false,
        version: 0,
        updatedBy: '',
      },
      expectedVersion,
    },
    token,
  );
}

function getFlow(token: string) {
  return world.call<jointReviewV1.GetJointFlowRequest, jointReviewV1.GetJointFlowResponse>(
    'getJointFlow',
    { tenant: '', itemSeriesId: world.item.seriesId },
    token,
  );
}

describe('joint-review settings and flows against the real stack', () => {
  it('lets the center set the lead rule and a serial flow, refusing others, and a later case follows them', async () => {
    const admin = await world.cases.adminToken();
    const clerk = await world.token('clerk');

    // Defaults until set: version 0; the item's default flow names both co-departments at stage 1.
    const { settings: initial } = await world.call<
      jointReviewV1.GetJointReviewSettingsRequest,
      jointReviewV1.GetJointReviewSettingsResponse
    >('getJointReviewSettings', { tenant: '' }, clerk);
    expect(initial).toMatchObject({
      tenant: TENANT,
      leadRule: pb.LeadRule.LEAD_RULE_DESIGNATED_PER_ITEM,
      defaultReviewWorkingDays: 5,
      version: 0,
    });
    const { flow: defaultFlow } = await getFlow(clerk);
    expect(defaultFlow).toMatchObject({ configured: false, version: 0, leadDepartment: SCJG });
    expect(defaultFlow!.participants.map((p) => [p.department, p.stage])).toEqual([
      [RSJ, 1],
      [ZRZY, 1],
    ]);

    // Refusals: a clerk, another tenant's center, a budget out of range; nothing is stored.
    const byClerk = await grpcFailure(updateSettings(settingsOf(), 0, clerk));
    expect(byClerk.code).toBe(status.PERMISSION_DENIED);
    const jcAdmin = await userToken('jc-admin');
    const byOther = await grpcFailure(updateSettings(settingsOf(), 0, jcAdmin));
    expect(byOther.code).toBe(status.PERMISSION_DENIED);
    const tooLong = await grpcFailure(updateSettings(settingsOf({ delegatedReplyWorkingDays: 11 }), 0, admin));
    expect(tooLong.code).toBe(status.INVALID_ARGUMENT);
    expect(tooLong.violations.map((v) => `${v.path} ${v.reason}`)).toEqual(['delegatedReplyWorkingDays OUT_OF_RANGE']);

    const { settings } = await updateSettings(settingsOf(), 0, admin);
    expect(settings).toMatchObject({
      leadRule: pb.LeadRule.LEAD_RULE_FIRST_RECEIVING_WINDOW,
      defaultReviewWorkingDays: 4,
      delegatedReplyWorkingDays: 2,
      version: 1,
    });
    const stale = await grpcFailure(updateSettings(settingsOf(), 0, admin));
    expect(stale.code).toBe(status.ABORTED);

    // The flow: a non-co-department and budgets over the promised limit (10 working days) are refused.
    const notCo = await grpcFailure(putFlow([participant(RSJ, 1, 3), participant(STHJ, 2, 3)], 0, admin));
    expect(notCo.code).toBe(status.INVALID_ARGUMENT);
    expect(notCo.violations.map((v) => `${v.path} ${v.reason}`)).toEqual([
      'participants.1.department NOT_A_CO_DEPARTMENT',
    ]);
    const over = await grpcFailure(putFlow([participant(RSJ, 1, 6), participant(ZRZY, 2, 6)], 0, admin));
    expect(over.violations.map((v) => `${v.path} ${v.reason}`)).toEqual(['participants BUDGET_EXCEEDS_LIMIT']);
    const flowByClerk = await grpcFailure(putFlow([participant(RSJ, 1, 3), participant(ZRZY, 2, 3)], 0, clerk));
    expect(flowByClerk.code).toBe(status.PERMISSION_DENIED);
    expect((await getFlow(clerk)).flow!.configured).toBe(false);

    const { flow } = await putFlow([participant(RSJ, 1, 3), participant(ZRZY, 2, 3)], 0, admin);
    expect(flow).toMatchObject({ configured: true, version: 1, itemName: world.item.name });
    const { flows } = await world.call<jointReviewV1.ListJointFlowsRequest, jointReviewV1.ListJointFlowsResponse>(
      'listJointFlows',
      { tenant: TENANT, page: { pageSize: 20, pageToken: '' } },
      clerk,
    );
    expect(flows.map((f) => f.itemSeriesId)).toEqual([world.item.seriesId]);

    // A case accepted now opens with the flow: stage 1 (RSJ) runs, stage 2 (ZRZY) waits.
    const accepted = await world.acceptedJointCase('钱串联小吃店');
    expect(accepted.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_JOINT_REVIEW);
    const opened = await world.openedReview(accepted.id);
    expect(opened).toMatchObject({
      leadRule: pb.LeadRule.LEAD_RULE_FIRST_RECEIVING_WINDOW,
      leadDepartment: SCJG,
      leadWindowId: world.windows.lead.id,
      currentStage: 1,
    });
    expect(opened.tasks.map((t) => [t.department, t.stage, t.state, t.budgetWorkingDays])).toEqual([
      [RSJ, 1, pb.TaskState.TASK_STATE_OPEN, 3],
      [ZRZY, 2, pb.TaskState.TASK_STATE_WAITING, 3],
    ]);

    // Stage 1 done: stage 2 opens.
    const rsj = opened.tasks.find((t) => t.department === RSJ)!;
    await world.call<jointReviewV1.SubmitOpinionRequest, jointReviewV1.SubmitOpinionResponse>(
      'submitOpinion',
      {
        taskId: rsj.id,
        expectedVersion: rsj.version,
        kind: pb.OpinionKind.OPINION_KIND_AGREE,
        text: '经审查，同意。',
        reasons: [],
        conditions: [],
        attachmentIds: [],
      },
      await world.token('leadA'),
    );
    const next = await waitFor(
      async () => {
        const r = await world.reviewOfCase(accepted.id);
        return r.currentStage === 2 ? r : undefined;
      },
      { timeoutMs: 30_000, what: 'stage 2 of the serial flow' },
    );
    expect(next.tasks.map((t) => [t.department, t.state])).toEqual([
      [RSJ, pb.TaskState.TASK_STATE_DONE],
      [ZRZY, pb.TaskState.TASK_STATE_OPEN],
    ]);
  });
});
