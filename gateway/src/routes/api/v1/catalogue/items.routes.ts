import type { FastifyPluginAsync } from 'fastify';
import calendarsRoutes from './calendars.routes';
import filesRoutes from './files.routes';
import itemDraftsRoutes from './item-drafts.routes';
import itemLifecycleRoutes from './item-lifecycle.routes';
import publishedRoutes from './published.routes';

/**
 * /api/v1/catalogue — REST over govhall.catalogue.v1.CatalogueService (app.ts registers this plugin under the
 * prefix). Every route declares `config.auth`: public reads need no token, writes need the role the proto names,
 * and the service decides tenant scope.
 */
const catalogueRoutes: FastifyPluginAsync<{ deadlineMs: number }> = async (app, opts) => {
  const child = { deadlineMs: opts.deadlineMs };
  await app.register(itemDraftsRoutes, child);
  await app.register(itemLifecycleRoutes, child);
  await app.register(publishedRoutes, child);
  await app.register(filesRoutes, child);
  await app.register(calendarsRoutes, child);
};

export default catalogueRoutes;
