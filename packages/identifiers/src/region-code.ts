import { fail, ok, type IdentifierResult, type IdentifierViolation } from './result';

/**
 * Administrative division codes (GB/T 2260, 6 digits: province, city, county) and the statistical extension
 * (9 digits: town / street, 12 digits: village / community).
 */
export type RegionLevel = 'province' | 'city' | 'district' | 'county' | 'town' | 'village';

export interface RegionCode {
  code: string;
  level: RegionLevel;
}

/** First two digits of every province-level division (including Taiwan, Hong Kong and Macao). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]); // prettier-ignore

const LEVEL_NAMES: Record<RegionLevel, string> = {
  province: '省级',
  city: '市级',
  district: '市辖区',
  county: '县级',
  town: '乡镇（街道）级',
  village: '村（社区）级',
};

/** Chinese name of a level, for messages ("市级", "县级" …). */
export function regionLevelName(level: RegionLevel): string {
  return LEVEL_NAMES[level];
}

function levelOfSixDigits(code: string): RegionLevel | undefined {
  const city = code.slice(2, 4);
  const county = Number(code.slice(4, 6));
  if (city === '00') return county === 0 ? 'province' : undefined;
  if (county === 0) return 'city';
  return county <= 20 ? 'district' : 'county';
}

/** Parses a 6-, 9- or 12-digit region code and tells its level. */
export function parseRegionCode(input: string): IdentifierResult<RegionCode> {
  const code = (input ?? '').trim();
  if (code === '') return fail('REQUIRED', '请填写行政区划代码');
  const bad = /\D/.exec(code);
  if (bad) return fail('ALPHABET', `行政区划代码只能由数字组成，第${bad.index + 1}位“${bad[0]}”不是数字`);
  if (code.length !== 6 && code.length !== 9 && code.length !== 12) {
    return fail('LENGTH', `行政区划代码应为6位（县级及以上）、9位（乡镇街道）或12位（村社区），当前为${code.length}位`);
  }
  if (!PROVINCES.has(code.slice(0, 2))) {
    return fail('REGION', `行政区划代码 ${code} 的前两位“${code.slice(0, 2)}”不是有效的省级代码`);
  }
  const base = levelOfSixDigits(code.slice(0, 6));
  if (!base) {
    return fail('STRUCTURE', `行政区划代码 ${code} 结构不正确：市级代码为00时县级代码也应为00`);
  }
  if (code.length === 6) return ok({ code, level: base });
  if (base !== 'district' && base !== 'county') {
    return fail('STRUCTURE', `行政区划代码 ${code} 结构不正确：乡镇（街道）和村（社区）代码须以县级代码开头`);
  }
  if (code.slice(6, 9) === '000') {
    return fail('STRUCTURE', `行政区划代码 ${code} 结构不正确：第7至9位（乡镇街道）不能为000`);
  }
  if (code.length === 9) return ok({ code, level: 'town' });
  if (code.slice(9, 12) === '000') {
    return fail('STRUCTURE', `行政区划代码 ${code} 结构不正确：第10至12位（村社区）不能为000`);
  }
  return ok({ code, level: 'village' });
}

/** Level of a tenant's region code. Throws on a code that is not a valid region code (a programming error). */
export function tenantLevelOf(code: string): RegionLevel {
  const parsed = parseRegionCode(code);
  if (!parsed.ok) throw new Error(`not a region code: ${JSON.stringify(code)} (${parsed.violation.message})`);
  return parsed.value.level;
}

/**
 * True when `code` lies strictly below `ancestor`, judged by code structure only:
 * a province covers every code with its two digits, a city its districts and counties (and below),
 * a district or county its towns and villages, a town its villages. Invalid codes are never related.
 */
export function isRegionDescendant(ancestor: string, code: string): boolean {
  const a = parseRegionCode(ancestor);
  const c = parseRegionCode(code);
  if (!a.ok || !c.ok || a.value.code === c.value.code) return false;
  const anc = a.value.code;
  const desc = c.value.code;
  switch (a.value.level) {
    case 'province':
      return desc.startsWith(anc.slice(0, 2));
    case 'city':
      return desc.startsWith(anc.slice(0, 4));
    case 'district':
    case 'county':
    case 'town':
      return desc.startsWith(anc);
    case 'village':
      return false;
  }
}

/** Levels a direct child of a region of `level` may have (none below a village). */
/** How many leading digits a region of each level passes on to its descendants. */
const PREFIX_LENGTH: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  district: 6,
  county: 6,
  town: 9,
  village: 12,
};

function childLevels(level: RegionLevel): readonly RegionLevel[] {
  switch (level) {
    case 'province':
      return ['city'];
    case 'city':
      return ['district', 'county'];
    case 'district':
    case 'county':
      return ['town'];
    case 'town':
      return ['village'];
    case 'village':
      return [];
  }
}

/**
 * Checks that `child` lies DIRECTLY under `parent` (province → city → district/county → town → village).
 * Returns undefined when it does, else the violation (the first invalid code's, or PARENT).
 */
export function checkRegionParent(child: string, parent: string): IdentifierViolation | undefined {
  const c = parseRegionCode(child);
  if (!c.ok) return c.violation;
  const p = parseRegionCode(parent);
  if (!p.ok) return p.violation;
  const expected = childLevels(p.value.level);
  if (expected.includes(c.value.level) && isRegionDescendant(p.value.code, c.value.code)) return undefined;
  const prefix = p.value.code.slice(0, PREFIX_LENGTH[p.value.level]);
  const want =
    expected.length === 0
      ? `${regionLevelName(p.value.level)}区划之下没有下级区划`
      : `${p.value.code} 的直接下级应为以 ${prefix} 开头的${expected.map(regionLevelName).join('或')}区划`;
  return { reason: 'PARENT', message: `行政区划代码 ${c.value.code} 不属于 ${p.value.code}（${want}）` };
}
