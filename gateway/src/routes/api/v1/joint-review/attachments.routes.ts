import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { readSingleFile, registerSingleFileParser, type SingleFileSpec } from '../../../../lib/single-file-upload';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { attachmentToRest } from './joint-review.mapper';
import { AttachmentAnswer } from './joint-review.schemas';
import { UPLOADERS } from './roles';

const tags = ['joint-review'];
/** joint_review_service.proto UploadAttachment: a name of at most 200 characters, at most 20 MiB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const FILE: SingleFileSpec = {
  part: 'file',
  noun: '附件',
  measure: '个',
  types: 'PDF、OFD、JPEG 或 PNG',
  maxBytes: MAX_ATTACHMENT_BYTES,
  sizeText: '20 MiB',
  maxNameLength: 200,
};

/**
 * Attachments of joint-review acts (an opinion, a conclusion): uploaded first (multipart, one `file` part), then
 * named by id in the act (`attachmentIds`); only the uploader may use one, once. Downloaded through the review's
 * files (/reviews/{id}/files/{fileId}). Encapsulated: its multipart parser applies to this route alone.
 */
const attachmentsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'jointReview', opts.deadlineMs);
  await registerSingleFileParser(app, FILE);
  const compile = partAwareValidators()({}, {});

  app.post(
    '/attachments',
    {
      config: { auth: { roles: UPLOADERS } },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
      schema: {
        tags,
        summary:
          '上传联审附件（multipart/form-data，部分名称 file，PDF、OFD、JPEG 或 PNG，不超过 20 MiB）；出具意见或结论时以 attachmentIds 引用，仅上传人可用一次',
        consumes: ['multipart/form-data'],
        body: Type.Object({
          file: Type.String({ format: 'binary', description: '附件（PDF、OFD、JPEG 或 PNG，按内容识别）' }),
        }),
        response: { 201: AttachmentAnswer, ...problems(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const file = await readSingleFile(request, FILE);
      const res = await call(
        request,
        'uploadAttachment',
        { fileName: file.fileName, content: file.content },
        { fileName: 'file.fileName', content: 'file' },
      );
      if (!res.attachment) throw new Error('joint-review answered the upload without the attachment');
      return reply.code(201).send({ attachment: attachmentToRest(res.attachment) });
    },
  );
};

export default attachmentsRoutes;
