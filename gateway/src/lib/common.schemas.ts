import { Type, type TArray, type TSchema } from '@sinclair/typebox';

/**
 * The one problem+json body (RFC 9457) every error answer carries, as lib/problem.ts builds it and
 * plugins/app/problem-details.ts sends it. lib/error-responses.ts documents it on every route.
 */
export const ProblemResponse = Type.Object(
  {
    type: Type.String({ description: '问题类型 URI，如 https://govhall.gov.cn/problems/validation-failed' }),
    title: Type.String({ description: '按状态码的简短标题（中文）' }),
    status: Type.Integer({ minimum: 400, maximum: 599, description: 'HTTP 状态码' }),
    detail: Type.String({ description: '给人看的说明（中文）' }),
    code: Type.String({ pattern: '^[A-Z0-9_]+$', description: '稳定的错误代码，如 VALIDATION_FAILED、ITEM_NOT_FOUND' }),
    instance: Type.Optional(Type.String({ description: '出错的请求路径' })),
    requestId: Type.Optional(Type.String({ description: '请求标识（与响应头 x-request-id 相同）' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({
            description: '出错字段的路径，如 basicCode、content.materials.2.name、querystring.tenant',
          }),
          message: Type.String({ description: '错在哪里、怎样改（中文）' }),
          reason: Type.Optional(Type.String({ description: '稳定的原因代码，如 REQUIRED、PATTERN、TYPE' })),
        }),
        { description: '逐字段的问题（校验失败时）' },
      ),
    ),
    currentStatus: Type.Optional(
      Type.String({ description: '状态不允许此操作时（WRONG_STATE）对象的当前状态，如 processing' }),
    ),
  },
  { description: 'RFC 9457 问题详情（application/problem+json）' },
);

/** Problem answers a route documents beyond the standard ones (lib/error-responses.ts), e.g. problems(409). */
export function problems<C extends number>(...codes: C[]): Record<C, typeof ProblemResponse> {
  return Object.fromEntries(codes.map((c) => [c, ProblemResponse])) as Record<C, typeof ProblemResponse>;
}

/** The Chinese explanation of each named pattern, for the violation a value that does not match it gets. */
const PATTERN_HINTS = new Map<string, string>();

/**
 * A pattern with the Chinese message a caller reads when a value does not match it (lib/ajv-violations.ts looks the
 * message up by the pattern Ajv reports): "身份证号码应为18位…" rather than a bare "格式不正确".
 */
export function hintedPattern(pattern: string, hint: string): string {
  PATTERN_HINTS.set(pattern, hint);
  return pattern;
}

/** The message registered for `pattern` by hintedPattern, if any. */
export const patternHint = (pattern: string): string | undefined => PATTERN_HINTS.get(pattern);

/*
 * Shapes exactly as strict as the services' own checks (packages/identifiers, packages/calendar), so that a request
 * the document calls valid is never refused for its shape; what no pattern can say (check characters, whether a
 * code exists, a department's tenant) the services check and answer with the violation's path.
 */
/** A province-level prefix of GB/T 2260 (region-code.ts PROVINCES). */
const PROVINCE = '(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])';
const NONZERO2 = '(?:0[1-9]|[1-9]\\d)';
const NONZERO3 = '(?:00[1-9]|0[1-9]\\d|[1-9]\\d\\d)';
/**
 * Region code as parseRegionCode accepts it: a province (xx0000), a city (xxyy00), a district or county (6 digits),
 * a town (9) or a village (12), each under a county-level code.
 */
export const REGION_CODE_BODY = `${PROVINCE}(?:0000|${NONZERO2}\\d\\d|${NONZERO2}{2}${NONZERO3}{1,2})`;
export const REGION_CODE = hintedPattern(
  `^${REGION_CODE_BODY}$`,
  '应为有效的行政区划代码（6、9或12位数字，如 620321），省、市、县各级代码不能为00',
);
/**
 * A day that exists, YYYY-MM-DD from 0001-01-01, as isRealDate (packages/calendar) accepts: `format: date` checks the
 * shape and the day of the month (no 02-30), this pattern rules out the year 0000 that the format allows. Each
 * refuses what the other lets through, so a bad date gives one violation.
 */
export const DATE_YEAR = hintedPattern(
  '^(?:000[1-9]|00[1-9]\\d|0[1-9]\\d{2}|[1-9]\\d{3})-',
  '日期应为 YYYY-MM-DD，年份从 0001 起',
);
/** A lower-case UUID, as the services generate and check record identifiers. */
export const UUID = hintedPattern(
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  '应为记录标识（小写 UUID，如 0f8c3a52-6d1e-4b7a-9c2d-5e4f3a2b1c0d）',
);
/** `<region>-<code>`, the code 2 to `maxCodeLength` of A-Z0-9 (each service says how long its codes may be). */
export const departmentCodePattern = (maxCodeLength: number, code = `[A-Z0-9]{2,${maxCodeLength}}`) =>
  hintedPattern(
    `^${REGION_CODE_BODY}-${code}$`,
    '应为部门编码“行政区划代码-部门简称”（简称为大写字母或数字），如 620321-SCJG',
  );

