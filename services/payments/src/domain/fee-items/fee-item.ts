import type { Violation } from '@govhall/errors';
import { parseFormula } from '@govhall/money';
import { codeField, textField } from '../text-field';

/** 行政性收费 / 事业性收费 / 税 / 其他 (P2, P9). */
export type FeeCategory = 'administrative' | 'institutional' | 'tax' | 'other';
export const FEE_CATEGORIES: readonly FeeCategory[] = ['administrative', 'institutional', 'tax', 'other'];
/** The categories as a person reads them (the PDFs, the reports). */
export const FEE_CATEGORY_NAMES: Record<FeeCategory, string> = {
  administrative: '行政性收费',
  institutional: '事业性收费',
  tax: '税',
  other: '其他',
};

/** One entry of a tenant's fee register (收费项目管理系统, P11). */
export interface FeeItem {
  tenant: string;
  code: string;
  name: string;
  legalBasis: string;
  category: FeeCategory;
  /** Owning department (执收部门) and its codes: the money keeps its owner and purpose (三不变, P10). */
  department: string;
  collectingUnitCode: string;
  revenueCode: string;
  /** 收费标准 per unit in fen; 0 when `formula` gives the amount. */
  standardFen: number;
  unit: string;
  /** In yuan, over the case's form data (@govhall/money); '' for a fixed standard. */
  formula: string;
  active: boolean;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export type FeeItemInput = Omit<FeeItem, 'version' | 'updatedAt' | 'updatedBy'>;

export const FEE_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const UNIT_CODE = /^[A-Z0-9]{1,32}$/;
const DEPARTMENT = /^\d{6}(\d{3}(\d{3})?)?-[A-Z0-9]{2,20}$/;
/** The largest standard accepted: 10 million yuan. */
export const MAX_STANDARD_FEN = 1_000_000_000;

/** Checks an entry; answers it normalised, or the violations (Chinese, with the field). */
export function checkFeeItem(input: FeeItemInput): { item: FeeItemInput; violations: Violation[] } {
  const v: Violation[] = [];
  const code = codeField(v, 'code', input.code, '收费项目编码', FEE_CODE);
  const name = textField(v, 'name', input.name, { label: '收费项目名称', min: 1, max: 60 });
  const legalBasis = textField(v, 'legalBasis', input.legalBasis, {
    label: '收费依据',
    min: 1,
    max: 500,
    multiline: true,
  });
  if (!FEE_CATEGORIES.includes(input.category)) {
    v.push({ path: 'category', reason: 'REQUIRED', message: '请选择收费类别（行政性收费、事业性收费、税或其他）' });
  }
  const department = input.department.trim();
  if (!DEPARTMENT.test(department) || !department.startsWith(`${input.tenant}-`)) {
    v.push({ path: 'department', reason: 'PATTERN', message: '执收部门应为本级的部门编码，如 620321-ZRZY' });
  }
  const collectingUnitCode = codeField(v, 'collectingUnitCode', input.collectingUnitCode, '执收单位编码', UNIT_CODE);
  const revenueCode = codeField(v, 'revenueCode', input.revenueCode, '收入项目编码', UNIT_CODE);
  const unit = textField(v, 'unit', input.unit, { label: '计费单位', max: 10 });
  const formula = input.formula.trim();
  if (formula) {
    const parsed = parseFormula(formula);
    if (!parsed.ok) {
      v.push(...parsed.violations.map((p) => ({ path: 'formula', reason: p.reason, message: p.message })));
    }
    if (input.standardFen !== 0) {
      v.push({ path: 'standardFen', reason: 'FORMULA_AND_STANDARD', message: '按公式计费的项目不填收费标准' });
    }
  } else if (
    !Number.isSafeInteger(input.standardFen) ||
    input.standardFen <= 0 ||
    input.standardFen > MAX_STANDARD_FEN
  ) {
    v.push({ path: 'standardFen', reason: 'RANGE', message: '收费标准应为 0.01 元至 1000 万元（以分计的整数）' });
  }
  return {
    item: { ...input, code, name, legalBasis, department, collectingUnitCode, revenueCode, unit, formula },
    violations: v,
  };
}

/** The entry as stored after a create (expected version 0) or a replacement. */
export function putFeeItem(
  current: FeeItem | null,
  input: FeeItemInput,
  expectedVersion: number,
  by: string,
  at: Date,
): FeeItem {
  return { ...input, version: (current?.version ?? expectedVersion) + 1, updatedAt: at, updatedBy: by };
}
