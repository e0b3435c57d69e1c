import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TokenVerifier } from '@govhall/auth';
import type { Logger } from '@govhall/logging';
import type { GatewayConfig } from './config';
import problemDetails, { clientErrorHandler, replyWithProblem } from './plugins/app/problem-details';
import queryCredentials from './plugins/app/query-credentials';
import { loggableUrl } from './lib/request-url';
import { partAwareValidators, responseSerializers, type SchemaCompilation } from './lib/validator-compiler';
import auth from './plugins/app/auth';
import methodNotAllowed from './plugins/app/method-not-allowed';
import grpcClients from './plugins/app/grpc-clients';
import security from './plugins/external/security';
import openapi from './plugins/external/openapi';
import webStatic, { resolveWebRoot } from './plugins/app/web-static';
import healthRoutes from './routes/health';
import itemsRoutes from './routes/api/v1/catalogue/items.routes';
import identityRoutes from './routes/api/v1/identity/identity.routes';
import casesRoutes from './routes/api/v1/cases/cases.routes';
import licencesRoutes from './routes/api/v1/licences/licences.routes';
import notificationsRoutes from './routes/api/v1/notifications/notifications.routes';
import supervisionRoutes from './routes/api/v1/supervision/supervision.routes';
import jointReviewAttachmentsRoutes from './routes/api/v1/joint-review/attachments.routes';
import jointReviewRoutes from './routes/api/v1/joint-review/joint-review.routes';
import meetingRoutes from './routes/api/v1/joint-review/meeting.routes';
import delegationRoutes from './routes/api/v1/joint-review/delegation.routes';
import jointReviewSettingsRoutes from './routes/api/v1/joint-review/settings.routes';
import projectRoutes from './routes/api/v1/joint-review/project.routes';
import escalationRoutes from './routes/api/v1/joint-review/escalation.routes';
import sharedViewRoutes from './routes/api/v1/joint-review/shared-view.routes';
import paymentsRoutes from './routes/api/v1/payments/payments.routes';
import bankRoutes from './routes/api/v1/payments/bank.routes';
import refundRoutes from './routes/api/v1/payments/refunds.routes';
import reportRoutes from './routes/api/v1/payments/reports.routes';
import reconciliationRoutes from './routes/api/v1/payments/reconciliation.routes';
import ratingRoutes from './routes/api/v1/ratings/ratings.routes';
import rectificationRoutes from './routes/api/v1/ratings/rectifications.routes';
import recordedRatingRoutes from './routes/api/v1/ratings/recorded-ratings.routes';
import complaintRoutes from './routes/api/v1/complaints/complaints.routes';
import complaintAttachmentRoutes from './routes/api/v1/complaints/complaint-attachments.routes';
import open311Routes from './routes/open311/open311.routes';
import consultationRoutes from './routes/api/v1/consultations/consultations.routes';
import liveConsultationRoutes from './routes/api/v1/live-consultations/live-consultations.routes';
import { Open311ApiKeys } from './routes/open311/open311-api-keys';

