import type { RouteOptions } from 'fastify';
import { ProblemResponse } from './common.schemas';
import { TITLE_BY_HTTP } from './problem';

export const PROBLEM_JSON = 'application/problem+json';

/** Methods that carry a body Fastify parses (and so may refuse as too large or of an unknown type). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UNSAFE_METHODS = BODY_METHODS;

/** What each error status means on any route, for the document (the body's `code` says which case it is). */
const WHEN: Record<number, string> = {
  400: '请求不符合接口约定：路径、查询参数、请求头或请求体的格式有误（errors 列出每个字段）',
  401: '未登录，或令牌无效、已过期',
  403: '已登录但没有权限（缺少所需角色，或不在可操作的范围内）',
  404: '所指的对象不存在或无权查看（两者答复相同）',
  409: '与对象的当前状态冲突（版本已变、状态不允许、重复）',
  413: '请求体过大',
  414: '路径参数过长',
  415: '不支持的请求体类型（content-type）',
  429: '请求过于频繁，请稍后重试',
  500: '服务器内部错误',
  503: '服务暂时不可用或繁忙，请稍后重试',
  504: '后端服务响应超时',
};

/**
 * The error statuses a route can answer, from what it declares: every API route can be malformed (400), can be
 * sent a bad token (401), names something that may not exist (404), is rate limited (429) and calls a service
 * that can fail (500, 503, 504); routes that require a token can refuse it (403); writes can conflict (409);
 * methods with a body can be sent one too large (413) or of a type nobody parses (415); routes with path
 * parameters can be sent one longer than Fastify's maxParamLength (414).
 */
export function standardErrorStatuses(method: string, auth: unknown, url = ''): number[] {
  const codes = [400, 401, 404, 429, 500, 503, 504];
  if (auth !== 'public') codes.push(403);
  if (UNSAFE_METHODS.has(method)) codes.push(409);
  if (BODY_METHODS.has(method)) codes.push(413, 415);
  if (url.includes(':')) codes.push(414);
  return codes.sort((a, b) => a - b);
}

/**
 * The problem schema, shared (Fastify's `addSchema`): the document lists it once under `components.schemas.Problem`
 * and every error answer refers to it. Inlined, its copies made up 4 of the document's 7 MB (and most of the web's
 * generated types).
 */
export const PROBLEM_SCHEMA: Record<string, unknown> = { $id: 'Problem', ...ProblemResponse };

/** An error answer as documented: problem+json with the one problem schema. */
export function problemAnswer(status: number) {
  return {
    description: `${TITLE_BY_HTTP[status] ?? '请求失败'}：${WHEN[status] ?? '请求失败'}`,
    content: { [PROBLEM_JSON]: { schema: { $ref: 'Problem#' } } },
  };
}

/**
 * onRoute hook: documents every error answer of an API route as application/problem+json with the problem
 * schema, adding the standard statuses to those the route declares itself (problems(…)). The same schema
 * also serializes the answer, so the document and what leaves the gateway cannot drift apart.
 */
export function documentErrorResponses(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || !route.schema) return;
  const methods = [route.method].flat().map((m) => m.toUpperCase());
  const response = { ...((route.schema.response ?? {}) as Record<string, unknown>) };
  const declared = Object.keys(response)
    .map(Number)
    .filter((s) => s >= 400);
  const standard = methods.flatMap((m) => standardErrorStatuses(m, route.config?.auth, route.url));
  for (const status of new Set([...declared, ...standard])) response[status] = problemAnswer(status);
  route.schema.response = response;
}
