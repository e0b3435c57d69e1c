import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { checkText, normalizeText } from '@govhall/identifiers';
import type { ItemFile, PublicDeps } from '../public.ports';
import { extensionOf, FILE_TYPES, normalizeContentType } from '@govhall/content';

export interface UploadItemFileInput {
  tenant: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;
/** No path separators: the name is shown and offered as a download name (control characters: checkText). */
const PATH_SEPARATORS = /[\\/]/;

function check(input: UploadItemFileInput): Violation[] {
  const v: Violation[] = [];
  if (!REGION_CODE.test(input.tenant)) {
    v.push({ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' });
  }
  const name = checkText(input.fileName, { label: '文件名', min: 1, max: 120 });
  const fileName = name.ok ? name.value : '';
  const type = FILE_TYPES[normalizeContentType(input.contentType)];
  if (!name.ok) {
    v.push({ path: 'fileName', ...name.violation });
  } else if (PATH_SEPARATORS.test(fileName)) {
    v.push({ path: 'fileName', reason: 'PATTERN', message: '文件名不能包含“/”或“\\”' });
  } else if (type && !type.extensions.includes(extensionOf(fileName))) {
    const expected = type.extensions.map((e) => `.${e}`).join('或');
    v.push({ path: 'fileName', reason: 'EXTENSION', message: `${type.label}文件的扩展名应为${expected}` });
  }
  if (!type) {
    const labels = Object.values(FILE_TYPES)
      .map((t) => t.label)
      .join('、');
    v.push({ path: 'contentType', reason: 'ENUM', message: `只能上传以下类型的文件：${labels}` });
  }
  if (input.content.length === 0) {
    v.push({ path: 'content', reason: 'REQUIRED', message: '文件内容为空，请重新选择文件' });
  } else if (input.content.length > MAX_FILE_BYTES) {
    v.push({ path: 'content', reason: 'TOO_LARGE', message: '文件不能超过4MB，请压缩后重新上传' });
  } else if (type && !type.matches(input.content)) {
    v.push({
      path: 'content',
      reason: 'TYPE_MISMATCH',
      message: `文件内容不是${type.label}格式，请检查文件后重新上传`,
    });
  }
  return v;
}

/**
 * Stores a blank form or sample file of a tenant's items (center_admin of that tenant). A retried upload of the
 * same content under the same name and type returns the file stored the first time.
 */
export function uploadItemFileUseCase(
  deps: Pick<PublicDeps, 'files' | 'authorizer' | 'clock' | 'ids' | 'hostedTenants'>,
) {
  return async (input: UploadItemFileInput, actor: Principal): Promise<ItemFile> => {
    const violations = check(input);
    if (violations.length) throw new ValidationError(violations);
    deps.authorizer.ensure(actor, 'write', { type: 'item_file', tenant: input.tenant }, { roles: ['center_admin'] });
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(input.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${input.tenant}，请到其所属平台办理`);
    }

    const file: ItemFile = {
      id: deps.ids.newId(),
      tenant: input.tenant,
      fileName: normalizeText(input.fileName),
      contentType: normalizeContentType(input.contentType),
      size: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      createdAt: deps.clock.now(),
      createdBy: actor.subject,
    };
    return (await deps.files.insert(file, input.content)).file;
  };
}
