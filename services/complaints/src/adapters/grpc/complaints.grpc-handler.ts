import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { createComplaintUseCase } from '../../usecases/create-complaint/create-complaint.usecase';
import { toProtoComplaint } from './complaint.mapper';

export interface ComplaintsUseCases {
  createComplaint: ReturnType<typeof createComplaintUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** govhall.complaints.v1.ComplaintsService: proto ⇄ use case. */
export function registerComplaintsService(server: GrpcServer, uc: ComplaintsUseCases): void {
  const impl: complaintsV1.ComplaintsServiceServer = {
    createComplaint: server.unary<complaintsV1.CreateComplaintRequest, complaintsV1.CreateComplaintResponse>(
      'CreateComplaint',
      async (req, ctx) => {
        const complaint = await uc.createComplaint({ tenant: req.tenant, title: req.title }, ctx.principal);
        uc.afterWrite();
        return { complaint: toProtoComplaint(complaint) };
      },
    ),
  };
  server.addService('govhall.complaints.v1.ComplaintsService', complaintsV1.ComplaintsServiceService, impl);
}
