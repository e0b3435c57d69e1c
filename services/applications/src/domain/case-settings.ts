import type { Violation } from '@govhall/errors';
import { checkText } from '@govhall/identifiers';
import type { EditionRule } from './edition';

/** A tenant's case rules (domain.md "(config)" numbers and the seed's decisions). */
export interface CaseSettings {
  tenant: string;
  /** Tenant-wide common pre-review rules (A20), applied before each item's own. */
  commonRules: EditionRule[];
  /** Decision 1: working days a counter one-time notice may come after the visit (0 = the same visit). */
  counterNoticeWorkingDays: number;
  /** Decision 2: the center reviews extensions after the department head. */
  extensionCenterReview: boolean;
  /**
   * When the hall closes, Beijing time HH:MM (seed 篇一: 9:00–12:00, 13:00–17:00). A receipt at or after it counts as
   * received the next day; extended hours (延时服务制, A34) are a later closing time.
   */
  hallClosesAt: string;
  /** 0 while nothing is stored (the defaults); +1 on every update. */
  version: number;
}

export function defaultCaseSettings(tenant: string): CaseSettings {
  return {
    tenant,
    commonRules: [],
    counterNoticeWorkingDays: 0,
    extensionCenterReview: true,
    hallClosesAt: DEFAULT_HALL_CLOSES_AT,
    version: 0,
  };
}

/** The county hall's closing time (seed 篇一 L69: 下午上班时间为13:00至17:00). */
export const DEFAULT_HALL_CLOSES_AT = '17:00';
/** 12:00 (a half-day hall) to 24:00 (extended to midnight). */
const HALL_CLOSES_AT = /^(1[2-9]|2[0-3]):[0-5]\d$|^24:00$/;

/** The hall hours @govhall/calendar's receivedDate takes. */
export function hallHours(s: Pick<CaseSettings, 'hallClosesAt'>): { closesAt: string } {
  return { closesAt: s.hallClosesAt || DEFAULT_HALL_CLOSES_AT };
}

const RULE_KINDS: Record<string, string> = {
  field_compare: '字段比较',
  field_resident_id: '身份证号码校验',
  field_credit_code: '统一社会信用代码校验',
  material_present: '材料已提交',
  licence_valid: '证照有效',
};
const COMPARE_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'matches', 'present', 'absent'];
const RULE_ID = /^[A-Za-z0-9_-]{1,40}$/;
const MATERIAL_ID = /^[a-z][a-z0-9-]{1,39}$/;
/** A dotted form path: applicant.idNumber, owners.0.name. */
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|\d+)){0,9}$/;

function parsed(text: string): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The common rules as the catalogue checks an item's rules (kinds, operators, JSON values, what each kind needs),
 * except that a common rule cannot be checked against one item's form or materials: a rule naming a field or a
 * material an item does not have simply does not hold / apply for that item.
 */
export function caseSettingsViolations(s: CaseSettings): Violation[] {
  const v: Violation[] = [];
  const add = (path: string, reason: string, message: string) => v.push({ path, reason, message });
  if (
    !Number.isInteger(s.counterNoticeWorkingDays) ||
    s.counterNoticeWorkingDays < 0 ||
    s.counterNoticeWorkingDays > 5
  ) {
    add('settings.counterNoticeWorkingDays', 'RANGE', '窗口一次性告知期限应为0至5个工作日（0为当场告知）');
  }
  if (!HALL_CLOSES_AT.test(s.hallClosesAt)) {
    add(
      'settings.hallClosesAt',
      'PATTERN',
      '大厅下班时间应为北京时间“时:分”，在12:00至24:00之间，如 17:00（延时服务可推后）',
    );
  }
  if (s.commonRules.length > 100) add('settings.commonRules', 'TOO_MANY', '公共预审规则不能超过100条');
  const ids = new Set<string>();
  s.commonRules.forEach((r, i) => {
    const path = `settings.commonRules.${i}`;
    if (!RULE_ID.test(r.id)) add(`${path}.id`, 'PATTERN', '规则编号应为1至40位字母、数字、下划线或连字符');
    else if (ids.has(r.id)) add(`${path}.id`, 'DUPLICATE', `规则编号“${r.id}”重复`);
    ids.add(r.id);
    if (!Object.hasOwn(RULE_KINDS, r.kind)) {
      add(`${path}.kind`, 'ENUM', `规则类型应为以下之一：${Object.values(RULE_KINDS).join('、')}`);
    }
    const message = checkText(r.message, { label: '提示信息', min: 1, max: 500 });
    if (!message.ok) v.push({ path: `${path}.message`, ...message.violation });
    if (r.kind.startsWith('field_') && !FIELD.test(r.field)) {
      add(`${path}.field`, 'PATTERN', '请填写规则检查的表单字段（多级字段用“.”分隔，如 applicant.idNumber）');
    }
    if (r.kind === 'field_compare') {
      if (!COMPARE_OPS.includes(r.op)) add(`${path}.op`, 'ENUM', `比较运算应为以下之一：${COMPARE_OPS.join('、')}`);
      else if (r.op !== 'present' && r.op !== 'absent') {
        const value = parsed(r.value);
        if (!value.ok) {
          add(`${path}.value`, 'JSON_PARSE', '比较值应为 JSON 格式：数字如 100，文字需加双引号如 "个体"');
        } else if ((r.op === 'in' || r.op === 'not_in') && !Array.isArray(value.value)) {
          add(`${path}.value`, 'VALUE_NOT_LIST', '“属于/不属于”比较的值应为 JSON 数组，如 ["A","B"]');
        } else if (r.op === 'matches' && !validPattern(value.value)) {
          add(`${path}.value`, 'VALUE_NOT_PATTERN', '“匹配正则”比较的值应为带双引号的有效正则表达式，如 "^62"');
        }
      }
    }
    if (r.kind === 'material_present' && !MATERIAL_ID.test(r.materialId)) {
      add(`${path}.materialId`, 'PATTERN', '请填写需要提交的材料编号，如 business-licence');
    }
    if (r.kind === 'licence_valid' && !checkText(r.licenceType, { label: '证照类型', min: 1, max: 60 }).ok) {
      add(`${path}.licenceType`, 'REQUIRED', '请填写需要核验的证照类型');
    }
  });
  return v;
}

function validPattern(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}