/*
 * Human-entered text as the shared rule checks it (packages/identifiers text.ts, ADR 0013), as far as a pattern can
 * say it: no control characters (a multi-line text allows line breaks), no bidi controls, no zero-width or other
 * invisible characters, not blank, and at least `min` characters once the white space around it is trimmed. What
 * a pattern cannot say: the length after NFC normalisation (a decomposed "é" counts one), lone surrogates, and
 * characters of the supplementary planes that are non-characters or default-ignorable; the services check those.
 */
/**
 * Refused anywhere: C0 (but LF and CR in multi-line text), DEL, C1, U+2028/9, the basic plane's non-characters.
 * Lone surrogates are left to the services: a pattern naming them cannot be compiled by validators outside
 * JavaScript (schemathesis' Rust one refuses the whole pattern, and then generates as if there were none).
 */
const controls = (multiline: boolean) =>
  `${multiline ? '\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f' : '\\u0000-\\u001f'}` +
  '\\u007f-\\u009f\\u2028\\u2029\\ufdd0-\\ufdef\\ufffe\\uffff';
/** Bidi controls and invisible characters (text.ts BIDI and INVISIBLE). */
const BIDI_AND_INVISIBLE =
  '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u115f\\u1160\\u180e\\u200b\\u2060-\\u2064\\u3164\\ufeff\\uffa0';
/** White space String.prototype.trim removes that is not refused anyway (LF and CR only in multi-line text). */
const padding = (multiline: boolean) =>
  `${multiline ? '\\n\\r' : ''} \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000`;
/** Default-ignorable characters of the basic plane: text of these alone is blank, so none may start the text. */
const IGNORABLE =
  '\\u00ad\\u034f\\u17b4\\u17b5\\u180b-\\u180f\\u200c\\u200d\\u2065-\\u206f\\ufe00-\\ufe0f\\ufff0-\\ufff8';

/** The pattern of a text of at least `min` (0, 1 or 2) characters after trimming; lengths bound it from above. */
export function safeTextPattern(min: 0 | 1 | 2, multiline = false): string {
  const refused = controls(multiline) + BIDI_AND_INVISIBLE;
  const pad = padding(multiline);
  const any = `[^${refused}]`;
  const solid = `[^${refused}${pad}]`;
  const visible = `[^${refused}${pad}${IGNORABLE}]`;
  // The text proper starts with a visible character (so it is not blank, without a lookahead that generators
  // can only satisfy by filtering) and ends with one that is not white space.
  const core = min === 2 ? `${visible}${any}*${solid}` : `${visible}(?:${any}*${solid})?`;
  const text = `[${pad}]*${core}[${pad}]*`;
  return hintedPattern(
    min === 0 ? `^(?:[${pad}]*|${text})$` : `^${text}$`,
    `${min === 2 ? '去掉首尾空格后至少2个字符，' : ''}不能只有空格或不可见字符，` +
      `不能包含控制字符${multiline ? '（换行除外）' : '、换行'}、文字方向控制符或零宽空格等不可见字符`,
  );
}

/**
 * A human-entered name or text: `min` to `max` characters (code points), the shared text rule as a pattern. `min`
 * 0 is an optional text (empty or only spaces is "none"); the service counts after trimming, the schema before, so
 * the schema is the stricter of the two on `maxLength`.
 */
export const SafeText = (min: 0 | 1 | 2, max: number, description: string, multiline = false) =>
  Type.String({
    ...(min > 0 ? { minLength: min } : {}),
    maxLength: max,
    pattern: safeTextPattern(min, multiline),
    description,
  });

export const RegionCode = (description: string) => Type.String({ pattern: REGION_CODE, description });
export const DateString = (description: string) => Type.String({ format: 'date', pattern: DATE_YEAR, description });
export const Timestamp = Type.String({ format: 'date-time' });

export const PageQuery = {
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每页条数，默认20' })),
  pageToken: Type.Optional(Type.String({ maxLength: 512, description: '上一页返回的 nextPageToken' })),
};
const NextPageToken = Type.Optional(Type.String({ description: '下一页的 pageToken；最后一页没有' }));
const Total = Type.Integer({ description: '总条数' });

/** A page of `key`: { [key]: T[], nextPageToken?, total }. */
export const pageOf = <K extends string, T extends TSchema>(key: K, item: T) =>
  Type.Object({
    ...({ [key]: Type.Array(item) } as { [P in K]: TArray<T> }),
    nextPageToken: NextPageToken,
    total: Total,
  });
