import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import { getCaseDocumentUseCase } from '../../usecases/get-case-document/get-case-document.usecase';
import { getCaseUseCase } from '../../usecases/get-case/get-case.usecase';
import type { HandlerGroup } from './handler-group';
import { toProtoCase, toProtoDocument } from './case.mapper';

/** Reads of one case and its documents. */
export const readHandlers: HandlerGroup<'getCase' | 'getCaseDocument'> = (server: GrpcServer, core: CaseCore) => {
  const getCase = getCaseUseCase(core);
  const getDocument = getCaseDocumentUseCase(core);
  return {
    getCaseDocument: server.unary<applicationsV1.GetCaseDocumentRequest, applicationsV1.GetCaseDocumentResponse>(
      'GetCaseDocument',
      async (req, ctx) => {
        const { document, pdf, fileName } = await getDocument(
          { caseId: req.caseId, documentId: req.documentId },
          ctx.principal,
        );
        return { document: toProtoDocument(document), pdf, fileName };
      },
    ),
    getCase: server.unary<applicationsV1.GetCaseRequest, applicationsV1.GetCaseResponse>(
      'GetCase',
      async (req, ctx) => ({
        case: toProtoCase(await getCase(req.id, ctx.principal)),
      }),
    ),
  };
};
