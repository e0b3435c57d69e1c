import { status } from '@grpc/grpc-js';
import { PreconditionError, type Violation } from '@govhall/errors';

/** RFC 9457 problem details, with GovHall's stable `code` and, for validation, the `errors` list. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: Violation[];
  /** A refused transition (WRONG_STATE): the object's current state, as the REST answers spell it. */
  currentStatus?: string;
}

/**
 * An answer the gateway gives itself with a status no domain error has (e.g. a 413 for one file of a multipart
 * batch), with its stable code, Chinese detail and, when a field is at fault, the violations.
 */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: Violation[],
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

/**
 * A transition refused because the object is in another state (the service's WRONG_STATE with its
 * currentStatus): a 409 whose problem names that state, for programs in `currentStatus` and for people in the
 * Chinese `detail`.
 */
export class StateConflictError extends PreconditionError {
  constructor(
    code: string,
    message: string,
    readonly currentStatus: string,
  ) {
    super(code, message, { currentStatus: currentStatus });
  }
}

export function problem(
  httpStatus: number,
  code: string,
  title: string,
  detail: string,
  errors?: Violation[],
): Problem {
  return {
    type: `https://govhall.gov.cn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: httpStatus,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export const HTTP_BY_GRPC: Partial<Record<status, number>> = {
  [status.INVALID_ARGUMENT]: 400,
  [status.UNAUTHENTICATED]: 401,
  [status.PERMISSION_DENIED]: 403,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.ABORTED]: 409,
  [status.FAILED_PRECONDITION]: 409,
  [status.RESOURCE_EXHAUSTED]: 429,
  [status.UNAVAILABLE]: 503,
  [status.DEADLINE_EXCEEDED]: 504,
};

export const TITLE_BY_HTTP: Record<number, string> = {
  400: '请求内容有误',
  401: '需要登录',
  403: '没有权限',
  404: '未找到',
  405: '不支持的请求方法',
  408: '请求超时',
  409: '与当前状态冲突',
  413: '内容过大',
  414: '网址过长',
  415: '不支持的内容类型',
  429: '请求过于频繁',
  431: '请求头过大',
  500: '服务器内部错误',
  503: '服务暂时不可用',
  504: '服务响应超时',
};
