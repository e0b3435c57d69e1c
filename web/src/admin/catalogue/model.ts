import type { paths } from '../../api/schema';

/*
 * The catalogue area's shapes (named from the generated client, never written by hand) and its logic without a
 * browser: the Chinese names of the 实施清单's fields, where an API error path goes in the editor, and the edition
 * diff as people read it.
 */

type ItemPath = paths['/api/v1/catalogue/items/{id}'];
export type Item = ItemPath['get']['responses'][200]['content']['application/json'];
export type ItemContent = NonNullable<Item['content']>;
export type ItemUpdate = NonNullable<ItemPath['put']['requestBody']>['content']['application/json'];
export type ItemStatus = Item['status'];
export type ItemListPage = paths['/api/v1/catalogue/items']['get']['responses'][200]['content']['application/json'];
export type ItemRow = ItemListPage['items'][number];
export type DiffChange =
  paths['/api/v1/catalogue/items/{from}/diff/{to}']['get']['responses'][200]['content']['application/json']['changes'][number];
export type RuleKind = ItemContent['preReviewRules'][number]['kind'];

export const ITEM_STATUS: Record<ItemStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  superseded: '已被新版本替代',
  retired: '已停用',
};

export const ITEM_STATUS_COLOR: Record<ItemStatus, string> = {
  draft: 'orange',
  submitted: 'blue',
  published: 'green',
  superseded: 'default',
  retired: 'default',
};

export const RULE_KIND: Record<RuleKind, string> = {
  field_compare: '字段比较',
  field_resident_id: '居民身份证号码校验',
  field_credit_code: '统一社会信用代码校验',
  material_present: '材料已提交',
  licence_valid: '证照有效',
};

export const RULE_OPS: readonly (readonly [string, string])[] = [
  ['eq', '等于'],
  ['ne', '不等于'],
  ['gt', '大于'],
  ['gte', '大于等于'],
  ['lt', '小于'],
  ['lte', '小于等于'],
  ['in', '属于（列表）'],
  ['not_in', '不属于（列表）'],
  ['matches', '符合正则表达式'],
  ['present', '已填写'],
  ['absent', '未填写'],
];

export const LEVELS: readonly (readonly [number, string])[] = [
  [1, '国家级'],
  [2, '省级'],
  [3, '市级'],
  [4, '县级'],
  [5, '乡镇级'],
  [6, '村级'],
];

export const FILE_FORMATS = ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx'] as const;

/** A draft's content with every field at its empty value (a first edition's content may be absent). */
export function emptyContent(): ItemContent {
  return {
    implementationCode: '',
    localCodes: [],
    level: 0,
    serviceObject: 'both',
    acceptanceConditions: [],
    promiseExceptionReason: '',
    visits: 0,
    onlineDepth: 'disclosure_only',
    deliveryOptions: [],
    coDepartments: [],
    legalBases: [],
    materials: [],
    form: { jsonSchema: '', uiSchema: '' },
    preReviewRules: [],
    statutoryLimit: { days: 0, unit: 'working_day' },
    promisedLimit: { days: 0, unit: 'working_day' },
    specialProcedures: [],
    fees: [],
    workflow: [],
    location: { windowLocation: '', hours: '', consultationPhone: '', complaintPhone: '' },
    faq: [],
  };
}

/** The editor's values: the identity fields and the content. */
export interface EditorValues {
  name: string;
  basicCode: string;
  kind: string;
  handlingCategory: Item['handlingCategory'];
  department: string;
  content: ItemContent;
}

export function editorValues(item: Item): EditorValues {
  return {
    name: item.name,
    basicCode: item.basicCode,
    kind: item.kind,
    handlingCategory: item.handlingCategory,
    department: item.department,
    content: { ...emptyContent(), ...structuredClone(item.content ?? {}) },
  };
}

/** The editor's tabs, and which one holds a field (its dotted name). */
export type EditorTab = 'basic' | 'conditions' | 'materials' | 'limits' | 'workflow' | 'service' | 'form' | 'rules';

