import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { StoredStaffMessage } from '../../usecases/messages/messages.ports';
import type { MessageUseCases } from '../../usecases/messages/message.use-cases';
import { signalLevel } from '../proto/clocks.mapper';

function toProtoMessage(m: StoredStaffMessage): supervisionV1.StaffMessage {
  return {
    id: m.id,
    tenant: m.tenant,
    relation: m.relation,
    signalId: m.signalId,
    matterId: m.matterId,
    level: signalLevel.toProto(m.level),
    title: m.title,
    text: m.text,
    createdAt: m.createdAt,
    readAt: m.readAt,
  };
}

/** govhall.supervision.v1.StaffMessageService: proto ⇄ use case. */
export function registerStaffMessageService(server: GrpcServer, uc: MessageUseCases): void {
  const impl: supervisionV1.StaffMessageServiceServer = {
    listMyMessages: server.unary<supervisionV1.ListMyMessagesRequest, supervisionV1.ListMyMessagesResponse>(
      'ListMyMessages',
      async (req, ctx) => {
        const page = await uc.listMyMessages(
          { unreadOnly: req.unreadOnly, pageSize: req.page?.pageSize, pageToken: req.page?.pageToken },
          ctx.principal,
        );
        return {
          messages: page.messages.map(toProtoMessage),
          page: { nextPageToken: page.nextPageToken, total: page.total },
        };
      },
    ),
    markMessageRead: server.unary<supervisionV1.MarkMessageReadRequest, supervisionV1.MarkMessageReadResponse>(
      'MarkMessageRead',
      async (req, ctx) => ({ message: toProtoMessage(await uc.markMessageRead(req.id, ctx.principal)) }),
    ),
  };
  server.addService('govhall.supervision.v1.StaffMessageService', supervisionV1.StaffMessageServiceService, impl);
}
