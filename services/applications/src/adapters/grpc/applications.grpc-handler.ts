import { status } from '@grpc/grpc-js';
import type { GrpcServer } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import type { CaseRpc, HandlerGroup } from './handler-group';
import { handlingHandlers } from './handling.handlers';
import { licenceHandlers } from './licences.handlers';
import { queryHandlers } from './queries.handlers';
import { readHandlers } from './reads.handlers';
import { windowHandlers } from './window.handlers';

/** Every area's handlers; an RPC no area serves yet answers UNIMPLEMENTED. */
const GROUPS = [readHandlers, queryHandlers, windowHandlers, handlingHandlers, licenceHandlers];

/**
 * govhall.applications.v1.ApplicationsService: proto ⇄ use cases. `areas`: groups that need ports beyond the core
 * (declaration: identity, files, settings), built by the caller from the composition root.
 */
export function registerApplicationsService(
  server: GrpcServer,
  core: CaseCore,
  afterWrite: () => void,
  areas: readonly HandlerGroup<CaseRpc>[] = [],
): void {
  const served: Partial<applicationsV1.ApplicationsServiceServer> = {};
  for (const group of [...GROUPS, ...areas]) Object.assign(served, group(server, core, afterWrite));
  const impl = Object.fromEntries(
    Object.keys(applicationsV1.ApplicationsServiceService).map((rpc) => [
      rpc,
      served[rpc as CaseRpc] ??
        ((_call: unknown, callback: (e: { code: number; details: string }) => void) =>
          callback({ code: status.UNIMPLEMENTED, details: `${rpc} is not served yet` })),
    ]),
  ) as unknown as applicationsV1.ApplicationsServiceServer;
  server.addService('govhall.applications.v1.ApplicationsService', applicationsV1.ApplicationsServiceService, impl);
}
