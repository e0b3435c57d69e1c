import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import { TITLE_BY_HTTP, problem } from '../../lib/problem';
import { shedsLoad } from '../../lib/startup-grace';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A rate limit of its own instead of the global one: `registration` for self-registration routes;
     * `anonymous-submission` for what anyone may submit without signing in (a complaint), applied to callers without
     * a token only.
     */
    limit?: 'registration' | 'anonymous-submission';
  }
}

export interface SecurityOptions {
  corsOrigins: string[];
  rateLimitMax: number;
  rateLimitWindow: string;
  /** Requests per window and client address on routes declaring `config.limit: 'registration'`. */
  registrationRateLimitMax: number;
  registrationRateLimitWindow: string;
  /** Requests per window and client address by anonymous callers on routes declaring `anonymous-submission`. */
  submissionRateLimitMax: number;
  submissionRateLimitWindow: string;
  /** Shed load (503 OVERLOADED) when the event loop lags more than this; 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** Shed load when the V8 heap in use exceeds this many bytes; 0 turns the check off. */
  maxHeapUsedBytes: number;
}

/**
 * helmet, CORS, rate limiting and load shedding: the edge protections every route gets.
 *
 * The rate limit keys on `request.ip`, which is the socket's address unless the request came through a trusted
 * proxy (TRUSTED_PROXIES, app.ts). It runs as the first application-level `onRequest` hook, before any route's
 * authentication, so requests with a bad token, unknown routes and refused query strings count too.
 */
export default fp<SecurityOptions>(
  async (app, opts) => {
    await app.register(helmet, {
      // The API docs UI needs inline scripts and styles; everything else is JSON.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    });
    await app.register(cors, {
      origin: opts.corsOrigins,
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after'],
    });
    await app.register(rateLimit, {
      global: false,
      max: opts.rateLimitMax,
      timeWindow: opts.rateLimitWindow,
      allowList: (req) => req.url === '/healthz' || req.url === '/readyz',
      // Thrown: the error handler builds the problem from statusCode, code and message.
      errorResponseBuilder: (_req, ctx) => {
        const body = problem(
          429,
          'RATE_LIMITED',
          TITLE_BY_HTTP[429]!,
          `请求过于频繁，请在 ${Math.ceil(ctx.ttl / 1000)} 秒后重试`,
        );
        return { ...body, statusCode: 429, message: body.detail };
      },
    });
    const globalLimit = app.rateLimit();
    const registrationLimit = app.rateLimit({
      max: opts.registrationRateLimitMax,
      timeWindow: opts.registrationRateLimitWindow,
    });
    const submissionLimit = app.rateLimit({
      max: opts.submissionRateLimitMax,
      timeWindow: opts.submissionRateLimitWindow,
    });
    app.addHook('onRequest', async function limit(request, reply) {
      const declared = request.routeOptions.config?.limit;
      const limiter =
        declared === 'registration'
          ? registrationLimit
          : declared === 'anonymous-submission' && !request.headers.authorization
            ? submissionLimit
            : globalLimit;
      await limiter.call(this, request, reply);
    });
    let listeningAt = 0;
    app.addHook('onListen', async () => {
      listeningAt = Date.now();
    });
    await app.register(underPressure, {
      maxEventLoopDelay: opts.maxEventLoopDelayMs,
      maxHeapUsedBytes: opts.maxHeapUsedBytes,
      retryAfter: 5,
      pressureHandler: (_req, reply, type, value) => {
        // Returning without a reply lets the request go on (a lag measured during the gateway's own start-up).
        if (!shedsLoad(type, listeningAt, Date.now())) return;
        void reply
          .status(503)
          .header('retry-after', '5')
          .type('application/problem+json')
          .send(problem(503, 'OVERLOADED', TITLE_BY_HTTP[503]!, '服务繁忙，请稍后重试'));
        _req.log.warn({ type, value }, 'overloaded');
      },
    });
  },
  { name: 'security' },
);
