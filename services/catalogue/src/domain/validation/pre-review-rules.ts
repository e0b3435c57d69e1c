import type { CompareOp, ItemContent, PreReviewRule, RuleKind } from '../item-content';
import { formHasField, parseJson } from './form';
import { validRegExp } from './json-schema';
import { duplicateIndexes, filled, Violations } from './violations';

export const RULE_KINDS: Record<RuleKind, string> = {
  field_compare: '字段比较',
  field_resident_id: '身份证号码校验',
  field_credit_code: '统一社会信用代码校验',
  material_present: '材料已提交',
  licence_valid: '证照有效',
};

export const COMPARE_OPS: Record<CompareOp, string> = {
  eq: 'eq（等于）',
  ne: 'ne（不等于）',
  gt: 'gt（大于）',
  gte: 'gte（大于等于）',
  lt: 'lt（小于）',
  lte: 'lte（小于等于）',
  in: 'in（属于）',
  not_in: 'not_in（不属于）',
  matches: 'matches（匹配正则）',
  present: 'present（已填写）',
  absent: 'absent（未填写）',
};

const FIELD_KINDS: ReadonlySet<RuleKind> = new Set(['field_compare', 'field_resident_id', 'field_credit_code']);

export function checkRulesShape(content: ItemContent, v: Violations): void {
  v.maxEntries('content.preReviewRules', content.preReviewRules, '预审规则', 200);
  content.preReviewRules.forEach((rule, i) => {
    const path = `content.preReviewRules.${i}`;
    v.maxLength(`${path}.id`, rule.id, '规则编号', 40);
    v.oneOf(`${path}.kind`, rule.kind, '规则类型', RULE_KINDS);
    v.maxLength(`${path}.field`, rule.field, '表单字段', 200);
    if (rule.op !== '') v.oneOf(`${path}.op`, rule.op, '比较运算', COMPARE_OPS);
    v.maxCharacters(`${path}.value`, rule.value, '比较值', 2000);
    v.maxLength(`${path}.materialId`, rule.materialId, '材料编号', 40);
    v.maxLength(`${path}.licenceType`, rule.licenceType, '证照类型', 60);
    v.maxLength(`${path}.message`, rule.message, '提示信息', 500);
  });
  for (const i of duplicateIndexes(content.preReviewRules, (r) => r.id)) {
    v.add(`content.preReviewRules.${i}.id`, 'DUPLICATE', `规则编号“${content.preReviewRules[i]?.id}”重复`);
  }
}

/**
 * Each rule has what its kind needs, and refers to things that exist: a form field (when the form schema is
 * usable, `schema` given) or a material of this item.
 */
export function checkRulesComplete(
  content: ItemContent,
  schema: Record<string, unknown> | undefined,
  v: Violations,
): void {
  const materialIds = new Set(content.materials.map((m) => m.id).filter(filled));
  content.preReviewRules.forEach((rule, i) => {
    const path = `content.preReviewRules.${i}`;
    if (!filled(rule.id)) v.add(`${path}.id`, 'REQUIRED', '请填写规则编号');
    if (!filled(rule.message)) v.add(`${path}.message`, 'REQUIRED', '请填写规则未通过时向申请人显示的提示信息');
    if (FIELD_KINDS.has(rule.kind)) checkField(rule, path, schema, v);
    if (rule.kind === 'field_compare') checkComparison(rule, path, v);
    if (rule.kind === 'material_present') {
      if (!filled(rule.materialId)) v.add(`${path}.materialId`, 'REQUIRED', '请选择需要提交的材料');
      else if (!materialIds.has(rule.materialId)) {
        v.add(`${path}.materialId`, 'UNKNOWN_MATERIAL', `本事项没有编号为“${rule.materialId}”的申请材料`);
      }
    }
    if (rule.kind === 'licence_valid' && !filled(rule.licenceType)) {
      v.add(`${path}.licenceType`, 'REQUIRED', '请填写需要核验的证照类型');
    }
  });
}

function checkField(rule: PreReviewRule, path: string, schema: Record<string, unknown> | undefined, v: Violations) {
  if (!filled(rule.field)) v.add(`${path}.field`, 'REQUIRED', '请填写规则检查的表单字段');
  else if (schema && !formHasField(schema, rule.field)) {
    v.add(
      `${path}.field`,
      'UNKNOWN_FIELD',
      `申请表单中没有字段“${rule.field}”（多级字段用“.”分隔，如 applicant.idNumber）`,
    );
  }
}

function checkComparison(rule: PreReviewRule, path: string, v: Violations): void {
  if (rule.op === '') return v.add(`${path}.op`, 'REQUIRED', '请选择比较运算');
  if (rule.op === 'present' || rule.op === 'absent') return;
  if (!filled(rule.value))
    return v.add(`${path}.value`, 'REQUIRED', '请填写比较值（JSON 格式，如 100、"个体"、["A","B"]）');
  const parsed = parseJson(rule.value);
  if (!parsed.ok) {
    return v.add(`${path}.value`, 'JSON_PARSE', '比较值应为 JSON 格式：数字如 100，文字需加双引号如 "个体"');
  }
  const value = parsed.value;
  if ((rule.op === 'in' || rule.op === 'not_in') && !Array.isArray(value)) {
    v.add(`${path}.value`, 'VALUE_NOT_LIST', '“属于/不属于”比较的值应为 JSON 数组，如 ["A","B"]');
  }
  if (rule.op === 'matches' && !(typeof value === 'string' && validRegExp(value))) {
    v.add(`${path}.value`, 'VALUE_NOT_PATTERN', '“匹配正则”比较的值应为带双引号的有效正则表达式，如 "^62"');
  }
  if (['gt', 'gte', 'lt', 'lte'].includes(rule.op) && typeof value !== 'number' && typeof value !== 'string') {
    v.add(`${path}.value`, 'VALUE_NOT_ORDERED', '大小比较的值应为数字或日期文字（如 100 或 "2026-01-01"）');
  }
}
