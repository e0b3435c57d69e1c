import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { readSingleFile, registerSingleFileParser, type SingleFileSpec } from '../../../../lib/single-file-upload';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { SUPERVISION_READERS, SUPERVISORS } from './roles';
import { PhotoAnswer, PhotoParams, PhotoUploadQuery } from './violation.schemas';

const tags = ['supervision'];
/** violation_service.proto: JPEG or PNG, at most 5 MiB (the service checks the content). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO: SingleFileSpec = {
  part: 'photo',
  noun: '照片',
  measure: '张',
  types: 'JPEG 或 PNG',
  maxBytes: MAX_PHOTO_BYTES,
  sizeText: '5 MiB',
  maxNameLength: 120,
};

/**
 * Inspection photos: uploaded before the inspection is recorded (multipart, one `photo` part), downloaded as
 * stored. Encapsulated: its multipart parser applies to these routes alone.
 */
const inspectionPhotosRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'violations', opts.deadlineMs);
  await registerSingleFileParser(app, PHOTO);
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
      const photo = await readSingleFile(request, PHOTO);
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
