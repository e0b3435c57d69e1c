import { checkRegionParent, isRegionDescendant, parseRegionCode, tenantLevelOf } from './region-code';

describe('parseRegionCode', () => {
  it.each([
    ['620000', 'province'],
    ['110000', 'province'],
    ['620300', 'city'],
    ['620302', 'district'],
    ['620320', 'district'],
    ['620321', 'county'],
    ['620380', 'county'],
    ['620381', 'county'],
    ['620321100', 'town'],
    ['620321100201', 'village'],
  ])('%s is a %s', (code, level) => {
    expect(parseRegionCode(code)).toEqual({ ok: true, value: { code, level } });
  });

  it.each([
    ['', 'REQUIRED'],
    ['62032', 'LENGTH'],
    ['6203211', 'LENGTH'],
    ['62O321', 'ALPHABET'],
    ['990321', 'REGION'],
    ['000000', 'REGION'],
    ['160000', 'REGION'],
    ['620021', 'STRUCTURE'],
    ['620300100', 'STRUCTURE'],
    ['620321000', 'STRUCTURE'],
    ['620321100000', 'STRUCTURE'],
  ])('rejects %j with %s', (code, reason) => {
    expect(parseRegionCode(code)).toMatchObject({ ok: false, violation: { reason } });
  });

  it('explains a bad province prefix in Chinese', () => {
    expect(parseRegionCode('990321')).toEqual({
      ok: false,
      violation: { reason: 'REGION', message: '行政区划代码 990321 的前两位“99”不是有效的省级代码' },
    });
  });

  it('tells a tenant level and refuses a code that is not one', () => {
    expect(tenantLevelOf('620300')).toBe('city');
    expect(tenantLevelOf('620321')).toBe('county');
    expect(() => tenantLevelOf('6203')).toThrow('not a region code');
  });
});

describe('isRegionDescendant', () => {
  it.each([
    ['620000', '620300', true],
    ['620000', '620321100201', true],
    ['620300', '620321', true],
    ['620300', '620302', true],
    ['620300', '620321100', true],
    ['620300', '620321100201', true],
    ['620321', '620321100', true],
    ['620321', '620321100201', true],
    ['620321100', '620321100201', true],
    ['620300', '620300', false],
    ['620300', '620123', false],
    ['620300', '620100', false],
    ['620321', '620302', false],
    ['620321', '620300', false],
    ['620321100', '620321101201', false],
    ['620321100201', '620321100201', false],
    ['620000', '630000', false],
    ['', '620321', false],
    ['620300', '', false],
  ])('%s → %s: %s', (ancestor, code, expected) => {
    expect(isRegionDescendant(ancestor, code)).toBe(expected);
  });
});

describe('checkRegionParent', () => {
  it.each([
    ['620300', '620000'],
    ['620302', '620300'],
    ['620321', '620300'],
    ['620381', '620300'],
    ['620321100', '620321'],
    ['620302001', '620302'],
    ['620321100201', '620321100'],
  ])('%s lies directly under %s', (child, parent) => {
    expect(checkRegionParent(child, parent)).toBeUndefined();
  });

  it('rejects a county under another city, with the expected prefix', () => {
    expect(checkRegionParent('620321', '620100')).toEqual({
      reason: 'PARENT',
      message: '行政区划代码 620321 不属于 620100（620100 的直接下级应为以 6201 开头的市辖区或县级区划）',
    });
  });

  it.each([
    ['620321', '620000'],
    ['620321100', '620300'],
    ['620321100201', '620321'],
    ['620300', '620300'],
    ['620000', '620300'],
    ['620321', '620321100'],
    ['620321100201', '620321100201'],
  ])('rejects %s directly under %s', (child, parent) => {
    expect(checkRegionParent(child, parent)).toMatchObject({ reason: 'PARENT' });
  });

  it('reports an invalid code as such', () => {
    expect(checkRegionParent('62032', '620300')).toMatchObject({ reason: 'LENGTH' });
    expect(checkRegionParent('620321', '990300')).toMatchObject({ reason: 'REGION' });
  });
});
