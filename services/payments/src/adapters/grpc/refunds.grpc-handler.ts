import { maskName } from '@govhall/identifiers';
import type { GrpcServer } from '@govhall/grpc';
import type { paymentsV1 } from '@govhall/proto';
import type { approveRefundUseCase, rejectRefundUseCase } from '../../usecases/refunds/decide-refund.usecase';
import type { listRefundsUseCase } from '../../usecases/refunds/list-refunds.usecase';
import type { requestRefundUseCase } from '../../usecases/refunds/request-refund.usecase';
import { refundState, toProtoNotice, toProtoRefund } from './notice.mapper';

export interface RefundUseCases {
  requestRefund: ReturnType<typeof requestRefundUseCase>;
  approveRefund: ReturnType<typeof approveRefundUseCase>;
  rejectRefund: ReturnType<typeof rejectRefundUseCase>;
  listRefunds: ReturnType<typeof listRefundsUseCase>;
  afterWrite(): void;
}

type RefundMethods = Pick<
  paymentsV1.PaymentsServiceServer,
  'requestRefund' | 'approveRefund' | 'rejectRefund' | 'listRefunds'
>;

/** The refund RPCs of govhall.payments.v1.PaymentsService: proto ⇄ use case. */
export function refundHandlers(server: GrpcServer, uc: RefundUseCases): RefundMethods {
  return {
    requestRefund: server.unary<paymentsV1.RequestRefundRequest, paymentsV1.RequestRefundResponse>(
      'RequestRefund',
      async (req, ctx) => {
        const { notice, refundId } = await uc.requestRefund(req, ctx.principal);
        uc.afterWrite();
        return { notice: toProtoNotice(notice), refundId };
      },
    ),
    approveRefund: server.unary<paymentsV1.ApproveRefundRequest, paymentsV1.ApproveRefundResponse>(
      'ApproveRefund',
      async (req, ctx) => {
        const notice = await uc.approveRefund(req, ctx.principal);
        uc.afterWrite();
        return { notice: toProtoNotice(notice) };
      },
    ),
    rejectRefund: server.unary<paymentsV1.RejectRefundRequest, paymentsV1.RejectRefundResponse>(
      'RejectRefund',
      async (req, ctx) => {
        const notice = await uc.rejectRefund(req, ctx.principal);
        uc.afterWrite();
        return { notice: toProtoNotice(notice) };
      },
    ),
    listRefunds: server.unary<paymentsV1.ListRefundsRequest, paymentsV1.ListRefundsResponse>(
      'ListRefunds',
      async (req, ctx) => {
        const p = await uc.listRefunds(
          {
            tenant: req.tenant,
            states: req.states.map((s) => refundState.fromProto(s)).filter((s) => (s as string) !== ''),
            page: { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          },
          ctx.principal,
        );
        return {
          refunds: p.items.map(({ refund, notice }) => ({
            refund: toProtoRefund(refund),
            noticeId: notice.id,
            noticeNumber: notice.number ?? '',
            caseNumber: notice.caseNumber,
            itemName: notice.itemName,
            payerName: maskName(notice.payerName),
            totalFen: notice.totalFen,
            noticeVersion: notice.version,
          })),
          page: { nextPageToken: p.nextPageToken, total: p.total },
        };
      },
    ),
  };
}
