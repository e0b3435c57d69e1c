import { parseCreditCode, parseRegionCode, type RegionLevel } from '@govhall/identifiers';
import type { ItemContent } from '../item-content';
import { Violations } from './violations';

/** Item levels (事项层级) and their Chinese names: 1 national … 6 village. */
export const ITEM_LEVELS = {
  1: '国家级',
  2: '省级',
  3: '市级',
  4: '县级',
  5: '乡镇（街道）级',
  6: '村（社区）级',
} as const satisfies Record<number, string>;
export type ItemLevel = keyof typeof ITEM_LEVELS;

const LEVEL_OF_REGION: Record<RegionLevel, ItemLevel> = {
  province: 2,
  city: 3,
  district: 4,
  county: 4,
  town: 5,
  village: 6,
};

/** The level an item implemented by `tenant` must carry; undefined when the tenant is not a region code. */
export function itemLevelOfTenant(tenant: string): ItemLevel | undefined {
  const region = parseRegionCode(tenant);
  return region.ok ? LEVEL_OF_REGION[region.value.level] : undefined;
}

const CREDIT_CODE_LENGTH = 18;
const BASIC_CODE_LENGTH = 12;
const IMPLEMENTATION_CODE_LENGTH = CREDIT_CODE_LENGTH + 1 + BASIC_CODE_LENGTH;
const MAX_LOCAL_CODE = 40;
const MAX_LOCAL_CODES = 10;

/** Draft-time checks: lengths and integer ranges only (0 = level not chosen yet). */
export function checkCodesShape(content: ItemContent, v: Violations): void {
  const code = content.implementationCode;
  v.maxLength('content.implementationCode', code, '实施编码', IMPLEMENTATION_CODE_LENGTH);
  v.maxEntries('content.localCodes', content.localCodes, '地方编码', MAX_LOCAL_CODES);
  content.localCodes.forEach((local, i) => v.requireText(`content.localCodes.${i}`, local, '地方编码', MAX_LOCAL_CODE));
  v.integerIn('content.level', content.level, '事项层级', 0, 6);
}

/**
 * 实施编码 = implementing body's unified social credit code (18) + level digit (1) + basic code (12), and the
 * level matches the tenant's place in the administrative hierarchy.
 */
export function checkCodesComplete(
  item: { tenant: string; basicCode: string; content: ItemContent },
  v: Violations,
): void {
  const { level } = item.content;
  if (level === 0) v.add('content.level', 'REQUIRED', '请选择事项层级');
  const expected = itemLevelOfTenant(item.tenant);
  if (expected !== undefined && Number.isInteger(level) && level >= 1 && level <= 6 && level !== expected) {
    v.add(
      'content.level',
      'LEVEL_MISMATCH',
      `租户 ${item.tenant} 为${ITEM_LEVELS[expected]}，事项层级应为${expected}（${ITEM_LEVELS[expected]}），当前为${level}`,
    );
  }
  checkImplementationCode(item, v);
}

function checkImplementationCode(item: { basicCode: string; content: ItemContent }, v: Violations): void {
  const path = 'content.implementationCode';
  const code = item.content.implementationCode;
  if (code === '') {
    v.add(path, 'REQUIRED', '请填写实施编码（实施主体统一社会信用代码18位 + 层级1位 + 基本编码12位）');
    return;
  }
  const length = [...code].length;
  if (length !== IMPLEMENTATION_CODE_LENGTH) {
    if (length <= IMPLEMENTATION_CODE_LENGTH) {
      v.add(path, 'LENGTH', `实施编码应为31位（统一社会信用代码18位 + 层级1位 + 基本编码12位），当前为${length}位`);
    }
    return;
  }
  if (!/^[0-9A-Z]+$/.test(code)) {
    v.add(path, 'ALPHABET', '实施编码只能由数字和大写字母组成');
    return;
  }
  const credit = parseCreditCode(code.slice(0, CREDIT_CODE_LENGTH));
  if (!credit.ok) {
    v.add(path, credit.violation.reason, `实施编码前18位应为实施主体的统一社会信用代码：${credit.violation.message}`);
  }
  const levelDigit = code[CREDIT_CODE_LENGTH] as string;
  if (levelDigit !== String(item.content.level)) {
    v.add(path, 'LEVEL_MISMATCH', `实施编码第19位应为事项层级 ${item.content.level}，当前为${levelDigit}`);
  }
  const basic = code.slice(CREDIT_CODE_LENGTH + 1);
  if (basic !== item.basicCode) {
    v.add(path, 'BASIC_CODE_MISMATCH', `实施编码后12位应为本事项的基本编码 ${item.basicCode}，当前为${basic}`);
  }
}
