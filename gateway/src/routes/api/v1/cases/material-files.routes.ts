import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ValidationError, type Violation } from '@govhall/errors';
import type { applicationsV1 } from '@govhall/proto';
import { problems, safeTextPattern } from '../../../../lib/common.schemas';
import { HttpProblem } from '../../../../lib/problem';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { tags } from './case-action';
import { MaterialParams, UploadAnswer, UploadFilesBody } from './case.schemas';
import { caseToRest, fileToRest, present } from './case.mapper';
import { casesCall } from './cases-call';
import { UPLOADERS } from './roles';

/** Files one request may carry (a batch); each is one UploadMaterial call. */
export const MAX_FILES_PER_BATCH = 10;
/** A file name as the catalogue's uploads take it: 1–120 characters of the shared text rule. */
const FILE_NAME = new RegExp(safeTextPattern(1), 'u');
const FILE_NAME_MAX = 120;

interface Upload {
  fileName: string;
  content: Buffer;
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/**
 * Reads every part of the multipart body before anything is sent on: a batch with a bad part (a field that is not a
 * file, a file without a name, an empty or too large file, too many files) is refused whole, and the service is not
 * called. Files must come in parts named `files`.
 */
async function readBatch(request: FastifyRequest, maxFileBytes: number): Promise<Upload[]> {
  if (!request.isMultipart()) {
    throw new HttpProblem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '请以 multipart/form-data 上传文件（文件部分的名称为 files）',
      [{ path: 'headers.content-type', message: '应为 multipart/form-data', reason: 'UNSUPPORTED_MEDIA_TYPE' }],
    );
  }
  const uploads: Upload[] = [];
  const violations: Violation[] = [];
  try {
    for await (const part of request.parts()) {
      const index = uploads.length;
      if (part.type !== 'file') {
        violations.push({
          path: part.fieldname,
          message: '不允许的字段：只能上传文件（名称为 files）',
          reason: 'ADDITIONAL_PROPERTIES',
        });
        continue;
      }
      const content = await part.toBuffer();
      const path = `files.${index}`;
      uploads.push({ fileName: part.filename, content });
      if (part.fieldname !== 'files') {
        violations.push({ path: part.fieldname, message: '文件部分的名称应为 files', reason: 'ADDITIONAL_PROPERTIES' });
      }
      if (content.length === 0) violations.push({ path, message: '文件内容为空', reason: 'REQUIRED' });
      if (!part.filename) {
        violations.push({ path: `${path}.fileName`, message: '缺少文件名', reason: 'REQUIRED' });
      } else if ([...part.filename].length > FILE_NAME_MAX || !FILE_NAME.test(part.filename)) {
        violations.push({
          path: `${path}.fileName`,
          message: `文件名应为1至${FILE_NAME_MAX}个字符，不能包含控制字符或不可见字符`,
          reason: 'PATTERN',
        });
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpProblem(413, 'FILE_TOO_LARGE', `单个文件不能超过 ${mib(maxFileBytes)}`, [
        { path: `files.${uploads.length}`, message: `文件超过 ${mib(maxFileBytes)}`, reason: 'MAX_SIZE' },
      ]);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new HttpProblem(413, 'TOO_MANY_FILES', `一次最多上传 ${MAX_FILES_PER_BATCH} 个文件`, [
        { path: 'files', message: `最多 ${MAX_FILES_PER_BATCH} 个文件`, reason: 'MAX_ITEMS' },
      ]);
    }
    throw e;
  }
  if (uploads.length === 0 && violations.length === 0) {
    violations.push({ path: 'files', message: '请至少上传一个文件', reason: 'REQUIRED' });
  }
  if (violations.length > 0) throw new ValidationError(violations);
  return uploads;
}

/**
 * Material files as multipart/form-data: one request is a batch, each file one UploadMaterial call, in order. This
 * plugin is encapsulated: its multipart parser (and the refusal of every other media type) applies to it alone.
 */
const materialFilesRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number; maxFileBytes: number }> = async (
  app,
  opts,
) => {
  const call = casesCall(app, opts.deadlineMs);
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: {
      fileSize: opts.maxFileBytes,
      files: MAX_FILES_PER_BATCH,
      fields: MAX_FILES_PER_BATCH,
      parts: 2 * MAX_FILES_PER_BATCH,
      fieldNameSize: 100,
      headerPairs: 20,
    },
  });
  // Anything else is answered by readBatch (415 naming multipart), not by the JSON parser's message.
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  // The body schema only documents the form; the parts are read from the stream and checked by readBatch.
  const compile = partAwareValidators()({}, {});

  app.post(
    '/:id/materials/:materialId/files',
    {
      config: { auth: { roles: UPLOADERS } },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
      schema: {
        tags,
        summary:
          `上传材料（一批一个或多个文件，multipart/form-data，部分名称 files，每个不超过配置的大小，一次最多 ` +
          `${MAX_FILES_PER_BATCH} 个）：按顺序逐个保存，类型按内容识别；遇到被拒绝的文件即停止，之前的文件已保存`,
        consumes: ['multipart/form-data'],
        params: MaterialParams,
        body: UploadFilesBody,
        response: { 200: UploadAnswer, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id, materialId } = request.params;
      const batch = await readBatch(request, opts.maxFileBytes);
      const stored: applicationsV1.CaseFile[] = [];
      let latest: applicationsV1.Case | undefined;
      for (const [index, upload] of batch.entries()) {
        const res = await call(
          request,
          'uploadMaterial',
          { id, materialId, fileName: upload.fileName, content: upload.content },
          {
            id: 'params.id',
            materialId: 'params.materialId',
            fileName: `files.${index}.fileName`,
            content: `files.${index}`,
          },
        );
        stored.push(present(res.file, 'file'));
        latest = present(res.case, 'case');
      }
      return { files: stored.map(fileToRest), case: caseToRest(latest!) };
    },
  );
};

export default materialFilesRoutes;
