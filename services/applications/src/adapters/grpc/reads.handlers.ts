import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import { getCaseDocumentUseCase } from '../../usecases/get-case-document/get-case-document.usecase';
import { getCaseUseCase } from '../../usecases/get-case/get-case.usecase';
import type { HandlerGroup } from './handler-group';
import { caseView, toProtoDocument } from './case.mapper';

/** Reads of one case (the applicant's view or the staff view, caseView) and of its documents. */
export const readHandlers: HandlerGroup<'getCase' | 'getCaseDocument'> = (server: GrpcServer, core: CaseCore) => {
  const getCase = getCaseUseCase(core);
  const getDocument = getCaseDocumentUseCase(core);
  return {
    getCase: server.unary<applicationsV1.GetCaseRequest, applicationsV1.GetCaseResponse>(
      'GetCase',
      async (req, ctx) => {
        const found = await getCase(req.id, ctx.principal);
        return {
          case: caseView(found.case, ctx.principal),
          dueDate: found.timeLeft.dueDate,
          workingDaysLeft: found.timeLeft.workingDaysLeft ?? 0,
          clockRunning: found.timeLeft.clockRunning,
        };
      },
    ),
    getCaseDocument: server.unary<applicationsV1.GetCaseDocumentRequest, applicationsV1.GetCaseDocumentResponse>(
      'GetCaseDocument',
      async (req, ctx) => {
        const found = await getDocument({ caseId: req.caseId, documentId: req.documentId }, ctx.principal);
        return { document: toProtoDocument(found.document), pdf: found.pdf, fileName: found.fileName };
      },
    ),
  };
};
