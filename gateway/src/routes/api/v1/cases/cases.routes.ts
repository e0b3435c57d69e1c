import type { FastifyPluginAsync } from 'fastify';
import { PROBLEM_JSON } from '../../../../lib/error-responses';
import { problem } from '../../../../lib/problem';
import declarationRoutes from './declaration.routes';
import handlingRoutes from './handling.routes';
import materialFilesRoutes from './material-files.routes';
import readsRoutes from './reads.routes';
import settingsRoutes from './settings.routes';
import windowRoutes from './window.routes';

/**
 * /api/v1/cases — REST over govhall.applications.v1.ApplicationsService (app.ts registers this plugin under the
 * prefix; the e-licence library is /api/v1/licences). One route per RPC, ConcludeJointReview excepted (gRPC only,
 * for the joint-review service). Every route declares `config.auth`; the service decides who may see and change
 * which case, and answers a case the caller may not see as 404.
 */
const casesRoutes: FastifyPluginAsync<{ deadlineMs: number; maxFileBytes: number }> = async (app, opts) => {
  const child = { deadlineMs: opts.deadlineMs };
  await app.register(declarationRoutes, child);
  await app.register(materialFilesRoutes, { ...child, maxFileBytes: opts.maxFileBytes });
  await app.register(windowRoutes, child);
  await app.register(handlingRoutes, child);
  await app.register(readsRoutes, child);
  await app.register(settingsRoutes, child);
  // `GET /{id}` would take `progress` and `walk-in` for a case id and answer 400: these POST-only paths answer 405
  // with `Allow`, as every other path does for a method it does not offer (plugins/app/method-not-allowed.ts).
  for (const path of ['/progress', '/walk-in']) {
    app.get(path, { schema: { hide: true }, config: { auth: 'public' } }, async (request, reply) =>
      reply
        .status(405)
        .header('allow', 'POST')
        .type(PROBLEM_JSON)
        .send({
          ...problem(405, 'METHOD_NOT_ALLOWED', '不支持该请求方法', `此接口不支持 ${request.method}，可用：POST`),
          instance: request.url,
          requestId: request.id,
        }),
    );
  }
};

export default casesRoutes;
