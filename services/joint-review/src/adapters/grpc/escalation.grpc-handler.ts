import type { Principal } from '@govhall/auth';
import type { GrpcServer } from '@govhall/grpc';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import type { Escalation, EscalationState } from '../../domain/escalations/escalation';
import type { decideEscalationUseCase } from '../../usecases/decide-escalation/decide-escalation.usecase';
import type { forwardEscalationUseCase } from '../../usecases/forward-escalation/forward-escalation.usecase';
import type { getEscalationUseCase } from '../../usecases/get-escalation/get-escalation.usecase';
import type { listFollowUpsUseCase } from '../../usecases/list-follow-ups/list-follow-ups.usecase';
import type { listReceivedEscalationsUseCase } from '../../usecases/list-received-escalations/list-received-escalations.usecase';
import type { recordFollowUpUseCase } from '../../usecases/record-follow-up/record-follow-up.usecase';
import type { reportEscalationStatusUseCase } from '../../usecases/report-escalation-status/report-escalation-status.usecase';
import type { resupplyEscalationUseCase } from '../../usecases/resupply-escalation/resupply-escalation.usecase';
import type { returnEscalationUseCase } from '../../usecases/return-escalation/return-escalation.usecase';
import type { Page } from '../../usecases/ports';
import type { ReceiverUseCases } from '../escalation/local-parent-center';
import {
  escalationState,
  escalationUpdateKind,
  fromProtoCase,
  fromProtoFile,
  toProtoEscalation,
  toProtoUpdate,
} from './escalation.mapper';
import { pageOf } from './joint-review.grpc-handler';
import { fromProtoDecisionFields } from './joint-review.mapper';

export interface EscalationUseCases extends ReceiverUseCases {
  forward: ReturnType<typeof forwardEscalationUseCase>;
  resupply: ReturnType<typeof resupplyEscalationUseCase>;
  recordFollowUp: ReturnType<typeof recordFollowUpUseCase>;
  listFollowUps: ReturnType<typeof listFollowUpsUseCase>;
  get: ReturnType<typeof getEscalationUseCase>;
  listReceived: ReturnType<typeof listReceivedEscalationsUseCase>;
  returnEscalation: ReturnType<typeof returnEscalationUseCase>;
  reportStatus: ReturnType<typeof reportEscalationStatusUseCase>;
  decide: ReturnType<typeof decideEscalationUseCase>;
  /** Called after a write that queued outbox messages or left work for the transfer. */
  afterWrite(): void;
}

const states = (values: jointReviewV1.EscalationState[]): EscalationState[] =>
  values.map((s) => escalationState.fromProto(s)).filter((s): s is EscalationState => !!s);

const listAnswer = (page: Page<Escalation>) => ({
  escalations: page.items.map(toProtoEscalation),
  page: { nextPageToken: page.nextPageToken, total: page.totalSize },
});

