import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { SupervisionOrder } from '../../domain/orders/supervision-order';
import type { OrderUseCases } from '../../usecases/orders/order.use-cases';
import { toProtoClock } from '../proto/clocks.mapper';
import { filterEnum } from './enum-codec';
import { orderState, orderTargetKind, toProtoOrder } from './order.mapper';

const answer = (r: { order: SupervisionOrder; clock: MatterClock }) => ({
  order: toProtoOrder(r.order),
  clock: toProtoClock(r.clock),
});

/** govhall.supervision.v1.OrderService: proto ⇄ use case. */
export function registerOrderService(server: GrpcServer, uc: OrderUseCases): void {
  const impl: supervisionV1.OrderServiceServer = {
    issueOrder: server.unary<supervisionV1.IssueOrderRequest, supervisionV1.IssueOrderResponse>(
      'IssueOrder',
      async (req, ctx) =>
        answer(
          await uc.issueOrder(
            {
              tenant: req.tenant,
              targetKind: orderTargetKind.fromProto(req.targetKind),
              targetId: req.targetId,
              subject: req.subject,
              requirement: req.requirement,
              deadlineWorkingDays: req.deadlineWorkingDays,
              responsibleDepartment: req.responsibleDepartment,
              responsiblePerson: req.responsiblePerson,
              requestId: req.requestId,
            },
            ctx.principal,
          ),
        ),
    ),
    getOrder: server.unary<supervisionV1.GetOrderRequest, supervisionV1.GetOrderResponse>(
      'GetOrder',
      async (req, ctx) => answer(await uc.getOrder(req.id, ctx.principal)),
    ),
    listOrders: server.unary<supervisionV1.ListOrdersRequest, supervisionV1.ListOrdersResponse>(
      'ListOrders',
      async (req, ctx) => {
        const page = await uc.listOrders(
          {
            tenant: req.tenant,
            includeSubordinates: req.includeSubordinates,
            state: filterEnum(req.state, orderState.fromProto, 'state'),
            responsibleDepartment: req.responsibleDepartment,
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return { orders: page.orders.map(toProtoOrder), page: { nextPageToken: page.nextPageToken, total: 0 } };
      },
    ),
    replyToOrder: server.unary<supervisionV1.ReplyToOrderRequest, supervisionV1.ReplyToOrderResponse>(
      'ReplyToOrder',
      async (req, ctx) =>
        answer(await uc.replyToOrder({ id: req.id, text: req.text, version: req.version }, ctx.principal)),
    ),
    closeOrder: server.unary<supervisionV1.CloseOrderRequest, supervisionV1.CloseOrderResponse>(
      'CloseOrder',
      async (req, ctx) =>
        answer(await uc.closeOrder({ id: req.id, note: req.note, version: req.version }, ctx.principal)),
    ),
    returnOrder: server.unary<supervisionV1.ReturnOrderRequest, supervisionV1.ReturnOrderResponse>(
      'ReturnOrder',
      async (req, ctx) =>
        answer(await uc.returnOrder({ id: req.id, reason: req.reason, version: req.version }, ctx.principal)),
    ),
  };
  server.addService('govhall.supervision.v1.OrderService', supervisionV1.OrderServiceService, impl);
}
