import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { reviewToRest } from './joint-review.mapper';
import { ReviewParams } from './joint-review.schemas';
import { SHARED_VIEW_READERS } from './roles';
import { dossierToRest } from './shared-view.mapper';
import { SharedFileParams, SharedViewAnswer } from './shared-view.schemas';

const tags = ['joint-review'];

/**
 * J14 / J11: the shared view of a joint case and its files. The joint-review service reads the case from the cases
 * service and decides what the caller sees (its department's part, or all for the lead and the center).
 */
const sharedViewRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'jointReview', opts.deadlineMs);

  app.get(
    '/reviews/:id/shared-view',
    {
      config: { auth: { roles: SHARED_VIEW_READERS } },
      schema: {
        tags,
        summary: '联办件共享信息：申请人基本信息、本部门需审查的表单内容、申请材料、各部门审查意见（参与部门与本中心）',
        params: ReviewParams,
        response: { 200: SharedViewAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getSharedView', { reviewId: request.params.id }, { reviewId: 'params.id' });
      if (!res.review || !res.dossier) throw new Error('joint-review answered without the review or its dossier');
      return { review: reviewToRest(res.review), dossier: dossierToRest(res.dossier) };
    },
  );

  app.get(
    '/reviews/:id/files/:fileId',
    {
      config: { auth: { roles: SHARED_VIEW_READERS } },
      schema: {
        tags,
        summary: '下载联办件的文件：申请材料文件，或意见、结论、会议纪要的附件（参与部门与本中心）',
        params: SharedFileParams,
        response: {
          200: binary('application/octet-stream', '文件内容，content-type 为按内容识别的类型'),
          ...problems(400, 401, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const res = await call(
        request,
        'getSharedFile',
        { reviewId: id, fileId },
        { reviewId: 'params.id', fileId: 'params.fileId' },
      );
      return reply
        .type(res.contentType || 'application/octet-stream')
        .header('content-disposition', attachment(res.fileName || fileId))
        .send(Buffer.from(res.content));
    },
  );
};

export default sharedViewRoutes;
