import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ValidationError } from '@govhall/errors';
import type { catalogueV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { attachment } from './content-disposition';
import { FileParams, ItemFile, UploadHeaders, UploadQuery, binary } from './file.schemas';
import { present } from './item.mapper';
import { CATALOGUE_ADMINS } from './roles';

const tags = ['catalogue'];

/** What the catalogue accepts per file (catalogue_service.proto). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

const fileToRest = (f: catalogueV1.ItemFile): ItemFile => ({
  id: f.id,
  tenant: f.tenant,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  sha256: f.sha256,
});

/**
 * Blank forms and samples. The gateway has no multipart parser, so an upload is the raw file as the body, its
 * media type as content-type and its name in the query. This plugin is encapsulated: its catch-all body parser
 * (every media type, JSON included, as bytes) applies to the upload route only.
 */
const filesRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'catalogue', opts.deadlineMs);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/files',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary: '上传空白表格或示范文本（中心管理员）：请求体即文件内容（不超过 4 MiB），content-type 为文件类型',
        querystring: UploadQuery,
        headers: UploadHeaders,
        response: { 201: ItemFile, ...problems(400, 401, 403, 409, 413) },
      },
    },
    async (request, reply) => {
      const content = request.body;
      if (!Buffer.isBuffer(content) || content.length === 0) {
        throw new ValidationError([{ path: 'body', reason: 'REQUIRED', message: '请上传文件内容' }]);
      }
      const res = await call(
        request,
        'uploadItemFile',
        {
          tenant: request.query.tenant,
          fileName: request.query.fileName,
          contentType: request.headers['content-type'],
          content,
        },
        {
          tenant: 'querystring.tenant',
          fileName: 'querystring.fileName',
          contentType: 'headers.content-type',
          content: 'body',
        },
      );
      const file = fileToRest(present(res.file, 'file'));
      return reply.status(201).header('location', `/api/v1/catalogue/files/${file.id}`).send(file);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '下载空白表格或示范文本（已发布事项引用的文件公开；其他需本级工作人员登录）',
        params: FileParams,
        response: {
          200: binary('application/octet-stream', '文件内容，content-type 为上传时的类型'),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'getItemFile', { id: request.params.id }, { id: 'params.id' });
      const file = present(res.file, 'file');
      return reply
        .type(file.contentType || 'application/octet-stream')
        .header('content-disposition', attachment(file.fileName || file.id))
        .send(res.content);
    },
  );
};

export default filesRoutes;
