import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { documentErrorResponses, PROBLEM_SCHEMA } from '../../lib/error-responses';

/**
 * OpenAPI generated from the route schemas, served at /openapi.json with a UI at /docs. Every API route's error
 * answers are documented (and serialized) as problem+json by lib/error-responses.ts.
 */
export default fp<{ publicUrl: string }>(
  async (app, opts) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'GovHall API', version: '0.1.0', description: 'GovHall 网上政务大厅与工作台接口' },
        servers: [{ url: opts.publicUrl }],
        components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      },
      // Shared schemas keep their $id as their name under components.schemas (`Problem`).
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });
    app.addSchema(PROBLEM_SCHEMA);
    app.addHook('onRoute', documentErrorResponses);
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
