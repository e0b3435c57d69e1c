import { parseFormula } from './parse';
import type { FormulaSyntaxReason } from './types';

const reasons = (text: string): FormulaSyntaxReason[] => {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  for (const v of result.violations) expect(v.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, for the fee's author
  return result.violations.map((v) => v.reason);
};

describe('parseFormula', () => {
  it('accepts the whitelist and lists the fields the formula reads, with how each is read', () => {
    const result = parseFormula(
      'property.use == "住宅" && buyer.firstHome == true ? ' +
        'min(property.area, 90) * property.price / property.area * 0.01 : ' +
        'max(-property.price * 0.015 + 2 - 1, 0)',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toEqual(['buyer.firstHome', 'property.area', 'property.price', 'property.use']);
    expect({ ...result.formula.fieldKinds }).toEqual({
      'property.use': 'text',
      'buyer.firstHome': 'flag',
      'property.area': 'number',
      'property.price': 'number',
    });
  });

  it('accepts the 契税 example, comparisons, || and field names in Chinese', () => {
    for (const text of [
      'property.area <= 90 ? property.price * 0.01 : property.price * 0.015',
      'a < 1 || a > 2 || a >= 3 && a != 4 ? 1 : 0',
      '房产.成交价格 * 0.03',
      '80',
      '(1 + 2) * 3',
    ]) {
      expect(parseFormula(text)).toMatchObject({ ok: true });
    }
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['1 + '.repeat(125) + '1', 'TOO_LONG'], // 501 characters
    ['x = 1', 'SYNTAX_ERROR'],
    ['a +', 'SYNTAX_ERROR'],
    ['(1', 'SYNTAX_ERROR'],
    ['1 2', 'SYNTAX_ERROR'],
    ['(a, b)', 'SYNTAX_ERROR'],
    ['typeof a', 'SYNTAX_ERROR'],
    ['a => 1', 'SYNTAX_ERROR'],
    ['constructor', 'NOT_ALLOWED'],
    ['property.__proto__', 'NOT_ALLOWED'],
    ['property.constructor.prototype', 'NOT_ALLOWED'],
    ['this', 'NOT_ALLOWED'],
    ['this.a', 'NOT_ALLOWED'],
    ['a[0]', 'NOT_ALLOWED'],
    ['a["b"]', 'NOT_ALLOWED'],
    ['a?.b', 'NOT_ALLOWED'],
    ['Math.max(1, 2)', 'NOT_ALLOWED'],
    ['process.exit()', 'NOT_ALLOWED'],
    ['eval("1")', 'NOT_ALLOWED'],
    ['min(1)', 'NOT_ALLOWED'],
    ['a % 2', 'NOT_ALLOWED'],
    ['a ** 2', 'NOT_ALLOWED'],
    ['a | 0', 'NOT_ALLOWED'],
    ['a === 1 ? 1 : 2', 'NOT_ALLOWED'],
    ['a ?? 1', 'NOT_ALLOWED'],
    ['!a', 'NOT_ALLOWED'],
    ['+a', 'NOT_ALLOWED'],
    ['~a', 'NOT_ALLOWED'],
    ['[1, 2]', 'NOT_ALLOWED'],
    ['null', 'NOT_ALLOWED'],
    ['(a + b).c', 'NOT_ALLOWED'],
    ['1e5', 'INVALID_NUMBER'],
    ['.5', 'INVALID_NUMBER'],
    ['5.', 'INVALID_NUMBER'],
    ['1234567890123456', 'INVALID_NUMBER'], // 16 integer digits
    ['0.1234567', 'INVALID_NUMBER'], // 7 decimals
    ['"s" + 1', 'TYPE_MISMATCH'],
    ['a > 1', 'TYPE_MISMATCH'], // a condition, not an amount
    ['"住宅"', 'TYPE_MISMATCH'],
    ['a ? 1 : 2', 'TYPE_MISMATCH'], // a number as a condition
    ['a > 1 ? 1 : a > 2', 'TYPE_MISMATCH'],
    ['(a > 1) + 1', 'TYPE_MISMATCH'],
    ['a == "住宅" ? a * 2 : 1', 'TYPE_MISMATCH'], // one field as text and as number
    ['a == "x" && a == true ? 1 : 0', 'TYPE_MISMATCH'],
    ['(a > 1) == (b > 1) ? 1 : 0', 'TYPE_MISMATCH'],
    ['a && b ? 1 : 0', 'TYPE_MISMATCH'],
    ['min(a, "x")', 'TYPE_MISMATCH'],
    ['-"x"', 'TYPE_MISMATCH'],
  ])('refuses %j with %s', (text, reason) => {
    expect(reasons(text)).toContain(reason);
  });

  it('accepts 500 characters and refuses 501', () => {
    const ok = `x${'a'.repeat(495)} * 2`; // 500
    expect(ok).toHaveLength(500);
    expect(parseFormula(ok).ok).toBe(true);
    expect(reasons(ok + ' ')).toEqual(['TOO_LONG']);
  });

  it('accepts nesting of 32 levels and refuses 33', () => {
    const nested = (levels: number) => '-'.repeat(levels - 1) + '1';
    expect(parseFormula(nested(32)).ok).toBe(true);
    expect(reasons(nested(33))).toEqual(['TOO_DEEP']);
    const sums = (levels: number) => '1 + '.repeat(levels - 1) + '1'; // left-nested: depth = number of +
    expect(parseFormula(sums(32)).ok).toBe(true);
    expect(reasons(sums(34))).toEqual(['TOO_DEEP']);
  });

  it('accepts numbers at the digit limits', () => {
    expect(parseFormula('123456789012345 + 0.123456').ok).toBe(true);
    expect(parseFormula('0.0150000000').ok).toBe(true); // trailing zeros are not precision
  });

  it('reports every refused part, once each', () => {
    expect(reasons('Math.max(a[0], this) + b % 2')).toEqual(['NOT_ALLOWED', 'NOT_ALLOWED']);
    expect(parseFormula('a[0] + a[1]')).toEqual({
      ok: false,
      violations: [{ reason: 'NOT_ALLOWED', message: '不允许用下标（[ ]）取值，字段请写成 property.price 的形式' }],
    });
  });

  it('says where a syntax error is', () => {
    expect(parseFormula('a + * 2')).toEqual({
      ok: false,
      violations: [{ reason: 'SYNTAX_ERROR', message: expect.stringMatching(/^收费公式语法错误（第\d+个字符附近）$/) }],
    });
  });
});
