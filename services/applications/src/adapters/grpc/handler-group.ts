import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';

export type CaseRpc = keyof applicationsV1.ApplicationsServiceServer;

/**
 * One area's RPCs (declaration, window, handling, reads …): builds its use cases from the core and returns its
 * handlers. `afterWrite` nudges the outbox relay once a write is stored.
 */
export type HandlerGroup<K extends CaseRpc> = (
  server: GrpcServer,
  core: CaseCore,
  afterWrite: () => void,
) => Pick<applicationsV1.ApplicationsServiceServer, K>;
