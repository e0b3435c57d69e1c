import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TokenVerifier } from '@govhall/auth';
import type { Logger } from '@govhall/logging';
import type { GatewayConfig } from './config';
import problemDetails from './plugins/app/problem-details';
import auth from './plugins/app/auth';
import methodNotAllowed from './plugins/app/method-not-allowed';
import grpcClients from './plugins/app/grpc-clients';
import security from './plugins/external/security';
import openapi from './plugins/external/openapi';
import healthRoutes from './routes/health';
import itemsRoutes from './routes/api/v1/catalogue/items.routes';
import identityRoutes from './routes/api/v1/identity/identity.routes';

export interface AppDeps {
  config: GatewayConfig;
  verifier: TokenVerifier;
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Builds the gateway without listening: server.ts listens, tests use app.inject(). */
export async function buildApp({ config, verifier, logger }: AppDeps) {
  const app = Fastify({
    loggerInstance: logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' as const } },
    trustProxy: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problemDetails);
  await app.register(security, {
    corsOrigins: config.CORS_ORIGINS,
    rateLimitMax: config.RATE_LIMIT_MAX,
    rateLimitWindow: config.RATE_LIMIT_WINDOW,
    maxEventLoopDelayMs: config.OVERLOAD_EVENT_LOOP_DELAY_MS,
  });
  await app.register(openapi, { publicUrl: config.PUBLIC_URL });
  await app.register(methodNotAllowed);
  await app.register(auth, { verifier });
  await app.register(grpcClients, {
    catalogueAddress: config.CATALOGUE_GRPC_ADDR,
    identityAddress: config.IDENTITY_GRPC_ADDR,
  });
  await app.register(healthRoutes);
  await app.register(itemsRoutes, { prefix: '/api/v1/catalogue', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(identityRoutes, { prefix: '/api/v1/identity', deadlineMs: config.GRPC_DEADLINE_MS });
  return app;
}