/** govhall.joint_review.v1.EscalationService (J3, J4): proto ⇄ use case, every RPC served. */
export function registerEscalationService(server: GrpcServer, uc: EscalationUseCases): void {
  /** A write answering the record after the change. */
  const write = <Req>(name: string, run: (req: Req, principal: Principal) => Promise<Escalation>) =>
    server.unary<Req, { escalation: jointReviewV1.Escalation }>(name, async (req, ctx) => {
      const escalation = await run(req, ctx.principal);
      uc.afterWrite();
      return { escalation: toProtoEscalation(escalation) };
    });
  const impl: jointReviewV1.EscalationServiceServer = {
    forwardEscalation: write<jointReviewV1.ForwardEscalationRequest>('ForwardEscalation', (req, p) =>
      uc.forward(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          targetDepartment: req.targetDepartment,
          note: req.note,
        },
        p,
      ),
    ),
    resupplyEscalation: write<jointReviewV1.ResupplyEscalationRequest>('ResupplyEscalation', (req, p) =>
      uc.resupply(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          note: req.note,
          attachmentIds: req.attachmentIds,
          caseFileIds: req.caseFileIds,
        },
        p,
      ),
    ),
    recordFollowUp: write<jointReviewV1.RecordFollowUpRequest>('RecordFollowUp', (req, p) =>
      uc.recordFollowUp(
        { id: req.id, expectedVersion: Number(req.expectedVersion), text: req.text, contact: req.contact },
        p,
      ),
    ),
    listFollowUps: server.unary<jointReviewV1.ListFollowUpsRequest, jointReviewV1.ListFollowUpsResponse>(
      'ListFollowUps',
      async (req, ctx) =>
        listAnswer(
          await uc.listFollowUps(
            {
              tenant: req.tenant,
              department: req.department,
              states: states(req.states),
              caseNumber: req.caseNumber,
              page: pageOf(req.page),
            },
            ctx.principal,
          ),
        ),
    ),
    getEscalation: server.unary<jointReviewV1.GetEscalationRequest, jointReviewV1.GetEscalationResponse>(
      'GetEscalation',
      async (req, ctx) => ({
        escalation: toProtoEscalation(await uc.get({ id: req.id, caseId: req.caseId }, ctx.principal)),
      }),
    ),
    receiveEscalation: write<jointReviewV1.ReceiveEscalationRequest>('ReceiveEscalation', (req, p) =>
      uc.receive(
        {
          requestId: req.requestId,
          targetTenant: req.targetTenant,
          targetDepartment: req.targetDepartment,
          sourceTenant: req.sourceTenant,
          sourceEscalationId: req.sourceEscalationId,
          case: fromProtoCase(req.case),
          files: req.files.map(fromProtoFile),
          note: req.note,
          forwardedByName: req.forwardedByName,
        },
        p,
      ),
    ),
    putEscalationFile: write<jointReviewV1.PutEscalationFileRequest>('PutEscalationFile', (req, p) =>
      uc.putFile({ escalationId: req.escalationId, fileId: req.fileId, content: Buffer.from(req.content) }, p),
    ),
    receiveResupply: write<jointReviewV1.ReceiveResupplyRequest>('ReceiveResupply', (req, p) =>
      uc.receiveResupply(
        {
          escalationId: req.escalationId,
          round: req.round,
          note: req.note,
          files: req.files.map(fromProtoFile),
          forwardedByName: req.forwardedByName,
        },
        p,
      ),
    ),
    withdrawEscalation: write<jointReviewV1.WithdrawEscalationRequest>('WithdrawEscalation', (req, p) =>
      uc.withdraw({ escalationId: req.escalationId, reason: req.reason }, p),
    ),
    pullEscalationUpdates: server.unary<
      jointReviewV1.PullEscalationUpdatesRequest,
      jointReviewV1.PullEscalationUpdatesResponse
    >('PullEscalationUpdates', async (req, ctx) => {
      const answer = await uc.pullUpdates(
        {
          targetTenant: req.targetTenant,
          sourceTenant: req.sourceTenant,
          afterSequence: Number(req.afterSequence),
          maxUpdates: req.maxUpdates,
        },
        ctx.principal,
      );
      return {
        updates: answer.updates.map((u) => ({
          escalationId: u.counterpartId,
          sourceEscalationId: u.sourceEscalationId,
          state: escalationState.toProto(u.state),
          update: toProtoUpdate(u.update),
        })),
        lastSequence: answer.lastSequence,
      };
    }),
    getEscalationFile: server.unary<jointReviewV1.GetEscalationFileRequest, jointReviewV1.GetEscalationFileResponse>(
      'GetEscalationFile',
      async (req, ctx) => {
        const file = await uc.getFile({ escalationId: req.escalationId, fileId: req.fileId }, ctx.principal);
        return { fileName: file.fileName, contentType: file.contentType, content: file.content };
      },
    ),
    listReceivedEscalations: server.unary<
      jointReviewV1.ListReceivedEscalationsRequest,
      jointReviewV1.ListReceivedEscalationsResponse
    >('ListReceivedEscalations', async (req, ctx) =>
      listAnswer(
        await uc.listReceived(
          {
            tenant: req.tenant,
            department: req.department,
            states: states(req.states),
            sourceTenant: req.sourceTenant,
            page: pageOf(req.page),
          },
          ctx.principal,
        ),
      ),
    ),
    returnEscalation: write<jointReviewV1.ReturnEscalationRequest>('ReturnEscalation', (req, p) =>
      uc.returnEscalation(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          reasons: req.reasons,
          attachmentIds: req.attachmentIds,
        },
        p,
      ),
    ),
    reportEscalationStatus: write<jointReviewV1.ReportEscalationStatusRequest>('ReportEscalationStatus', (req, p) => {
      const kind = escalationUpdateKind.fromProto(req.kind);
      return uc.reportStatus(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          kind:
            kind === 'progress' || kind === 'special_procedure_started' || kind === 'special_procedure_ended'
              ? kind
              : undefined,
          text: req.text,
          procedure: req.procedure,
          plannedWorkingDays: req.plannedWorkingDays,
        },
        p,
      );
    }),
    decideEscalation: write<jointReviewV1.DecideEscalationRequest>('DecideEscalation', (req, p) =>
      uc.decide(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          ...fromProtoDecisionFields(req),
        },
        p,
      ),
    ),
  };
  server.addService(
    'govhall.joint_review.v1.EscalationService',
    jointReviewV1.EscalationServiceService,
    impl as unknown as UntypedServiceImplementation,
  );
}
