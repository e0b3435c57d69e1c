import { parseCreditCode, parseResidentIdNumber } from '@govhall/identifiers';
import type { Problem, ProvidedMaterial } from '../case';
import type { EditionRule } from '../edition';

/**
 * The automatic pre-review (A20): the tenant's common rules, then the item's own, each stating what must hold; a
 * rule that does not hold is a problem carrying the rule's message. Required materials with neither a file nor a
 * valid cited licence are problems too. Pure: the case's form data (parsed) and materials in, problems out.
 */
export interface PreReviewInput {
  commonRules: readonly EditionRule[];
  itemRules: readonly EditionRule[];
  formData: unknown;
  materials: readonly ProvidedMaterial[];
  /** The day of the review (YYYY-MM-DD), for ID numbers born "in the future". */
  today: Date;
}

/** A material is provided by a file or by a valid licence cited from the e-licence library (A18). */
export function materialProvided(m: ProvidedMaterial): boolean {
  return m.files.length > 0 || m.licence?.valid === true;
}

/** The value at a dotted path of the form data (undefined when any step is missing). */
export function fieldValue(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    if (Array.isArray(at)) {
      if (!/^\d+$/.test(key)) return undefined;
      at = at[Number(key)];
    } else {
      if (!Object.hasOwn(at, key)) return undefined;
      at = (at as Record<string, unknown>)[key];
    }
  }
  return at;
}

function filledValue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function parseLiteral(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Numbers compare as numbers, text (dates "2026-01-01") as text; anything else does not compare. */
function order(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'number' && a.trim() !== '' && Number.isFinite(Number(a))) {
    return Number(a) - b;
  }
  return undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a field_compare rule holds for `actual`. */
export function compareHolds(op: string, actual: unknown, valueText: string): boolean {
  if (op === 'present') return filledValue(actual);
  if (op === 'absent') return !filledValue(actual);
  if (actual === undefined || actual === null) return false;
  const expected = parseLiteral(valueText);
  switch (op) {
    case 'eq':
      return same(actual, expected);
    case 'ne':
      return !same(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((e) => same(actual, e));
    case 'not_in':
      return Array.isArray(expected) && !expected.some((e) => same(actual, e));
    case 'matches':
      try {
        return typeof expected === 'string' && new RegExp(expected, 'u').test(String(actual));
      } catch {
        return false;
      }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const d = order(actual, expected);
      if (d === undefined) return false;
      return op === 'gt' ? d > 0 : op === 'gte' ? d >= 0 : op === 'lt' ? d < 0 : d <= 0;
    }
    default:
      return false;
  }
}

function ruleHolds(rule: EditionRule, input: PreReviewInput): boolean {
  switch (rule.kind) {
    case 'field_compare':
      return compareHolds(rule.op, fieldValue(input.formData, rule.field), rule.value);
    case 'field_resident_id': {
      const v = fieldValue(input.formData, rule.field);
      return typeof v === 'string' && parseResidentIdNumber(v, input.today).ok;
    }
    case 'field_credit_code': {
      const v = fieldValue(input.formData, rule.field);
      return typeof v === 'string' && parseCreditCode(v).ok;
    }
    case 'material_present': {
      const m = input.materials.find((x) => x.materialId === rule.materialId);
      // A common rule naming a material this item does not have does not apply to it.
      return m === undefined || materialProvided(m);
    }
    case 'licence_valid': {
      const cited = input.materials.filter(
        (m) =>
          m.licence &&
          (rule.materialId ? m.materialId === rule.materialId : m.licence.licenceType === rule.licenceType),
      );
      // Only a licence the applicant chose to cite is checked; an uploaded file stands in for it otherwise.
      return cited.every((m) => m.licence!.valid);
    }
    default:
      return true;
  }
}

function problemOf(rule: EditionRule): Problem {
  return {
    ruleId: rule.id,
    field: rule.kind.startsWith('field_') ? rule.field : '',
    materialId: rule.materialId,
    message: rule.message,
  };
}

/** Every problem of the case: the common rules', the item's, then each required material not provided. */
export function preReview(input: PreReviewInput): Problem[] {
  const problems: Problem[] = [];
  for (const rule of [...input.commonRules, ...input.itemRules]) {
    if (!ruleHolds(rule, input)) problems.push(problemOf(rule));
  }
  for (const m of input.materials) {
    if (!m.required || materialProvided(m)) continue;
    if (problems.some((p) => p.materialId === m.materialId)) continue;
    problems.push({
      ruleId: '',
      field: '',
      materialId: m.materialId,
      message: `缺少必交材料“${m.name}”，请上传或引用电子证照`,
    });
  }
  return problems;
}