export interface AppDeps {
  config: GatewayConfig;
  verifier: TokenVerifier;
  logger: Logger;
  /** When routes' validators and serializers are compiled: at first use unless a test asks for start-up. */
  schemaCompilation?: SchemaCompilation;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** What a request log line says about the request: the URL without credentials, the address Fastify trusts. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Builds the gateway without listening: server.ts listens, tests use app.inject(). */
export async function buildApp({ config, verifier, logger, schemaCompilation = 'lazy' }: AppDeps) {
  const app = Fastify({
    loggerInstance: logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // Bodies are validated as sent; only the querystring, path parameters and headers are coerced from text.
    // Compiled at each route's first request, not at start-up (ADR 0070).
    schemaController: {
      compilersFactory: {
        buildValidator: partAwareValidators(schemaCompilation),
        buildSerializer: responseSerializers(schemaCompilation),
      },
    },
    // X-Forwarded-For is believed only from TRUSTED_PROXIES; with none, the client address is the socket's.
    trustProxy: config.TRUSTED_PROXIES.length > 0 ? [...config.TRUSTED_PROXIES] : false,
    childLoggerFactory: (logger, bindings, options) =>
      logger.child(bindings, { ...options, serializers: { ...options.serializers, req: serializeRequest } }),
    // A bad percent-escape or an over-long path parameter, and HTTP parser errors, answer problem+json too.
    frameworkErrors: (error, request, reply) => {
      replyWithProblem(error, request, reply, config.KEYCLOAK_REALM).catch((err: unknown) =>
        request.log.error({ err }, 'framework error not answered'),
      );
    },
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // JSON only: a text/plain body is a 415, not a string that fails the schema (the upload route has its own parser).
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problemDetails, { realm: config.KEYCLOAK_REALM });
  await app.register(security, {
    corsOrigins: config.CORS_ORIGINS,
    rateLimitMax: config.RATE_LIMIT_MAX,
    rateLimitWindow: config.RATE_LIMIT_WINDOW,
    registrationRateLimitMax: config.REGISTRATION_RATE_LIMIT_MAX,
    registrationRateLimitWindow: config.REGISTRATION_RATE_LIMIT_WINDOW,
    submissionRateLimitMax: config.SUBMISSION_RATE_LIMIT_MAX,
    submissionRateLimitWindow: config.SUBMISSION_RATE_LIMIT_WINDOW,
    maxEventLoopDelayMs: config.OVERLOAD_EVENT_LOOP_DELAY_MS,
    maxHeapUsedBytes: config.OVERLOAD_HEAP_USED_MB * 1024 * 1024,
  });
  await app.register(queryCredentials);
  await app.register(openapi, { publicUrl: config.PUBLIC_URL });
  await app.register(methodNotAllowed);
  await app.register(auth, { verifier });
  await app.register(grpcClients, {
    catalogueAddress: config.CATALOGUE_GRPC_ADDR,
    identityAddress: config.IDENTITY_GRPC_ADDR,
    applicationsAddress: config.APPLICATIONS_GRPC_ADDR,
    supervisionAddress: config.SUPERVISION_GRPC_ADDR,
    jointReviewAddress: config.JOINT_REVIEW_GRPC_ADDR,
    paymentsAddress: config.PAYMENTS_GRPC_ADDR,
    complaintsAddress: config.COMPLAINTS_GRPC_ADDR,
  });
  await app.register(healthRoutes);
  await app.register(itemsRoutes, { prefix: '/api/v1/catalogue', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(identityRoutes, { prefix: '/api/v1/identity', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(casesRoutes, {
    prefix: '/api/v1/cases',
    deadlineMs: config.GRPC_DEADLINE_MS,
    maxFileBytes: config.CASE_UPLOAD_MAX_FILE_BYTES,
  });
  await app.register(licencesRoutes, { prefix: '/api/v1/licences', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(notificationsRoutes, { prefix: '/api/v1/notifications', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(supervisionRoutes, {
    prefix: '/api/v1/supervision',
    deadlineMs: config.GRPC_DEADLINE_MS,
    heartbeatMs: config.LIVE_HEARTBEAT_MS,
    secureCookies: config.PUBLIC_URL.startsWith('https:'),
  });
  await app.register(jointReviewRoutes, { prefix: '/api/v1/joint-review', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(meetingRoutes, { prefix: '/api/v1/joint-review', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(projectRoutes, { prefix: '/api/v1/joint-review', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(delegationRoutes, { prefix: '/api/v1/joint-review', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(escalationRoutes, { prefix: '/api/v1/joint-review', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(jointReviewSettingsRoutes, {
    prefix: '/api/v1/joint-review',
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  await app.register(sharedViewRoutes, { prefix: '/api/v1/joint-review', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(jointReviewAttachmentsRoutes, {
    prefix: '/api/v1/joint-review',
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  await app.register(paymentsRoutes, { prefix: '/api/v1/payments', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(ratingRoutes, {
    prefix: '/api/v1/ratings',
    deadlineMs: config.GRPC_DEADLINE_MS,
    heartbeatMs: config.LIVE_HEARTBEAT_MS,
  });
  await app.register(recordedRatingRoutes, { prefix: '/api/v1/ratings', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(rectificationRoutes, { prefix: '/api/v1/rectifications', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(complaintRoutes, { prefix: '/api/v1/complaints', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(complaintAttachmentRoutes, {
    prefix: '/api/v1/complaints',
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  await app.register(consultationRoutes, { prefix: '/api/v1/consultations', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(liveConsultationRoutes, {
    prefix: '/api/v1/live-consultations',
    deadlineMs: config.GRPC_DEADLINE_MS,
    heartbeatMs: config.LIVE_HEARTBEAT_MS,
  });
  await app.register(open311Routes, {
    prefix: '/open311/v2',
    deadlineMs: config.GRPC_DEADLINE_MS,
    tenants: config.GOVHALL_TENANTS,
    publicUrl: config.PUBLIC_URL,
    apiKeys: new Open311ApiKeys({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM }),
  });
  await app.register(bankRoutes, { prefix: '/api/v1/payments/bank', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(refundRoutes, { prefix: '/api/v1/payments', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(reportRoutes, { prefix: '/api/v1/payments', deadlineMs: config.GRPC_DEADLINE_MS });
  await app.register(reconciliationRoutes, {
    prefix: '/api/v1/payments/reconciliation',
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  await app.register(webStatic, {
    root: resolveWebRoot(config.WEB_ROOT),
    upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https:'),
    webConfig: {
      keycloakUrl: (config.KEYCLOAK_PUBLIC_URL || config.KEYCLOAK_URL).replace(/\/+$/, ''),
      realm: config.KEYCLOAK_REALM,
      clients: {
        portal: config.WEB_PORTAL_CLIENT_ID,
        workbench: config.WEB_WORKBENCH_CLIENT_ID,
        admin: config.WEB_WORKBENCH_CLIENT_ID,
        // Supervisors and the hall screen's login are staff: the staff client (its roles, ADR 0039's cookie).
        supervision: config.WEB_WORKBENCH_CLIENT_ID,
        screen: config.WEB_WORKBENCH_CLIENT_ID,
        // A window's rating device logs in with its device account through the staff client (ADR 0063).
        device: config.WEB_WORKBENCH_CLIENT_ID,
      },
      tenants: [...config.GOVHALL_TENANTS],
    },
  });
  return app;
}
