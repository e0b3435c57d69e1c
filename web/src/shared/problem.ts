/**
 * problem+json answers (RFC 9457, docs/adr/0003) turned into what a citizen or clerk reads: one Chinese message and
 * the message for each form field. A code (VALIDATION_FAILED…) is never shown; a message that is not Chinese (a
 * proxy's error page, a library's English) is replaced by a plain one for the status.
 */

export interface ShownProblem {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The stable code, for the program (never shown). */
  code: string;
  /** What the person reads. */
  message: string;
  /** Per form field (its name, dotted: `caseNumber`, `content.materials.2.name`): what is wrong with it. */
  fields: Record<string, string>;
}

const BY_STATUS: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您没有权限进行此操作',
  404: '未找到相关内容',
  405: '不支持此操作',
  409: '内容已发生变化，请刷新后重试',
  413: '提交的内容过大',
  415: '不支持该文件或内容类型',
  429: '操作过于频繁，请稍后重试',
  500: '服务器内部错误，请稍后重试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
};
const OTHER = '请求未能完成，请稍后重试';
const FIELD_OTHER = '填写的内容不符合要求';

/** Has at least one Chinese character: text written for people, not a code or a library's English. */
const chinese = (text: unknown): text is string => typeof text === 'string' && /[\u3400-\u9fff]/.test(text);

/** Where the gateway says a field was sent (`querystring.q`, `params.id`, `body`) → the form field's name. */
export function fieldName(path: string): string {
  return path.replace(/^(querystring|params|headers|body)(\.|$)/, '');
}

/** The message for `status` when the answer says nothing readable. */
export function statusMessage(status: number): string {
  return BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500]! : OTHER);
}

/** What to show for an answer with `status` and (possibly) a problem+json body. */
export function shownProblem(status: number, body: unknown): ShownProblem {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as {
    code?: unknown;
    detail?: unknown;
    errors?: unknown;
  };
  const fields: Record<string, string> = {};
  if (Array.isArray(problem.errors)) {
    for (const e of problem.errors as { path?: unknown; message?: unknown }[]) {
      if (typeof e?.path !== 'string') continue;
      addField(fields, fieldName(e.path), chinese(e.message) ? e.message : FIELD_OTHER);
    }
  }
  return {
    status,
    code: typeof problem.code === 'string' ? problem.code : `HTTP_${status}`,
    message: chinese(problem.detail) ? problem.detail : statusMessage(status),
    fields,
  };
}

/** Puts `message` at field `name`, after what is already there (each message once). */
function addField(fields: Record<string, string>, name: string, message: string): void {
  fields[name] = fields[name] && fields[name] !== message ? `${fields[name]}；${message}` : message;
}

/** The server could not be reached at all (offline, DNS, a refused connection). */
export function networkProblem(): ShownProblem {
  return { status: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络后重试', fields: {} };
}

/** An API call that did not succeed; `message` is the Chinese text to show. */
export class ApiError extends Error {
  constructor(readonly problem: ShownProblem) {
    super(problem.message);
    this.name = 'ApiError';
  }
}

/**
 * `error` with its fields named by `rename` (a list item's violation, `reasons.0` or `attachmentIds[1]`, at the
 * form's one field for the list), the messages of fields that come to one name joined; anything else as it is.
 */
export function renameFields(error: unknown, rename: (name: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.problem.fields)) addField(fields, rename(name), message);
  return new ApiError({ ...error.problem, fields });
}

/** The message to show for anything thrown while calling the API or rendering its answer. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '页面出现错误，请刷新后重试';
}

/**
 * Splits a problem between the fields of a form (`known`: their dotted names) and what must be shown above it: the
 * fields get their own message; the general message, then every other field's message, go to `rest`.
 */
export function formErrors(
  problem: ShownProblem,
  known: readonly string[],
): { fields: { name: (string | number)[]; errors: string[] }[]; rest: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const [name, message] of Object.entries(problem.fields)) {
    if (known.includes(name)) {
      fields.push({ name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [message] });
    } else {
      rest.push(message);
    }
  }
  return { fields, rest: [problem.message, ...rest] };
}
