import fp from 'fastify-plugin';
import { createGrpcClient } from '@govhall/grpc';
import { catalogueV1, identityV1 } from '@govhall/proto';

declare module 'fastify' {
  interface FastifyInstance {
    grpc: { catalogue: catalogueV1.CatalogueServiceClient; identity: identityV1.IdentityServiceClient };
  }
}

/** Reads of identity, safe to retry on UNAVAILABLE (CreateStaff is idempotent per username, see the proto). */
const IDENTITY_RETRYABLE = [
  'GetTenant',
  'ListTenants',
  'ListDepartments',
  'ListWindows',
  'GetWindowResponsible',
  'GetStaff',
  'ListStaff',
  'GetMyProfile',
  'GetLegalPerson',
  'ListApplicants',
  'CheckActingAuthority',
  'ListServiceAccounts',
  'CreateStaff',
];

/** One long-lived channel per backend service; closed when the app closes. */
export default fp<{ catalogueAddress: string; identityAddress: string }>(
  async (app, opts) => {
    const catalogue = createGrpcClient(catalogueV1.CatalogueServiceClient, opts.catalogueAddress, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['GetItem', 'CreateDraftItem'],
    });
    const identity = createGrpcClient(identityV1.IdentityServiceClient, opts.identityAddress, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: IDENTITY_RETRYABLE,
    });
    app.decorate('grpc', { catalogue, identity });
    app.addHook('onClose', async () => {
      catalogue.close();
      identity.close();
    });
  },
  { name: 'grpc-clients' },
);
