import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { sniffFileType, extensionOf } from '@govhall/content';
import { NotFoundError, ValidationError, type Violation } from '@govhall/errors';
import { checkText, normalizeText } from '@govhall/identifiers';
import type { Case, CaseFile } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { idViolations, requireVisibleCase, throwIfInvalid } from '../case.policies';
import type { DeclarationDeps } from '../declaration.ports';
import { materialEditor } from '../material-editor';
import type { Caller, WindowDirectory } from '../window.ports';

export interface UploadMaterialCommand {
  id: string;
  materialId: string;
  fileName: string;
  content: Buffer;
}

/** One stored file of a material: at most 4 MiB (a gRPC message carries it whole; collection case_files). */
export const MAX_CASE_FILE_BYTES = 4 * 1024 * 1024;
const MAX_FILES_PER_MATERIAL = 20;
const PATH_SEPARATORS = /[\\/]/;

export const materialNotFound = (id: string) =>
  new NotFoundError('MATERIAL_NOT_FOUND', `本事项没有编号为“${id}”的申请材料`);

/**
 * Adds one file to a material (a batch is several calls) while the applicant may edit, or scanned by the clerk at
 * the counter's pre-review (`materialEditor`): the material must be one of
 * the edition's; the type is sniffed from the content and must be one of the material's formats, with a name of
 * that type; the size within the material's limit (and 4 MiB). Changing the files after "upload complete" clears it.
 * The content is stored before the case records it (a crash between leaves an unreferenced file, never a case
 * pointing at nothing).
 */
export function uploadMaterialUseCase(
  deps: Pick<DeclarationDeps, 'cases' | 'authorizer' | 'editions' | 'files' | 'clock' | 'ids'> & {
    windows: WindowDirectory;
  },
) {
  return async (
    command: UploadMaterialCommand,
    actor: Principal,
    caller: Caller = {},
  ): Promise<{ case: Case; file: CaseFile }> => {
    const name = checkText(command.fileName, { label: '文件名', min: 1, max: 120 });
    const shape: Violation[] = [...idViolations(command.id)];
    if (!name.ok) shape.push({ path: 'fileName', ...name.violation });
    else if (PATH_SEPARATORS.test(name.value)) {
      shape.push({ path: 'fileName', reason: 'PATTERN', message: '文件名不能包含“/”或“\\”' });
    }
    if (command.content.length === 0) {
      shape.push({ path: 'content', reason: 'REQUIRED', message: '文件内容为空，请重新选择文件' });
    }
    throwIfInvalid(shape);

    const c = await requireVisibleCase(deps, command.id, actor);
    const editor = await materialEditor(deps, c, actor, caller, '上传材料');
    const index = c.materials.findIndex((m) => m.materialId === command.materialId);
    const edition = await deps.editions.get(c.itemId);
    const spec = edition?.materials.find((m) => m.id === command.materialId);
    if (index < 0 || !spec) throw materialNotFound(command.materialId);
    const material = c.materials[index]!;

    const v: Violation[] = [];
    const fileName = normalizeText(command.fileName);
    const sniffed = sniffFileType(command.content);
    const formats = spec.formats.map((f) => f.toLowerCase());
    const allowed = formats.length > 0 ? formats.join('、') : '（本材料无需上传电子件）';
    if (!sniffed || !sniffed.type.extensions.some((e) => formats.includes(e))) {
      v.push({
        path: 'content',
        reason: 'FILE_TYPE',
        message: `文件内容${sniffed ? `为${sniffed.type.label}格式` : '不是可识别的文档或图片'}，“${spec.name}”只接受以下格式：${allowed}`,
      });
    } else if (!sniffed.type.extensions.includes(extensionOf(fileName))) {
      const expected = sniffed.type.extensions.map((e) => `.${e}`).join('或');
      v.push({ path: 'fileName', reason: 'EXTENSION', message: `${sniffed.type.label}文件的扩展名应为${expected}` });
    }
    const limit = Math.min(spec.maxSizeKb > 0 ? spec.maxSizeKb * 1024 : MAX_CASE_FILE_BYTES, MAX_CASE_FILE_BYTES);
    if (command.content.length > limit) {
      const shown =
        limit >= 1024 * 1024
          ? `${(limit / 1024 / 1024).toFixed(limit % (1024 * 1024) ? 1 : 0)}MB`
          : `${limit / 1024}KB`;
      v.push({
        path: 'content',
        reason: 'TOO_LARGE',
        message: `“${spec.name}”的单个文件不能超过${shown}，请压缩后重新上传`,
      });
    }
    if (material.files.length >= MAX_FILES_PER_MATERIAL) {
      v.push({ path: 'materialId', reason: 'TOO_MANY', message: `每项材料最多上传${MAX_FILES_PER_MATERIAL}个文件` });
    }
    if (v.length > 0) throw new ValidationError(v);

    const at = deps.clock.now();
    const file: CaseFile = {
      id: deps.ids.newId(),
      fileName,
      contentType: sniffed!.contentType,
      size: command.content.length,
      sha256: createHash('sha256').update(command.content).digest('hex'),
      uploadedAt: at,
    };
    await deps.files.put(c.id, file, command.content);
    const materials = c.materials.map((m, i) => (i === index ? { ...m, files: [...m.files, file] } : m));
    const { case: next } = transition(c, {
      action: editor.atCounter ? `窗口扫描材料“${spec.name}”` : `上传材料“${spec.name}”`,
      actor: editor.actor,
      at,
      changes: editor.atCounter ? { materials } : { materials, uploadComplete: false },
    });
    return { case: await deps.cases.save(next, c.version, [], actor), file };
  };
}
