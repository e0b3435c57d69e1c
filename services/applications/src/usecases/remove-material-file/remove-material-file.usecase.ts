import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { ensureStatus } from '../../domain/case-status';
import { APPLICANT_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { EDITABLE, applicantActor } from '../declaration.shared';
import { materialNotFound } from '../upload-material/upload-material.usecase';

export interface RemoveMaterialFileCommand {
  id: string;
  expectedVersion: number;
  materialId: string;
  fileId: string;
}

/** Takes a file off a material (it stays stored, unreferenced); "upload complete" must be said again. */
export function removeMaterialFileUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'clock'>) {
  return async (command: RemoveMaterialFileCommand, actor: Principal): Promise<Case> => {
    const c = await loadForAct(deps, command, actor, APPLICANT_ACTS);
    ensureStatus(c, EDITABLE, '删除材料文件');
    const material = c.materials.find((m) => m.materialId === command.materialId);
    if (!material) throw materialNotFound(command.materialId);
    const file = material.files.find((f) => f.id === command.fileId);
    if (!file) throw new NotFoundError('FILE_NOT_FOUND', '该材料中没有这个文件');
    const materials = c.materials.map((m) =>
      m === material ? { ...m, files: m.files.filter((f) => f.id !== command.fileId) } : m,
    );
    const { case: next } = transition(c, {
      action: `删除材料“${material.name}”的文件“${file.fileName}”`,
      actor: applicantActor(actor),
      at: deps.clock.now(),
      changes: { materials, uploadComplete: false },
    });
    return deps.cases.save(next, c.version, [], actor);
  };
}
