import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { CaseDocument } from '../../domain/case';
import { idViolations, requireVisibleCase, throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';

/**
 * A document of the case (acceptance notice, one-time notice, decision, licence, application copy …) as its PDF, to
 * whoever may read the case (READ_CASE; anyone else CASE_NOT_FOUND); a document the case does not list is
 * DOCUMENT_NOT_FOUND.
 */
export function getCaseDocumentUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'documents'>) {
  return async (
    command: { caseId: string; documentId: string },
    actor: Principal,
  ): Promise<{ document: CaseDocument; pdf: Buffer; fileName: string }> => {
    throwIfInvalid([...idViolations(command.caseId, 'caseId'), ...idViolations(command.documentId, 'documentId')]);
    const c = await requireVisibleCase(deps, command.caseId, actor);
    const listed = c.documents.some((d) => d.id === command.documentId);
    const stored = listed ? await deps.documents.get(c.id, command.documentId) : null;
    if (!stored) throw new NotFoundError('DOCUMENT_NOT_FOUND', '未找到该文书');
    return stored;
  };
}
