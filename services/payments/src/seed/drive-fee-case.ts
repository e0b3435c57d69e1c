import { applicationsV1, jointReviewV1, paymentsV1 } from '@govhall/proto';
import {
  FEE_CASE_APPROVER,
  FEE_CASE_ASSESSMENTS,
  FEE_CASE_BUYER,
  FEE_CASE_FORM,
  FEE_CASE_KEY,
  FEE_CASE_MATERIALS,
} from './demo-fee-case';

/**
 * Walks the demo's fee case (demo-fee-case.ts) to an issued 缴款通知书 through the running services' APIs, one act at
 * a time, each by the person whose act it is. Every act starts from the case as it is now, so a re-run — or a run cut
 * short — carries on from where the case stands and does nothing once the notice is out (or paid).
 */

const S = applicationsV1.CaseStatus;
const T = jointReviewV1.TaskState;
const R = jointReviewV1.JointReviewState;
const N = paymentsV1.NoticeState;

/** Method names of the applications client the walk calls (camelCase, as generated). */
export type FeeCaseRpc =
  | 'openCase'
  | 'getCase'
  | 'uploadMaterial'
  | 'completeUpload'
  | 'submitCase'
  | 'passPreReview'
  | 'sendToAcceptance'
  | 'acceptCase'
  | 'decideCase';

/** What the walk needs of the services, each call as the named login. */
export interface FeeCaseApi {
  /** The tenant's published item of that basic code (its id), asked as staff of the tenant. */
  publishedItemId(tenant: string, basicCode: string, as: string): Promise<string>;
  /** CreateStaff (identity answers an existing username with the same record). */
  ensureStaff(spec: typeof FEE_CASE_APPROVER): Promise<void>;
  caseAct(rpc: FeeCaseRpc, request: object, as: string): Promise<applicationsV1.Case>;
  /** Who serves the window today ('' when nobody), asked as staff of the tenant. */
  windowClerk(windowId: string, as: string): Promise<string>;
  /** The case's joint review; undefined while the case stream has not opened it yet. */
  jointReview(caseId: string, as: string): Promise<jointReviewV1.JointReview | undefined>;
  submitOpinion(request: jointReviewV1.SubmitOpinionRequest, as: string): Promise<void>;
  concludeJointReview(request: jointReviewV1.ConcludeJointReviewRequest, as: string): Promise<void>;
  assessment(caseId: string, as: string): Promise<paymentsV1.GetAssessmentResponse>;
  assessFees(request: paymentsV1.AssessFeesRequest, as: string): Promise<paymentsV1.Notice | undefined>;
  /** A small PDF standing for a material handed in. */
  materialPdf(material: string): Promise<Buffer>;
  /** Waits a moment before looking again (another service is acting on the case). */
  pause(): Promise<void>;
}

export interface FeeCaseOutcome {
  caseId: string;
  caseNumber: string;
  notice: paymentsV1.Notice;
  /** Acts done in this run (0: the notice was already out). */
  acts: number;
}

/** Acts plus looks while another service moves the case on (the joint review opening, its conclusion arriving). */
const MAX_ROUNDS = 200;
const STAFF_OF_TENANT = 'ycx-clerk';

