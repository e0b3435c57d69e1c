import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { status } from '@grpc/grpc-js';
import { decodeGrpcError, isServiceError } from '@govhall/grpc';
import { isDomainError } from '@govhall/errors';
import { HTTP_BY_GRPC, TITLE_BY_HTTP, problem, type Problem } from '../../lib/problem';
import { violationsFromAjv } from '../../lib/ajv-violations';

const HTTP_BY_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  failed_precondition: 409,
  unavailable: 503,
} as const;

const UPSTREAM_FAILURES: Partial<Record<status, { http: number; code: string; detail: string }>> = {
  [status.UNAVAILABLE]: { http: 503, code: 'UPSTREAM_UNAVAILABLE', detail: '服务暂时不可用，请稍后重试' },
  [status.DEADLINE_EXCEEDED]: { http: 504, code: 'UPSTREAM_TIMEOUT', detail: '服务响应超时，请稍后重试' },
  [status.INTERNAL]: { http: 500, code: 'INTERNAL', detail: '服务器内部错误，请稍后重试' },
};

function toProblem(error: unknown): Problem {
  const fe = error as FastifyError;
  if (fe.validation) {
    return problem(
      400,
      'VALIDATION_FAILED',
      TITLE_BY_HTTP[400]!,
      '提交的内容不符合要求，请按提示修改后重试',
      violationsFromAjv(fe.validation, fe.validationContext),
    );
  }
  if (isDomainError(error)) {
    const http = HTTP_BY_KIND[error.kind];
    return problem(
      http,
      error.code,
      TITLE_BY_HTTP[http] ?? '请求失败',
      error.message,
      'violations' in error ? (error as { violations: never[] }).violations : undefined,
    );
  }
  if (isServiceError(error)) {
    const d = decodeGrpcError(error);
    const http = HTTP_BY_GRPC[d.code] ?? 500;
    if (!d.reason) {
      // No GovHall error details: the call failed in transport (service down, deadline) or unexpectedly.
      const upstream = UPSTREAM_FAILURES[d.code] ?? UPSTREAM_FAILURES[status.INTERNAL]!;
      return problem(upstream.http, upstream.code, TITLE_BY_HTTP[upstream.http]!, upstream.detail);
    }
    return problem(http, d.reason, TITLE_BY_HTTP[http] ?? '请求失败', d.message, d.violations);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.code?.replace(/^FST_(ERR_)?/, '') || `HTTP_${fe.statusCode}`;
    return problem(fe.statusCode, code, TITLE_BY_HTTP[fe.statusCode] ?? '请求有误', fe.message);
  }
  return problem(500, 'INTERNAL', TITLE_BY_HTTP[500]!, '服务器内部错误，请稍后重试');
}

/** Bodies up to this size are read to the end before a 413 goes out; larger ones get the answer and a closed socket. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Fastify refuses a body over the route's limit from its Content-Length, before reading it, and closes the
 * connection after answering. A client still writing the body then fails with EPIPE/ECONNRESET and never sees
 * the 413. So a refused body of a plausible size is read (and thrown away) first, at most for a few seconds.
 */
async function drainUnreadBody(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.complete || raw.readableEnded || raw.destroyed) return;
  const declared = Number(request.headers['content-length']);
  if (!Number.isFinite(declared) || declared > DRAIN_LIMIT_BYTES) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5_000);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    raw.once('end', done);
    raw.once('error', done);
    raw.once('close', done);
    raw.resume();
  });
}

/** Every error leaves as application/problem+json (RFC 9457) with a stable code and the request id. */
export default fp(
  async (app) => {
    app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const body = { ...toProblem(error), instance: request.url, requestId: request.id };
      if (body.status === 413) await drainUnreadBody(request);
      if (body.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: body.code, status: body.status }, 'request rejected');
      const headers = (error as { headers?: Record<string, string> }).headers;
      if (headers) reply.headers(headers);
      return reply.status(body.status).type('application/problem+json').send(body);
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .type('application/problem+json')
        .send({
          ...problem(404, 'ROUTE_NOT_FOUND', TITLE_BY_HTTP[404]!, `没有这个接口：${request.method} ${request.url}`),
          instance: request.url,
          requestId: request.id,
        }),
    );
  },
  { name: 'problem-details' },
);
