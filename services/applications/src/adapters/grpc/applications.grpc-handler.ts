import { status } from '@grpc/grpc-js';
import type { GrpcServer } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import type { CaseRpc } from './handler-group';
import { handlingHandlers } from './handling.handlers';
import { licenceHandlers } from './licences.handlers';
import { queryHandlers } from './queries.handlers';
import { readHandlers } from './reads.handlers';

/** Every area's handlers; an RPC no area serves yet answers UNIMPLEMENTED. */
const GROUPS = [readHandlers, queryHandlers, handlingHandlers, licenceHandlers];

/** govhall.applications.v1.ApplicationsService: proto ⇄ use cases. */
export function registerApplicationsService(server: GrpcServer, core: CaseCore, afterWrite: () => void): void {
  const served: Partial<applicationsV1.ApplicationsServiceServer> = {};
  for (const group of GROUPS) Object.assign(served, group(server, core, afterWrite));
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
