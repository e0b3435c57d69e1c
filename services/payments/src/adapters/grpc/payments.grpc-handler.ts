import type { GrpcServer } from '@govhall/grpc';
import { paymentsV1 } from '@govhall/proto';
import type { assessFeesUseCase } from '../../usecases/assessment/assess-fees.usecase';
import type { getAssessmentUseCase } from '../../usecases/assessment/get-assessment.usecase';
import type { listFeeItemsUseCase, putFeeItemUseCase } from '../../usecases/fee-register/fee-register.usecases';
import type { markNoticePaidUseCase } from '../../usecases/mark-notice-paid/mark-notice-paid.usecase';
import type {
  getCaseNoticeUseCase,
  getNoticeDocumentUseCase,
  getNoticeUseCase,
  listMyNoticesUseCase,
  listNoticesUseCase,
} from '../../usecases/read-notices/read-notices.usecases';
import type { registerSlipUseCase } from '../../usecases/register-slip/register-slip.usecase';
import type { Notice } from '../../domain/notices/notice';
import type { Page } from '../../usecases/ports';
import {
  fromProtoAssessedLines,
  fromProtoFeeItem,
  noticeState,
  toProtoAssessment,
  toProtoFeeItem,
  toProtoNotice,
} from './notice.mapper';
import { refundHandlers, type RefundUseCases } from './refunds.grpc-handler';
import { reportHandlers, type ReportUseCases } from './reports.grpc-handler';

export interface PaymentsUseCases extends RefundUseCases, ReportUseCases {
  listFeeItems: ReturnType<typeof listFeeItemsUseCase>;
  putFeeItem: ReturnType<typeof putFeeItemUseCase>;
  getAssessment: ReturnType<typeof getAssessmentUseCase>;
  assessFees: ReturnType<typeof assessFeesUseCase>;
  getNotice: ReturnType<typeof getNoticeUseCase>;
  getCaseNotice: ReturnType<typeof getCaseNoticeUseCase>;
  listNotices: ReturnType<typeof listNoticesUseCase>;
  listMyNotices: ReturnType<typeof listMyNoticesUseCase>;
  getNoticeDocument: ReturnType<typeof getNoticeDocumentUseCase>;
  registerSlip: ReturnType<typeof registerSlipUseCase>;
  markNoticePaid: ReturnType<typeof markNoticePaidUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

const page = (p: { pageSize: number; pageToken: string } | undefined) => ({
  pageSize: p?.pageSize ?? 0,
  pageToken: p?.pageToken ?? '',
});

function toNoticePage(p: Page<Notice>, masked: boolean) {
  return {
    notices: p.items.map((n) => toProtoNotice(n, masked)),
    page: { nextPageToken: p.nextPageToken, total: p.total },
  };
}

/** govhall.payments.v1.PaymentsService: proto ⇄ use case. */
export function registerPaymentsService(server: GrpcServer, uc: PaymentsUseCases): void {
  const impl: paymentsV1.PaymentsServiceServer = {
    listFeeItems: server.unary<paymentsV1.ListFeeItemsRequest, paymentsV1.ListFeeItemsResponse>(
      'ListFeeItems',
      async (req, ctx) => ({
        items: (await uc.listFeeItems(req, ctx.principal)).map(toProtoFeeItem),
      }),
    ),
    putFeeItem: server.unary<paymentsV1.PutFeeItemRequest, paymentsV1.PutFeeItemResponse>(
      'PutFeeItem',
      async (req, ctx) => {
        const item = await uc.putFeeItem(
          { item: fromProtoFeeItem(req.item), expectedVersion: req.expectedVersion },
          ctx.principal,
        );
        uc.afterWrite();
        return { item: toProtoFeeItem(item) };
      },
    ),
    getAssessment: server.unary<paymentsV1.GetAssessmentRequest, paymentsV1.GetAssessmentResponse>(
      'GetAssessment',
      async (req, ctx) => toProtoAssessment(await uc.getAssessment(req, ctx.principal)),
    ),
    assessFees: server.unary<paymentsV1.AssessFeesRequest, paymentsV1.AssessFeesResponse>(
      'AssessFees',
      async (req, ctx) => {
        const notice = await uc.assessFees(
          { caseId: req.caseId, requestId: req.requestId, lines: fromProtoAssessedLines(req.lines) },
          ctx.principal,
        );
        uc.afterWrite();
        return { notice: toProtoNotice(notice) };
      },
    ),
    getNotice: server.unary<paymentsV1.GetNoticeRequest, paymentsV1.GetNoticeResponse>(
      'GetNotice',
      async (req, ctx) => ({ notice: toProtoNotice(await uc.getNotice(req, ctx.principal)) }),
    ),
    getCaseNotice: server.unary<paymentsV1.GetCaseNoticeRequest, paymentsV1.GetCaseNoticeResponse>(
      'GetCaseNotice',
      async (req, ctx) => ({ notice: toProtoNotice(await uc.getCaseNotice(req, ctx.principal)) }),
    ),
    listNotices: server.unary<paymentsV1.ListNoticesRequest, paymentsV1.ListNoticesResponse>(
      'ListNotices',
      async (req, ctx) =>
        toNoticePage(
          await uc.listNotices(
            { tenant: req.tenant, states: req.states.map(noticeState.fromProto), page: page(req.page) },
            ctx.principal,
          ),
          true,
        ),
    ),
    listMyNotices: server.unary<paymentsV1.ListMyNoticesRequest, paymentsV1.ListMyNoticesResponse>(
      'ListMyNotices',
      async (req, ctx) => toNoticePage(await uc.listMyNotices({ page: page(req.page) }, ctx.principal), false),
    ),
    getNoticeDocument: server.unary<paymentsV1.GetNoticeDocumentRequest, paymentsV1.GetNoticeDocumentResponse>(
      'GetNoticeDocument',
      async (req, ctx) =>
        uc.getNoticeDocument(
          {
            id: req.id,
            kind: req.kind === paymentsV1.GetNoticeDocumentRequest_Kind.KIND_RECEIPT ? 'receipt' : 'notice',
          },
          ctx.principal,
        ),
    ),
    registerSlip: server.unary<paymentsV1.RegisterSlipRequest, paymentsV1.RegisterSlipResponse>(
      'RegisterSlip',
      async (req, ctx) => {
        const notice = await uc.registerSlip(req, ctx.principal);
        uc.afterWrite();
        return { notice: toProtoNotice(notice) };
      },
    ),
    markNoticePaid: server.unary<paymentsV1.MarkNoticePaidRequest, paymentsV1.MarkNoticePaidResponse>(
      'MarkNoticePaid',
      async (req, ctx) => {
        try {
          return await uc.markNoticePaid(req, ctx.principal);
        } finally {
          // The refused attempt was recorded with its event.
          uc.afterWrite();
        }
      },
    ),
    ...refundHandlers(server, uc),
    ...reportHandlers(server, uc),
  };
  server.addService('govhall.payments.v1.PaymentsService', paymentsV1.PaymentsServiceService, impl);
}