const TAB_OF_CONTENT: Record<string, EditorTab> = {
  legalBases: 'conditions',
  acceptanceConditions: 'conditions',
  materials: 'materials',
  statutoryLimit: 'limits',
  promisedLimit: 'limits',
  promiseExceptionReason: 'limits',
  visits: 'limits',
  specialProcedures: 'limits',
  fees: 'limits',
  workflow: 'workflow',
  location: 'service',
  faq: 'service',
  form: 'form',
  preReviewRules: 'rules',
};

export function tabOf(path: string): EditorTab {
  const [first, second] = path.split('.');
  if (first !== 'content' || !second) return 'basic';
  return TAB_OF_CONTENT[second] ?? 'basic';
}

export interface PlacedErrors {
  /** Errors at a field of the form: its name path and messages. */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Messages with no field to stand at (shown above the form). */
  rest: string[];
}

const namePath = (dotted: string) => dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts each per-field message of a problem (`content.materials.2.name` → its message) at the form field it names,
 * or else at the closest field above it (a schema error `content.form.jsonSchema.properties.age.type` goes to the
 * schema's editor, with the place inside the schema in front of the message). Messages with no field go to `rest`.
 */
export function placeErrors(problemFields: Record<string, string>, known: readonly string[]): PlacedErrors {
  const byName = new Map<string, string[]>();
  const rest: string[] = [];
  for (const [path, message] of Object.entries(problemFields)) {
    let target: string | undefined;
    if (known.includes(path)) target = path;
    else {
      target = known
        .filter((k) => path.startsWith(`${k}.`))
        .reduce<string | undefined>((best, k) => (!best || k.length > best.length ? k : best), undefined);
    }
    if (!target) {
      rest.push(`${fieldLabel(path)}：${message}`);
      continue;
    }
    const inner = path.slice(target.length + 1);
    // The place inside is put in front unless the message already names it.
    const text = inner && !message.includes(inner) ? `${inner}：${message}` : message;
    byName.set(target, [...(byName.get(target) ?? []), text]);
  }
  return { fields: [...byName].map(([name, errors]) => ({ name: namePath(name), errors })), rest };
}

const SEGMENT: Record<string, string> = {
  name: '名称',
  basicCode: '基本编码',
  kind: '类型',
  handlingCategory: '办件类型',
  department: '实施部门',
  implementationCode: '实施编码',
  localCodes: '地方编码',
  level: '层级',
  serviceObject: '服务对象',
  legalBases: '设定依据',
  law: '法律法规名称',
  article: '条款',
  text: '条文',
  acceptanceConditions: '受理条件',
  materials: '申请材料',
  id: '标识',
  required: '是否必需',
  condition: '提交情形',
  originalCount: '原件份数',
  copyCount: '复印件份数',
  formats: '电子件格式',
  maxSizeKb: '大小上限（KB）',
  blankFormFileId: '空白表格',
  sampleFileId: '示范文本',
  notes: '备注',
  satisfiedByLicenceType: '可由证照代替',
  jsonSchema: '表单结构（JSON Schema）',
  uiSchema: '界面描述（UI Schema）',
  preReviewRules: '预审规则',
  field: '表单字段',
  op: '比较运算',
  value: '比较值',
  materialId: '材料标识',
  licenceType: '证照类型',
  message: '提示',
  statutoryLimit: '法定办结时限',
  promisedLimit: '承诺办结时限',
  days: '天数',
  unit: '单位',
  promiseExceptionReason: '承诺时限超过法定时限70%的理由',
  visits: '到现场次数',
  specialProcedures: '特别程序',
  planned: '计划时限',
  legalBasis: '依据',
  fees: '收费项目',
  amountFen: '金额（分）',
  formula: '计算公式',
  reductions: '减免政策',
  feeCode: '收费项目库编码',
  workflow: '办理流程',
  role: '办理角色',
  budgetWorkingDays: '环节时限（工作日）',
  responsibleName: '责任人',
  responsiblePhone: '责任人电话',
  location: '办理地点',
  windowLocation: '窗口位置',
  hours: '办理时间',
  consultationPhone: '咨询电话',
  complaintPhone: '投诉电话',
  onlineDepth: '网办深度',
  deliveryOptions: '送达方式',
  faq: '常见问题',
  question: '问题',
  answer: '解答',
  coDepartments: '协办部门',
};

/** Where a dotted path points, in words: `content.materials.2.name` → 申请材料 › 第3项 › 名称. */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'content') parts.shift();
  const words: string[] = [];
  for (const [i, p] of parts.entries()) {
    if (/^\d+$/.test(p)) words.push(`第${Number(p) + 1}项`);
    else if (p === 'name' && i === 0) words.push('事项名称');
    else if (p === 'kind' && i === 0) words.push('事项类型');
    else if (p === 'kind') words.push('规则类型');
    else if (p === 'form') words.push(i === 0 ? '电子表单' : '材料形式');
    else if (p === 'jsonSchema' || p === 'uiSchema') {
      words.push(SEGMENT[p]!);
      if (i + 1 < parts.length) words.push(parts.slice(i + 1).join('.'));
      break;
    } else words.push(SEGMENT[p] ?? p);
  }
  return words.join(' › ');
}

