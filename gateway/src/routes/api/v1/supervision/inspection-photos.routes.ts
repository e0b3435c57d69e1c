import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ValidationError, type Violation } from '@govhall/errors';
import { problems, safeTextPattern } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { HttpProblem } from '../../../../lib/problem';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { SUPERVISION_READERS, SUPERVISORS } from './roles';
import { PhotoAnswer, PhotoParams, PhotoUploadQuery } from './violation.schemas';

const tags = ['supervision'];
/** violation_service.proto: JPEG or PNG, at most 5 MiB (the service checks the content). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const FILE_NAME = new RegExp(safeTextPattern(1), 'u');
const FILE_NAME_MAX = 120;

interface Photo {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** The one file part `photo` of the body, read whole; anything else refused before the service is called. */
async function readPhoto(request: FastifyRequest): Promise<Photo> {
  if (!request.isMultipart()) {
    throw new HttpProblem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '请以 multipart/form-data 上传照片（文件部分的名称为 photo）',
      [{ path: 'headers.content-type', message: '应为 multipart/form-data', reason: 'UNSUPPORTED_MEDIA_TYPE' }],
    );
  }
  const violations: Violation[] = [];
  let photo: Photo | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'photo') {
        if (part.type === 'file') await part.toBuffer();
        violations.push({
          path: part.fieldname,
          message: '不允许的字段：只能上传一张照片（名称为 photo）',
          reason: 'ADDITIONAL_PROPERTIES',
        });
        continue;
      }
      const content = await part.toBuffer();
      if (photo) {
        violations.push({ path: 'photo', message: '一次只能上传一张照片', reason: 'MAX_ITEMS' });
        continue;
      }
      photo = { fileName: part.filename, contentType: part.mimetype, content };
      if (content.length === 0) violations.push({ path: 'photo', message: '照片内容为空', reason: 'REQUIRED' });
      if (!part.filename) {
        violations.push({ path: 'photo.fileName', message: '缺少文件名', reason: 'REQUIRED' });
      } else if ([...part.filename].length > FILE_NAME_MAX || !FILE_NAME.test(part.filename)) {
        violations.push({
          path: 'photo.fileName',
          message: `文件名应为1至${FILE_NAME_MAX}个字符，不能包含控制字符或不可见字符`,
          reason: 'PATTERN',
        });
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpProblem(413, 'FILE_TOO_LARGE', '照片不能超过 5 MiB', [
        { path: 'photo', message: '照片超过 5 MiB', reason: 'MAX_SIZE' },
      ]);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new HttpProblem(413, 'TOO_MANY_FILES', '一次只能上传一张照片', [
        { path: 'photo', message: '一次只能上传一张照片', reason: 'MAX_ITEMS' },
      ]);
    }
    throw e;
  }
  if (!photo && violations.length === 0) {
    violations.push({ path: 'photo', message: '请上传一张照片（JPEG 或 PNG）', reason: 'REQUIRED' });
  }
  if (violations.length > 0) throw new ValidationError(violations);
  return photo!;
}

/**
 * Inspection photos: uploaded before the inspection is recorded (multipart, one `photo` part), downloaded as
 * stored. Encapsulated: its multipart parser applies to these routes alone.
 */
const inspectionPhotosRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'violations', opts.deadlineMs);
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: { fileSize: MAX_PHOTO_BYTES, files: 2, fields: 2, parts: 4, fieldNameSize: 100, headerPairs: 20 },
  });
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const compile = partAwareValidators()({}, {});

  app.post(
    '/inspection-photos',
    {
      config: { auth: { roles: SUPERVISORS } },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
      schema: {
        tags,
        summary: '上传一张日检查现场照片（multipart/form-data，部分名称 photo，JPEG 或 PNG，不超过 5 MiB）',
        consumes: ['multipart/form-data'],
        querystring: PhotoUploadQuery,
        body: Type.Object({ photo: Type.String({ format: 'binary', description: '照片（JPEG 或 PNG）' }) }),
        response: { 201: PhotoAnswer, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const photo = await readPhoto(request);
      const res = await call(
        request,
        'uploadInspectionPhoto',
        { tenant: request.query.tenant ?? '', ...photo },
        { tenant: 'querystring.tenant', fileName: 'photo.fileName', contentType: 'photo', content: 'photo' },
      );
      return reply.code(201).send({ fileId: res.fileId });
    },
  );

  app.get(
    '/inspection-photos/:fileId',
    {
      config: { auth: { roles: SUPERVISION_READERS } },
      schema: {
        tags,
        summary: '下载日检查照片',
        params: PhotoParams,
        response: {
          200: { ...binary('image/jpeg', '照片（JPEG 或 PNG，见 content-type）') },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'getInspectionPhoto',
        { fileId: request.params.fileId },
        { fileId: 'params.fileId' },
      );
      return reply
        .type(res.contentType || 'application/octet-stream')
        .header('content-disposition', attachment(res.fileName || request.params.fileId))
        .send(res.content);
    },
  );
};

export default inspectionPhotosRoutes;
