import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ValidationError } from '@govhall/errors';
import { violationsFromAjv } from '../../../../lib/ajv-violations';
import { problems, UUID } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { refuseShadowedMethods } from '../../../../lib/shadowed-paths';
import { readFileWithFields, registerSingleFileParser, type SingleFileSpec } from '../../../../lib/single-file-upload';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { MAX_FILE_BYTES } from '../ratings/ratings.enums';
import { attachmentToRest } from './complaints.rest';
import { AttachmentAnswer, AttachmentFields } from './complaints.schemas';

const tags = ['complaints'];
/** complaint_service.proto UploadComplaintAttachment: JPEG, PNG or PDF, at most 10 MiB, a name of 1-120 characters. */
const FILE: SingleFileSpec = {
  part: 'file',
  noun: '投诉附件',
  measure: '个',
  types: 'JPEG、PNG 或 PDF',
  maxBytes: MAX_FILE_BYTES,
  sizeText: '10 MiB',
  maxNameLength: 120,
  fields: ['tenant'],
};

const AttachmentParams = Type.Object(
  {
    id: Type.String({ pattern: UUID, description: '投诉标识' }),
    attachmentId: Type.String({ pattern: UUID, description: '附件标识' }),
  },
  { additionalProperties: false },
);

/**
 * A complaint's photos and letters: uploaded first by the signed-in filer (multipart: the `file` part and the text
 * part `tenant`), named in the filing's `attachmentIds`; downloaded by the complainant, the member of staff who
 * entered it, the handling office and supervisors. The complaints service owns every rule (the type by content, whose, once, who reads). Encapsulated: its
 * multipart parser applies to the upload alone.
 */
const complaintAttachmentRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'complaints', opts.deadlineMs);
  // GET /attachments would be taken for a complaint's id (GET /{id}) and answered 400: 405 instead.
  refuseShadowedMethods(app, '/attachments', ['GET'], 'POST');
  const compile = partAwareValidators()({}, {});
  const uploadFields = compile({
    schema: AttachmentFields,
    method: 'POST',
    url: '/attachments',
    httpPart: 'querystring',
  });

  await app.register(async (upload) => {
    await registerSingleFileParser(upload, FILE);
    upload.post(
      '/attachments',
      {
        config: { auth: 'token' },
        validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
        schema: {
          tags,
          summary:
            '上传投诉附件（照片、信件；multipart/form-data：文件部分 file（JPEG、PNG 或 PDF，不超过 10 MiB），' +
            '文本部分 tenant）；提交投诉时以 attachmentIds 引用，仅上传人本人可用一次',
          consumes: ['multipart/form-data'],
          body: Type.Object({
            file: Type.String({ format: 'binary', description: '附件（JPEG、PNG 或 PDF，按内容识别）' }),
            tenant: Type.String({ description: '投诉的地区（6位行政区划代码）' }),
          }),
          response: { 201: AttachmentAnswer, ...problems(400, 401, 403, 413, 415, 503) },
        },
      },
      async (request, reply) => {
        const { file, fields } = await readFileWithFields(request, FILE);
        const values: Record<string, unknown> = { ...fields };
        if (!uploadFields(values)) throw new ValidationError(violationsFromAjv(uploadFields.errors ?? [], 'body'));
        const res = await call(
          request,
          'uploadComplaintAttachment',
          { tenant: fields.tenant!, fileName: file.fileName, content: Buffer.from(file.content) },
          { fileName: 'file.fileName', content: 'file' },
        );
        if (!res.attachment) throw new Error('complaints answered the upload without the attachment');
        return reply.code(201).send({ attachment: attachmentToRest(res.attachment) });
      },
    );
  });

  app.get(
    '/:id/attachments/:attachmentId',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '下载投诉附件（投诉人、登记投诉的首问责任人、受理部门和监察人员）',
        params: AttachmentParams,
        response: {
          200: { ...binary('image/jpeg', '附件（JPEG、PNG 或 PDF，见 content-type）') },
          ...problems(400, 401, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'getComplaintAttachment',
        { complaintId: request.params.id, attachmentId: request.params.attachmentId },
        { complaintId: 'params.id', attachmentId: 'params.attachmentId' },
      );
      const a = res.attachment;
      if (!a) throw new Error('complaints answered the download without the attachment');
      return reply
        .type(a.contentType || 'application/octet-stream')
        .header('content-disposition', attachment(a.fileName))
        .send(Buffer.from(res.content));
    },
  );
};

export default complaintAttachmentRoutes;
