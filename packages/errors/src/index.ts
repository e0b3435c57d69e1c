/**
 * Errors a use case may raise. They carry no transport detail: the gRPC adapter maps them to status codes
 * with google.rpc details, the gateway maps those to problem+json. `message` is for people (Chinese);
 * `code` is stable for programs.
 */
export interface Violation {
  /** JSON-pointer-like path of the offending field, dot-separated, e.g. "basicCode" or "materials.2.maxSizeKb". */
  path: string;
  /** What is wrong and how to fix it, for a person (Simplified Chinese). */
  message: string;
  /** Stable machine reason, e.g. "PATTERN", "REQUIRED", "CHECK_CHARACTER". */
  reason?: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    'invalid' | 'not_found' | 'conflict' | 'failed_precondition' | 'unauthenticated' | 'forbidden' | 'unavailable';
  /** Machine facts about the error for programs (google.rpc.ErrorInfo metadata), e.g. {currentStatus: 'draft'}. */
  metadata: Record<string, string> = {};
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(
    readonly violations: Violation[],
    message = '提交的内容不符合要求，请按提示修改后重试',
    code = 'VALIDATION_FAILED',
  ) {
    super(code, message);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** The target is in a state that does not allow the action (e.g. editing a published version). */
export class PreconditionError extends DomainError {
  readonly kind = 'failed_precondition' as const;
  constructor(code: string, message: string, metadata: Record<string, string> = {}) {
    super(code, message);
    this.metadata = metadata;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(code = 'UNAUTHENTICATED', message = '未登录或登录已失效，请重新登录') {
    super(code, message);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(code = 'FORBIDDEN', message = '您没有执行此操作的权限') {
    super(code, message);
  }
}

/** A version check failed: someone else changed the document first. Retry with fresh data. */
export class ConcurrencyError extends ConflictError {
  constructor(message = '数据已被他人修改，请刷新后重试') {
    super('CONCURRENT_MODIFICATION', message);
  }
}

/**
 * Runs `write` (a read, a change and a version-checked save) again while the save loses a race, at most `attempts`
 * times in all. Only for changes that commute with whatever the other writer did (a note appended, a derived record);
 * a change the caller made on a version it read must stay refused.
 */
export async function retryOnConflict<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!(e instanceof ConcurrencyError) || attempt >= attempts) throw e;
    }
  }
}

/**
 * A dependency (identity provider, another service) cannot be reached or failed on its side. Nothing was
 * decided; the caller may retry later (gRPC UNAVAILABLE, HTTP 503).
 */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable' as const;
  constructor(code = 'UNAVAILABLE', message = '服务暂时不可用，请稍后重试') {
    super(code, message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/**
 * Runs an access check on one object whose refusal must not reveal that the object exists: a ForbiddenError from
 * `check` becomes `notFound`, so an object the caller may not see answers exactly like one that does not exist.
 * Other errors pass through.
 */
export function concealForbidden<T>(check: () => T, notFound: NotFoundError): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof ForbiddenError) throw notFound;
    throw e;
  }
}
