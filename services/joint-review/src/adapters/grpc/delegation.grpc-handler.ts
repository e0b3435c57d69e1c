import type { GrpcServer } from '@govhall/grpc';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import type { createAgreementUseCase } from '../../usecases/create-agreement/create-agreement.usecase';
import type { getAgreementUseCase } from '../../usecases/get-agreement/get-agreement.usecase';
import type { getDelegatedCaseUseCase } from '../../usecases/get-delegated-case/get-delegated-case.usecase';
import type { getDelegationStatisticsUseCase } from '../../usecases/get-delegation-statistics/get-delegation-statistics.usecase';
import type { listAgreementsUseCase } from '../../usecases/list-agreements/list-agreements.usecase';
import type { listDelegatedCasesUseCase } from '../../usecases/list-delegated-cases/list-delegated-cases.usecase';
import type { terminateAgreementUseCase } from '../../usecases/terminate-agreement/terminate-agreement.usecase';
import type { transferDelegatedCaseUseCase } from '../../usecases/transfer-delegated-case/transfer-delegated-case.usecase';
import type { updateAgreementUseCase } from '../../usecases/update-agreement/update-agreement.usecase';
import {
  agreementState,
  delegatedCaseState,
  fromProtoAgreementContent,
  toProtoAgreement,
  toProtoDelegatedCase,
  toProtoStatisticsRow,
} from './delegation.mapper';

export interface DelegationUseCases {
  createAgreement: ReturnType<typeof createAgreementUseCase>;
  updateAgreement: ReturnType<typeof updateAgreementUseCase>;
  terminateAgreement: ReturnType<typeof terminateAgreementUseCase>;
  getAgreement: ReturnType<typeof getAgreementUseCase>;
  listAgreements: ReturnType<typeof listAgreementsUseCase>;
  getDelegatedCase: ReturnType<typeof getDelegatedCaseUseCase>;
  listDelegatedCases: ReturnType<typeof listDelegatedCasesUseCase>;
  transferDelegatedCase: ReturnType<typeof transferDelegatedCaseUseCase>;
  getDelegationStatistics: ReturnType<typeof getDelegationStatisticsUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

const page = (p: { pageSize: number; pageToken: string } | undefined) => ({
  pageSize: p?.pageSize ?? 0,
  pageToken: p?.pageToken ?? '',
});

/** govhall.joint_review.v1.DelegationService (代受理, J7, J8): proto ⇄ use case, every RPC served. */
export function registerDelegationService(server: GrpcServer, uc: DelegationUseCases): void {
  const s = jointReviewV1;
  const impl: jointReviewV1.DelegationServiceServer = {
    createAgreement: server.unary<jointReviewV1.CreateAgreementRequest, jointReviewV1.CreateAgreementResponse>(
      'CreateAgreement',
      async (req, ctx) => {
        const agreement = await uc.createAgreement(
          {
            requestId: req.requestId,
            tenant: req.agreement?.tenant ?? '',
            content: fromProtoAgreementContent(req.agreement),
            attachmentIds: req.attachmentIds,
          },
          ctx.principal,
        );
        return { agreement: toProtoAgreement(agreement) };
      },
    ),
    updateAgreement: server.unary<jointReviewV1.UpdateAgreementRequest, jointReviewV1.UpdateAgreementResponse>(
      'UpdateAgreement',
      async (req, ctx) => {
        const agreement = await uc.updateAgreement(
          {
            id: req.agreement?.id ?? '',
            expectedVersion: Number(req.expectedVersion),
            content: fromProtoAgreementContent(req.agreement),
            attachmentIds: req.attachmentIds,
          },
          ctx.principal,
        );
        return { agreement: toProtoAgreement(agreement) };
      },
    ),
    terminateAgreement: server.unary<jointReviewV1.TerminateAgreementRequest, jointReviewV1.TerminateAgreementResponse>(
      'TerminateAgreement',
      async (req, ctx) => {
        const agreement = await uc.terminateAgreement(
          {
            id: req.id,
            expectedVersion: Number(req.expectedVersion),
            reason: req.reason,
            terminatedOn: req.terminatedOn,
          },
          ctx.principal,
        );
        return { agreement: toProtoAgreement(agreement) };
      },
    ),
    getAgreement: server.unary<jointReviewV1.GetAgreementRequest, jointReviewV1.GetAgreementResponse>(
      'GetAgreement',
      async (req, ctx) => ({ agreement: toProtoAgreement(await uc.getAgreement({ id: req.id }, ctx.principal)) }),
    ),
    listAgreements: server.unary<jointReviewV1.ListAgreementsRequest, jointReviewV1.ListAgreementsResponse>(
      'ListAgreements',
      async (req, ctx) => {
        const state = agreementState.fromProto(req.state);
        const result = await uc.listAgreements(
          {
            tenant: req.tenant,
            department: req.department,
            itemSeriesId: req.itemSeriesId,
            ...(state ? { state } : {}),
            page: page(req.page),
          },
          ctx.principal,
        );
        return {
          agreements: result.items.map(toProtoAgreement),
          page: { nextPageToken: result.nextPageToken, total: result.totalSize },
        };
      },
    ),
    getDelegatedCase: server.unary<jointReviewV1.GetDelegatedCaseRequest, jointReviewV1.GetDelegatedCaseResponse>(
      'GetDelegatedCase',
      async (req, ctx) => ({
        delegatedCase: toProtoDelegatedCase(
          await uc.getDelegatedCase({ id: req.id, caseId: req.caseId }, ctx.principal),
        ),
      }),
    ),
    listDelegatedCases: server.unary<jointReviewV1.ListDelegatedCasesRequest, jointReviewV1.ListDelegatedCasesResponse>(
      'ListDelegatedCases',
      async (req, ctx) => {
        const result = await uc.listDelegatedCases(
          {
            tenant: req.tenant,
            department: req.department,
            windowId: req.windowId,
            states: req.states.map((st) => delegatedCaseState.fromProto(st)).filter((st) => !!st),
            page: page(req.page),
          },
          ctx.principal,
        );
        return {
          delegatedCases: result.items.map(toProtoDelegatedCase),
          page: { nextPageToken: result.nextPageToken, total: result.totalSize },
        };
      },
    ),
    transferDelegatedCase: server.unary<
      jointReviewV1.TransferDelegatedCaseRequest,
      jointReviewV1.TransferDelegatedCaseResponse
    >('TransferDelegatedCase', async (req, ctx) => {
      const dc = await uc.transferDelegatedCase(
        { id: req.id, expectedVersion: Number(req.expectedVersion), preReviewOpinion: req.preReviewOpinion },
        ctx.principal,
      );
      uc.afterWrite();
      return { delegatedCase: toProtoDelegatedCase(dc) };
    }),
    getDelegationStatistics: server.unary<
      jointReviewV1.GetDelegationStatisticsRequest,
      jointReviewV1.GetDelegationStatisticsResponse
    >('GetDelegationStatistics', async (req, ctx) => {
      const rows = await uc.getDelegationStatistics(
        { tenant: req.tenant, fromMonth: req.fromMonth, toMonth: req.toMonth, department: req.department },
        ctx.principal,
      );
      return { rows: rows.map(toProtoStatisticsRow) };
    }),
  };
  server.addService(
    'govhall.joint_review.v1.DelegationService',
    s.DelegationServiceService,
    impl as unknown as UntypedServiceImplementation,
  );
}
