import fp from 'fastify-plugin';
import { createGrpcClient } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';

declare module 'fastify' {
  interface FastifyInstance {
    grpc: { catalogue: catalogueV1.CatalogueServiceClient };
  }
}

/** One long-lived channel per backend service; closed when the app closes. */
export default fp<{ catalogueAddress: string }>(
  async (app, opts) => {
    const catalogue = createGrpcClient(catalogueV1.CatalogueServiceClient, opts.catalogueAddress, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['GetItem', 'CreateDraftItem'],
    });
    app.decorate('grpc', { catalogue });
    app.addHook('onClose', async () => catalogue.close());
  },
  { name: 'grpc-clients' },
);
