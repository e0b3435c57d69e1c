import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import { getCaseUseCase } from '../../usecases/get-case/get-case.usecase';
import type { HandlerGroup } from './handler-group';
import { caseView } from './case.mapper';

/** Reads of one case (the applicant's view or the staff view, caseView). */
export const readHandlers: HandlerGroup<'getCase'> = (server: GrpcServer, core: CaseCore) => {
  const getCase = getCaseUseCase(core);
  return {
    getCase: server.unary<applicationsV1.GetCaseRequest, applicationsV1.GetCaseResponse>(
      'GetCase',
      async (req, ctx) => ({
        case: caseView(await getCase(req.id, ctx.principal), ctx.principal),
      }),
    ),
  };
};
