import { ValidationError } from '@govhall/errors';
import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { ViolationUseCases } from '../../usecases/violations/violation.use-cases';
import { toProtoViolation, violationKind, violationState } from './violation.mapper';

type Impl = supervisionV1.ViolationServiceServer;

/** A filter enum: unspecified means no filter, a value outside the enum is refused naming the field. */
function filterEnum<D>(value: number, fromProto: (v: never) => D | undefined, path: string): D | undefined {
  if (value === 0) return undefined;
  const spelled = fromProto(value as never);
  if (spelled === undefined) throw new ValidationError([{ path, reason: 'ENUM', message: '筛选条件的取值不存在' }]);
  return spelled;
}

/** govhall.supervision.v1.ViolationService: proto ⇄ use case. */
export function registerViolationService(server: GrpcServer, uc: ViolationUseCases): void {
  const impl: Pick<Impl, 'listViolations' | 'getViolation' | 'dismissViolation'> = {
    listViolations: server.unary<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
      'ListViolations',
      async (req, ctx) => {
        const page = await uc.listViolations(
          {
            tenant: req.tenant,
            includeSubordinates: req.includeSubordinates,
            kind: filterEnum(req.kind, violationKind.fromProto, 'kind'),
            state: filterEnum(req.state, violationState.fromProto, 'state'),
            matterId: req.matterId,
            department: req.department,
            windowId: req.windowId,
            person: req.person,
            fromDate: req.fromDate,
            toDate: req.toDate,
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return {
          violations: page.violations.map(toProtoViolation),
          page: { nextPageToken: page.nextPageToken, total: 0 },
        };
      },
    ),
    getViolation: server.unary<supervisionV1.GetViolationRequest, supervisionV1.GetViolationResponse>(
      'GetViolation',
      async (req, ctx) => ({ violation: toProtoViolation(await uc.getViolation(req.id, ctx.principal)) }),
    ),
    dismissViolation: server.unary<supervisionV1.DismissViolationRequest, supervisionV1.DismissViolationResponse>(
      'DismissViolation',
      async (req, ctx) => ({
        violation: toProtoViolation(
          await uc.dismissViolation({ id: req.id, reason: req.reason, version: req.version }, ctx.principal),
        ),
      }),
    ),
  };
  server.addService('govhall.supervision.v1.ViolationService', supervisionV1.ViolationServiceService, impl as Impl);
}
