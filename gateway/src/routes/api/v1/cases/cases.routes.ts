import type { FastifyPluginAsync } from 'fastify';
import { refuseShadowedMethods } from '../../../../lib/shadowed-paths';
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
  // `GET /{id}` would take `progress` and `walk-in` for a case id and answer 400: these POST-only paths answer 405.
  for (const path of ['/progress', '/walk-in']) refuseShadowedMethods(app, path, ['GET'], 'POST');
};

export default casesRoutes;
