import { decide, STAFF_ROLES, type Principal } from '@govhall/auth';
import { NotFoundError, ValidationError } from '@govhall/errors';
import type { ItemFile, ItemFileRepository, PublishedItems } from '../public.ports';

const ID = /^[0-9a-f-]{36}$/;

/**
 * Downloads a blank form or sample. Anyone (anonymous included) once a published or superseded item of the file's
 * tenant names it; before that only staff of the tenant (and supervising staff above it). Anyone else gets 404,
 * so unpublished files cannot be probed.
 */
export function getItemFileUseCase(deps: { files: ItemFileRepository; published: PublishedItems }) {
  return async (id: string, actor: Principal): Promise<{ file: ItemFile; content: Buffer }> => {
    if (!ID.test(id)) throw new ValidationError([{ path: 'id', reason: 'PATTERN', message: '文件标识格式不正确' }]);
    const found = await deps.files.findById(id);
    if (found) {
      const { tenant } = found.file;
      const staff = decide(actor, 'read', { type: 'item_file', id, tenant }, { roles: STAFF_ROLES }).allowed;
      if (staff || (await deps.published.isFileReferenced(tenant, id))) return found;
    }
    throw new NotFoundError('ITEM_FILE_NOT_FOUND', '未找到该文件');
  };
}
