import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { CaseFile } from '../../domain/case';
import { idViolations, requireVisibleCase, throwIfInvalid } from '../case.policies';
import type { DeclarationDeps } from '../declaration.ports';

/** A material's file, to whoever may read the case; a file the case does not list is FILE_NOT_FOUND. */
export function getCaseFileUseCase(deps: Pick<DeclarationDeps, 'cases' | 'authorizer' | 'files'>) {
  return async (
    command: { caseId: string; fileId: string },
    actor: Principal,
  ): Promise<{ file: CaseFile; content: Buffer }> => {
    throwIfInvalid([...idViolations(command.caseId, 'caseId'), ...idViolations(command.fileId, 'fileId')]);
    const c = await requireVisibleCase(deps, command.caseId, actor);
    const listed = c.materials.some((m) => m.files.some((f) => f.id === command.fileId));
    const stored = listed ? await deps.files.get(c.id, command.fileId) : null;
    if (!stored) throw new NotFoundError('FILE_NOT_FOUND', '未找到该材料文件');
    return stored;
  };
}
