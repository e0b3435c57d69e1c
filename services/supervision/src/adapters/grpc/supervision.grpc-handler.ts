import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { SupervisionUseCases } from '../../usecases/supervision.use-cases';

/** govhall.supervision.v1.SupervisionService: proto ⇄ use case. */
export function registerSupervisionService(
  server: GrpcServer,
  uc: Pick<SupervisionUseCases, 'listRecordedEvents'>,
): void {
  // The clock and signal RPCs of issue 12 are being built on a branch; until they land the contract answers
  // UNIMPLEMENTED (grpc-js does so for a method missing from the implementation).
  const impl: Pick<supervisionV1.SupervisionServiceServer, 'listRecordedEvents'> = {
    listRecordedEvents: server.unary<supervisionV1.ListRecordedEventsRequest, supervisionV1.ListRecordedEventsResponse>(
      'ListRecordedEvents',
      async (req, ctx) => ({ events: await uc.listRecordedEvents(req.aggregateId, ctx.principal) }),
    ),
  };
  server.addService(
    'govhall.supervision.v1.SupervisionService',
    supervisionV1.SupervisionServiceService,
    impl as supervisionV1.SupervisionServiceServer,
  );
}
