import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { status } from '@grpc/grpc-js';
import { decodeGrpcError, isServiceError } from '@govhall/grpc';
import { isDomainError } from '@govhall/errors';
import { HTTP_BY_GRPC, HttpProblem, StateConflictError, TITLE_BY_HTTP, problem, type Problem } from '../../lib/problem';
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

/**
 * Errors Fastify raises itself (body parsing, URL decoding), each with a Chinese explanation, a stable code and the
 * part of the request at fault.
 */
const FRAMEWORK_ERRORS: Record<string, { http: number; code: string; path: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    http: 400,
    code: 'INVALID_JSON',
    path: 'body',
    detail: '请求体不是有效的 JSON，请检查括号、引号和逗号',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    http: 400,
    code: 'EMPTY_BODY',
    path: 'body',
    detail: '请求体为空：content-type 为 application/json 时必须提交 JSON 内容',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    http: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    path: 'headers.content-type',
    detail: '不支持该内容类型，请以 application/json 提交',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    http: 413,
    code: 'BODY_TOO_LARGE',
    path: 'body',
    detail: '提交的内容超过了此接口允许的大小',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    http: 400,
    code: 'INVALID_CONTENT_LENGTH',
    path: 'headers.content-length',
    detail: '请求体的实际长度与 content-length 不一致',
  },
  FST_ERR_BAD_URL: {
    http: 400,
    code: 'BAD_URL',
    path: 'path',
    detail: '网址中含有无效的百分号编码（%），请检查网址',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    http: 414,
    code: 'URL_TOO_LONG',
    path: 'path',
    detail: '网址中的路径参数过长',
  },
};

/** Detail of any other client error, by status: never the library's English message. */
const DETAIL_BY_HTTP: Record<number, string> = {
  400: '请求格式有误，请检查后重试',
  404: '未找到请求的资源',
  405: '此接口不支持该请求方法',
  406: '无法提供所要求的响应格式',
  408: '请求超时，请重试',
  413: '提交的内容过大',
  414: '网址过长',
  415: '不支持该内容类型',
  429: '请求过于频繁，请稍后重试',
  431: '请求头或网址过长，请缩短后重试',
};

/** The problem+json body of any error, as the error handler sends it (the live feed sends it as an SSE event). */
export function toProblem(error: unknown): Problem {
  const fe = error as FastifyError;
  const framework = fe.code ? FRAMEWORK_ERRORS[fe.code] : undefined;
  if (framework) {
    const { http, code, path, detail } = framework;
    return problem(http, code, TITLE_BY_HTTP[http]!, detail, [{ path, message: detail, reason: code }]);
  }
  if (fe.validation) {
    return problem(
      400,
      'VALIDATION_FAILED',
      TITLE_BY_HTTP[400]!,
      '提交的内容不符合要求，请按提示修改后重试',
      violationsFromAjv(fe.validation, fe.validationContext),
    );
  }
  if (error instanceof HttpProblem) {
    const title = TITLE_BY_HTTP[error.statusCode] ?? '请求有误';
    return problem(error.statusCode, error.code, title, error.detail, error.errors);
  }
  if (error instanceof StateConflictError) {
    return { ...problem(409, error.code, TITLE_BY_HTTP[409]!, error.message), currentStatus: error.currentStatus };
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
    // A problem built by a plugin (e.g. the rate limit's) already speaks Chinese; anything else gets a fixed text.
    const own = error as Partial<Problem>;
    if (typeof own.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(own.code) && typeof own.detail === 'string') {
      return problem(fe.statusCode, own.code, own.title ?? TITLE_BY_HTTP[fe.statusCode] ?? '请求有误', own.detail);
    }
    const code = fe.code?.replace(/^FST_(ERR_)?/, '') || `HTTP_${fe.statusCode}`;
    const detail = DETAIL_BY_HTTP[fe.statusCode] ?? '请求有误，请检查后重试';
    return problem(fe.statusCode, code, TITLE_BY_HTTP[fe.statusCode] ?? '请求有误', detail);
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

export interface ProblemDetailsOptions {
  /** Realm named in the `WWW-Authenticate` challenge of a 401 (RFC 6750). */
  realm?: string;
}

/**
 * The RFC 6750 challenge of a 401: `Bearer realm="…"`, with `error="invalid_token"` when a bearer token was sent
 * and refused (expired, forged, of another realm). Only ASCII is allowed there, so the reason is the code.
 */
export function bearerChallenge(realm: string, request: FastifyRequest, code: string): string {
  const sentBearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
  const parts = [`realm="${realm}"`];
  if (sentBearer) parts.push('error="invalid_token"', `error_description="${code}"`);
  return `Bearer ${parts.join(', ')}`;
}

/** The path of the request without its query string (which may carry anything the caller typed). */
function instanceOf(request: FastifyRequest): string {
  const url = request.raw.url ?? request.url;
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** Sends `error` as problem+json: the error handler, and Fastify's `frameworkErrors` (bad URL, long parameter). */
export async function replyWithProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  realm = 'govhall',
): Promise<FastifyReply> {
  const body = { ...toProblem(error), instance: instanceOf(request), requestId: request.id };
  if (body.status === 413) await drainUnreadBody(request);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, status: body.status }, 'request rejected');
  const headers = (error as { headers?: Record<string, string> }).headers;
  if (headers) reply.headers(headers);
  if (body.status === 401) reply.header('www-authenticate', bearerChallenge(realm, request, body.code));
  return reply.status(body.status).type('application/problem+json').send(body);
}

/**
 * Errors Node's HTTP parser raises before there is a request (headers or URL over `maxHeaderSize`: 431; a
 * malformed request line or header: 400; a request too slow: 408) answer problem+json too, then close the socket.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [http, code]: [number, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT']
        : [400, 'MALFORMED_REQUEST'];
  if (socket.writable) {
    const body = JSON.stringify(problem(http, code, TITLE_BY_HTTP[http]!, DETAIL_BY_HTTP[http]!));
    socket.write(
      `HTTP/1.1 ${http} ${STATUS_CODES[http]}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Every error leaves as application/problem+json (RFC 9457) with a stable code and the request id. */
export default fp<ProblemDetailsOptions>(
  async (app, opts) => {
    const realm = opts.realm ?? 'govhall';
    app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
      replyWithProblem(error, request, reply, realm),
    );
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .type('application/problem+json')
        .send({
          ...problem(
            404,
            'ROUTE_NOT_FOUND',
            TITLE_BY_HTTP[404]!,
            `没有这个接口：${request.method} ${instanceOf(request)}`,
          ),
          instance: instanceOf(request),
          requestId: request.id,
        }),
    );
  },
  { name: 'problem-details' },
);
