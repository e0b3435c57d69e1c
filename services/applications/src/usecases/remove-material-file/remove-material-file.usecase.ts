import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { READ_CASE, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { materialEditor } from '../material-editor';
import type { Caller, WindowDirectory } from '../window.ports';
import { materialNotFound } from '../upload-material/upload-material.usecase';

export interface RemoveMaterialFileCommand {
  id: string;
  expectedVersion: number;
  materialId: string;
  fileId: string;
}

/**
 * Takes a file off a material (it stays stored, unreferenced), by whoever may change its files (`materialEditor`);
 * after the applicant's change "upload complete" must be said again.
 */
export function removeMaterialFileUseCase(
  deps: Pick<CaseCore, 'cases' | 'authorizer' | 'clock'> & { windows: WindowDirectory },
) {
  return async (command: RemoveMaterialFileCommand, actor: Principal, caller: Caller = {}): Promise<Case> => {
    const c = await loadForAct(deps, command, actor, READ_CASE);
    const editor = await materialEditor(deps, c, actor, caller, '删除材料文件');
    const material = c.materials.find((m) => m.materialId === command.materialId);
    if (!material) throw materialNotFound(command.materialId);
    const file = material.files.find((f) => f.id === command.fileId);
    if (!file) throw new NotFoundError('FILE_NOT_FOUND', '该材料中没有这个文件');
    const materials = c.materials.map((m) =>
      m === material ? { ...m, files: m.files.filter((f) => f.id !== command.fileId) } : m,
    );
    const { case: next } = transition(c, {
      action: `删除材料“${material.name}”的文件“${file.fileName}”`,
      actor: editor.actor,
      at: deps.clock.now(),
      changes: editor.atCounter ? { materials } : { materials, uploadComplete: false },
    });
    return deps.cases.save(next, c.version, [], actor);
  };
}