/** A diff value as text: strings as they are, JSON text pretty-printed, anything else as JSON. */
export function shownValue(value: unknown): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        return JSON.stringify(JSON.parse(t), null, 2);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return JSON.stringify(value, null, 2);
}

export interface DiffLine {
  /** `same` unchanged, `removed` only before, `added` only after. */
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** A line diff (longest common subsequence) of two texts, for the long values of a change (the form's schema). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      lines.push({ kind: 'removed', text: a[i++]! });
    } else {
      lines.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < n) lines.push({ kind: 'removed', text: a[i++]! });
  while (j < m) lines.push({ kind: 'added', text: b[j++]! });
  return lines;
}

/** JSON text parsed, or where it is broken in words (Chinese, with the line and column when the engine says). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    const lineCol = /line (\d+) column (\d+)/.exec(detail);
    const position = /position (\d+)/.exec(detail);
    let where = '';
    if (lineCol) where = `（第 ${lineCol[1]} 行第 ${lineCol[2]} 列附近）`;
    else if (position) {
      const upTo = text.slice(0, Number(position[1]));
      const line = upTo.split('\n').length;
      const column = upTo.length - upTo.lastIndexOf('\n');
      where = `（第 ${line} 行第 ${column} 列附近）`;
    } else if (/end of (JSON )?input/i.test(detail)) where = '（内容不完整，缺少结尾的括号或引号）';
    else {
      // V8 names the token but not where it is.
      const token = /Unexpected token '?(.)'?/.exec(detail) ?? /Unexpected (?:non-whitespace )?character/.exec(detail);
      if (token?.[1]) where = `（“${token[1]}”处有误）`;
    }
    return { ok: false, message: `不是有效的 JSON${where}，请检查括号、引号和逗号` };
  }
}

/** The dotted paths of the fields of a form's JSON Schema (objects' properties and array items), for rule fields. */
export function schemaFieldPaths(schema: unknown, prefix = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { properties?: Record<string, unknown>; items?: unknown };
  const paths: string[] = [];
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const inner = schemaFieldPaths(sub, path);
    if (inner.length === 0) paths.push(path);
    else paths.push(...inner);
  }
  if (s.items) paths.push(...schemaFieldPaths(s.items, prefix));
  return paths;
}

/**
 * The media type of a blank form or sample by its name's extension: the types the catalogue takes (FILE_TYPES of
 * @govhall/content, which the browser cannot import: it reads content with Node's Buffer; a unit test keeps the two
 * the same).
 */
export const ITEM_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  ofd: 'application/ofd',
};

/** The media type to send a file as (its extension's; the catalogue checks the content against it). */
export function itemFileType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return ITEM_FILE_TYPES[dot > 0 ? fileName.slice(dot + 1).toLowerCase() : ''] ?? 'application/octet-stream';
}