export async function driveFeeCase(api: FeeCaseApi): Promise<FeeCaseOutcome> {
  const buyer = FEE_CASE_BUYER.idNumber;
  const approver = FEE_CASE_APPROVER.username;
  await api.ensureStaff(FEE_CASE_APPROVER);
  const itemId = await api.publishedItemId(FEE_CASE_APPROVER.tenant, '000109901000', STAFF_OF_TENANT);
  const opened = await api.caseAct(
    'openCase',
    {
      idempotencyKey: FEE_CASE_KEY,
      itemId,
      onBehalfOf: '',
      formData: JSON.stringify(FEE_CASE_FORM),
      contact: { mobile: FEE_CASE_BUYER.phone, email: '' },
    },
    buyer,
  );
  let c = await api.caseAct('getCase', { id: opened.id }, buyer);
  let acts = 0;
  const act = async (rpc: FeeCaseRpc, request: object, as: string) => {
    c = await api.caseAct(rpc, { id: c.id, expectedVersion: c.version, ...request }, as);
    acts += 1;
  };
  const refresh = async () => {
    await api.pause();
    c = await api.caseAct('getCase', { id: c.id }, buyer);
  };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    switch (c.status) {
      case S.CASE_STATUS_DRAFT: {
        const missing = c.materials.find(
          (m) => (FEE_CASE_MATERIALS as readonly string[]).includes(m.materialId) && m.files.length === 0,
        );
        if (missing) {
          const content = await api.materialPdf(missing.name);
          await act(
            'uploadMaterial',
            { materialId: missing.materialId, fileName: `${missing.name}.pdf`, content },
            buyer,
          );
        } else if (!c.uploadComplete) {
          await act('completeUpload', {}, buyer);
        } else {
          await act('submitCase', { idempotencyKey: `${FEE_CASE_KEY}-submit` }, buyer);
        }
        break;
      }
      case S.CASE_STATUS_PRE_REVIEW:
      case S.CASE_STATUS_AWAITING_PAPER:
        await act(
          'acceptCase',
          { opinion: '申请材料齐全，符合法定形式，不动产权属证书原件已核验，予以受理' },
          await clerkOf(c.windowId),
        );
        break;
      case S.CASE_STATUS_PRE_REVIEW_PASSED:
        await act('sendToAcceptance', {}, await clerkOf(c.windowId));
        break;
      case S.CASE_STATUS_JOINT_REVIEW:
        if (!(await stepJointReview(c.id))) await refresh();
        break;
      case S.CASE_STATUS_PROCESSING: {
        const step = c.steps.find((s) => s.state === applicationsV1.StepState.STEP_STATE_ACTIVE);
        if (step?.role !== 'approver') {
          throw new Error(
            `demo fee case ${c.caseNumber}: the active step is ${step?.name ?? 'none'}, not the decision`,
          );
        }
        await act(
          'decideCase',
          {
            outcome: applicationsV1.Outcome.OUTCOME_APPROVED,
            reasons: ['经审核，申请登记事项与不动产登记簿记载一致，网签备案、税费核定均已完成，准予转移登记'],
            remedies: [],
          },
          approver,
        );
        break;
      }
      case S.CASE_STATUS_APPROVED:
      case S.CASE_STATUS_AWAITING_PAYMENT: {
        const notice = await assessOnce(c.id);
        if (notice) return { caseId: c.id, caseNumber: c.caseNumber, notice, acts };
        break;
      }
      default:
        throw new Error(`demo fee case ${c.caseNumber || c.id} is in state ${S[c.status]}: no way on to a notice`);
    }
  }
  throw new Error(`demo fee case ${c.caseNumber || c.id} did not reach an issued notice (now ${S[c.status]})`);

  async function clerkOf(windowId: string): Promise<string> {
    const clerk = await api.windowClerk(windowId, STAFF_OF_TENANT);
    if (!clerk) throw new Error(`nobody serves the window of demo fee case ${c.caseNumber} today`);
    return clerk;
  }

  /** One act of the joint review, or false when there is none to do yet (the review is opening or reporting). */
  async function stepJointReview(caseId: string): Promise<boolean> {
    const review = await api.jointReview(caseId, approver);
    if (!review) return false;
    if (review.state === R.JOINT_REVIEW_STATE_OPEN) {
      const task = review.tasks.find(
        (t) => (t.state === T.TASK_STATE_OPEN || t.state === T.TASK_STATE_CLAIMED) && t.assignee,
      );
      if (!task) return false;
      await api.submitOpinion(
        jointReviewV1.SubmitOpinionRequest.fromPartial({
          taskId: task.id,
          expectedVersion: task.version,
          kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE,
          text: task.department.endsWith('-SWJ')
            ? '经核定，本次转移应缴契税按成交价格的1%计征，同意办理'
            : '经核验，存量房买卖合同已网签备案，同意办理',
        }),
        task.assignee,
      );
      acts += 1;
      return true;
    }
    if (review.state === R.JOINT_REVIEW_STATE_AWAITING_CONCLUSION) {
      await api.concludeJointReview(
        jointReviewV1.ConcludeJointReviewRequest.fromPartial({
          reviewId: review.id,
          expectedVersion: review.version,
          outcome: jointReviewV1.DecisionOutcome.DECISION_OUTCOME_APPROVED,
        }),
        approver,
      );
      acts += 1;
      return true;
    }
    return false; // CONCLUDED: the conclusion is on its way to the cases service
  }

  /** Each owning department assesses its lines once; the notice when issued (or paid), else undefined. */
  async function assessOnce(caseId: string): Promise<paymentsV1.Notice | undefined> {
    for (const { department, by, quantities } of FEE_CASE_ASSESSMENTS) {
      const seen = await api.assessment(caseId, by);
      const notice = seen.notice;
      if (notice && notice.state !== N.NOTICE_STATE_ASSESSING) return notice;
      if (notice?.parts.some((p) => p.department === department && p.assessedBy)) continue;
      const lines = seen.lines
        .filter((l) => l.department === department)
        .map((l) => ({ feeCode: l.feeCode, quantity: l.formula ? 1 : (quantities[l.feeCode] ?? 0), reductions: [] }));
      const assessed = await api.assessFees(
        paymentsV1.AssessFeesRequest.fromPartial({ caseId, requestId: `${FEE_CASE_KEY}-${department}`, lines }),
        by,
      );
      acts += 1;
      if (assessed && assessed.state !== N.NOTICE_STATE_ASSESSING) return assessed;
    }
    return undefined;
  }
}
