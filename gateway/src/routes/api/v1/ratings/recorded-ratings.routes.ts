import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ValidationError } from '@govhall/errors';
import { complaintsV1 } from '@govhall/proto';
import { violationsFromAjv } from '../../../../lib/ajv-violations';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { readFileWithFields, registerSingleFileParser, type SingleFileSpec } from '../../../../lib/single-file-upload';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { MAX_FILE_BYTES, RATING_READERS } from './ratings.enums';
import { ratingToRest } from './ratings.routes';
import { FollowUpBody, RatingAnswer, RatingParams, SlipFields } from './ratings.schemas';

const tags = ['ratings'];
/** Who enters ratings from other channels (the complaints service's rule, C4). */
const RECORDERS = ['center_admin', 'supervisor', 'complaint_handler'] as const;
const SCAN: SingleFileSpec = {
  part: 'scan',
  noun: '意见卡扫描件',
  measure: '份',
  types: 'PDF、JPEG 或 PNG',
  maxBytes: MAX_FILE_BYTES,
  sizeText: '10 MiB',
  maxNameLength: 120,
  fields: ['caseNumber', 'level', 'reason'],
};

/** The RecordRating request of a case named by its number. */
const recordRequest = (
  channel: complaintsV1.RatingChannel,
  f: { caseNumber: string; level: number; reason?: string },
  scan: Buffer = Buffer.alloc(0),
): complaintsV1.RecordRatingRequest => ({
  caseId: '',
  caseNumber: f.caseNumber,
  channel,
  level: f.level,
  reason: f.reason ?? '',
  scan,
});

/**
 * C4: ratings staff enter for a completed case (named by its 办件编号): a telephone follow-up (JSON) and a
 * suggestion-box slip with its scan (multipart: the `scan` file part and the text parts caseNumber, level, reason);
 * the slip's scan read back. Encapsulated: its multipart parser applies to these routes alone. The complaints service
 * owns every rule (who, which case, once, the reason of a bad rating, the scan's type).
 */
const recordedRatingRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'ratings', opts.deadlineMs);
  const compile = partAwareValidators()({}, {});
  const slipFields = compile({ schema: SlipFields, method: 'POST', url: '/slips', httpPart: 'querystring' });

  app.post(
    '/follow-ups',
    {
      config: { auth: { roles: RECORDERS } },
      schema: {
        tags,
        summary: '录入电话回访评价（C4：实名，作为该办件唯一的评价；不满意须说明理由）',
        body: FollowUpBody,
        response: { 201: RatingAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'recordRating',
        recordRequest(complaintsV1.RatingChannel.RATING_CHANNEL_PHONE_FOLLOWUP, request.body),
        { caseId: 'caseNumber' },
      );
      return reply.code(201).send({ rating: ratingToRest(res.rating) });
    },
  );

  await app.register(async (upload) => {
    await registerSingleFileParser(upload, SCAN);
    upload.post(
      '/slips',
      {
        config: { auth: { roles: RECORDERS } },
        validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
        schema: {
          tags,
          summary:
            '录入意见箱评价（C4：匿名，附意见卡扫描件；multipart/form-data：文件部分 scan（PDF、JPEG 或 PNG，' +
            '不超过 10 MiB），文本部分 caseNumber、level、reason）',
          consumes: ['multipart/form-data'],
          body: Type.Object({
            scan: Type.String({ format: 'binary', description: '意见卡扫描件（PDF、JPEG 或 PNG）' }),
            caseNumber: Type.String({ description: '办件编号' }),
            level: Type.Integer({ minimum: 1, maximum: 5, description: '评价等级 1至5' }),
            reason: Type.Optional(Type.String({ description: '评价理由；不满意和非常不满意必填' })),
          }),
          response: { 201: RatingAnswer, ...problems(400, 401, 403, 404, 409, 413, 415, 503) },
        },
      },
      async (request, reply) => {
        const { file, fields } = await readFileWithFields(request, SCAN);
        // The text parts arrive as text: coerced and checked as a querystring would be (level "2" is 2).
        const values: Record<string, unknown> = { ...fields };
        if (!slipFields(values)) throw new ValidationError(violationsFromAjv(slipFields.errors ?? [], 'body'));
        const checked = values as { caseNumber: string; level: number; reason?: string };
        const res = await call(
          request,
          'recordRating',
          recordRequest(complaintsV1.RatingChannel.RATING_CHANNEL_SUGGESTION_BOX, checked, Buffer.from(file.content)),
          { caseId: 'caseNumber' },
        );
        return reply.code(201).send({ rating: ratingToRest(res.rating) });
      },
    );
  });

  app.get(
    '/:ratingId/scan',
    {
      config: { auth: { roles: RATING_READERS } },
      schema: {
        tags,
        summary: '意见箱评价的意见卡扫描件（可查看该评价的人员）',
        params: RatingParams,
        response: {
          200: { ...binary('application/pdf', '扫描件（PDF、JPEG 或 PNG，见 content-type）') },
          ...problems(400, 401, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'getRatingScan',
        { ratingId: request.params.ratingId },
        { ratingId: 'params.ratingId' },
      );
      const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[res.contentType] ?? 'bin';
      return reply
        .type(res.contentType || 'application/octet-stream')
        .header('content-disposition', attachment(`意见卡-${request.params.ratingId}.${ext}`))
        .send(Buffer.from(res.content));
    },
  );
};

export default recordedRatingRoutes;
