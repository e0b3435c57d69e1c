import type { CallContext, GrpcServer } from '@govhall/grpc';
import type { Case } from '../../domain/case';
import { applicationsV1, enumSpelling } from '@govhall/proto';
import { acceptCaseUseCase } from '../../usecases/accept-case/accept-case.usecase';
import type { CaseCore } from '../../usecases/deps';
import { issueOneTimeNoticeUseCase } from '../../usecases/issue-one-time-notice/issue-one-time-notice.usecase';
import { passPreReviewUseCase } from '../../usecases/pass-pre-review/pass-pre-review.usecase';
import { recordCorrectionUseCase } from '../../usecases/record-correction/record-correction.usecase';
import { refuseToAcceptUseCase } from '../../usecases/refuse-to-accept/refuse-to-accept.usecase';
import { registerWalkInUseCase } from '../../usecases/register-walk-in/register-walk-in.usecase';
import { sendToAcceptanceUseCase } from '../../usecases/send-to-acceptance/send-to-acceptance.usecase';
import { voidCaseUseCase, type VoidKind } from '../../usecases/void-case/void-case.usecase';
import type { WindowPorts } from '../../usecases/window.ports';
import { caseView } from './case.mapper';
import type { HandlerGroup } from './handler-group';

type WindowRpc =
  | 'registerWalkIn'
  | 'recordCorrection'
  | 'issueOneTimeNotice'
  | 'passPreReview'
  | 'sendToAcceptance'
  | 'acceptCase'
  | 'refuseToAccept'
  | 'voidCase';

const voidReason = enumSpelling(applicationsV1.VoidReason, 'VOID_REASON_');

/**
 * The window's acts (walk-in registration, corrections, one-time notice, pre-review, acceptance, refusal, void).
 * The caller's token goes on to identity (who serves the window today; the applicant by ID number).
 */
export const windowHandlers: HandlerGroup<WindowRpc> = (server: GrpcServer, core: CaseCore, afterWrite: () => void) => {
  const deps = { ...core, ...windowPortsOf(core) };
  const registerWalkIn = registerWalkInUseCase(deps);
  const recordCorrection = recordCorrectionUseCase(deps);
  const issueOneTimeNotice = issueOneTimeNoticeUseCase(deps);
  const passPreReview = passPreReviewUseCase(deps);
  const sendToAcceptance = sendToAcceptanceUseCase(deps);
  const acceptCase = acceptCaseUseCase(deps);
  const refuseToAccept = refuseToAcceptUseCase(deps);
  const voidCase = voidCaseUseCase(deps);

  /** A write RPC: the use case's case as the response, the relay nudged. */
  const write = <Req>(rpc: string, run: (req: Req, ctx: CallContext) => Promise<Case>) =>
    server.unary<Req, { case: applicationsV1.Case }>(rpc, async (req, ctx) => {
      const c = await run(req, ctx);
      afterWrite();
      return { case: caseView(c, ctx.principal) };
    });

  const handlers: Pick<applicationsV1.ApplicationsServiceServer, WindowRpc> = {
    registerWalkIn: write<applicationsV1.RegisterWalkInRequest>('RegisterWalkIn', (req, ctx) =>
      registerWalkIn(
        {
          idempotencyKey: req.idempotencyKey,
          itemId: req.itemId,
          applicantIdCode: req.applicantIdCode,
          agentIdNumber: req.agentIdNumber,
          formData: req.formData,
          contact: { mobile: req.contact?.mobile ?? '', email: req.contact?.email ?? '' },
          windowId: req.windowId,
        },
        ctx.principal,
        ctx,
      ),
    ),
    recordCorrection: write<applicationsV1.RecordCorrectionRequest>('RecordCorrection', (req, ctx) =>
      recordCorrection(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          corrections: req.corrections.map((c) => ({ field: c.field, materialId: c.materialId, note: c.note })),
          formData: req.formData,
        },
        ctx.principal,
        ctx,
      ),
    ),
    issueOneTimeNotice: write<applicationsV1.IssueOneTimeNoticeRequest>('IssueOneTimeNotice', (req, ctx) =>
      issueOneTimeNotice(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          problems: req.problems.map((p) => ({
            ruleId: p.ruleId,
            field: p.field,
            materialId: p.materialId,
            message: p.message,
          })),
        },
        ctx.principal,
        ctx,
      ),
    ),
    passPreReview: write<applicationsV1.PassPreReviewRequest>('PassPreReview', (req, ctx) =>
      passPreReview(
        { id: req.id, expectedVersion: Number(req.expectedVersion), opinion: req.opinion },
        ctx.principal,
        ctx,
      ),
    ),
    sendToAcceptance: write<applicationsV1.SendToAcceptanceRequest>('SendToAcceptance', (req, ctx) =>
      sendToAcceptance({ id: req.id, expectedVersion: Number(req.expectedVersion) }, ctx.principal, ctx),
    ),
    acceptCase: write<applicationsV1.AcceptCaseRequest>('AcceptCase', (req, ctx) =>
      acceptCase(
        { id: req.id, expectedVersion: Number(req.expectedVersion), opinion: req.opinion },
        ctx.principal,
        ctx,
      ),
    ),
    refuseToAccept: write<applicationsV1.RefuseToAcceptRequest>('RefuseToAccept', (req, ctx) =>
      refuseToAccept(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          reasons: [...req.reasons],
          remedies: [...req.remedies],
        },
        ctx.principal,
        ctx,
      ),
    ),
    voidCase: write<applicationsV1.VoidCaseRequest>('VoidCase', (req, ctx) =>
      voidCase(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          kind: (voidReason.fromProto(req.kind) ?? '') as VoidKind,
          reason: req.reason,
        },
        ctx.principal,
        ctx,
      ),
    ),
  };
  return handlers;
};

/** The window's ports ride on the core that compose.ts builds (`core.window`); the core of other callers has none. */
export function windowPortsOf(core: CaseCore): WindowPorts {
  const ports = (core as CaseCore & { window?: WindowPorts }).window;
  if (!ports) throw new Error('compose.ts must give the core its window ports (core.window)');
  return ports;
}
