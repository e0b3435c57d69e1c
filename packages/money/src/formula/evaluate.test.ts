import { evaluateFormula } from './evaluate';
import { formNumbers } from './form-values';
import { parseFormula } from './parse';
import { DEFAULT_MAX_FORMULA_FEN, FormulaError, type FormulaReason } from './types';

const evaluationError = (f: () => unknown): FormulaError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error('expected a FormulaError');
};
const reasonOf = (f: () => unknown): FormulaReason => evaluationError(f).reason;

const DEED_TAX = 'property.area <= 90 ? property.price * 0.01 : property.price * 0.015';

describe('evaluateFormula: exact, one half-up rounding to fen', () => {
  it.each([
    ['0.10 + 0.20', 30], // floats: 0.30000000000000004
    ['0.1 + 0.2 - 0.3', 0], // floats: 5.551115123125783e-17
    ['1.005', 101], // floats: (1.005).toFixed(2) === '1.00'
    ['19.99 * 3', 5997], // floats: 59.97 * 100 = 5996.999999999999
    ['1234567.89 * 0.015', 1851852], // 18518.51835
    ['1234567.89 * 1.5 / 100', 1851852],
    ['10 / 3', 333], // 3.333…
    ['20 / 3', 667], // 6.666…
    ['0.004', 0],
    ['0.005', 1], // half up
    ['0.004999', 0],
    ['2.675', 268], // floats: (2.675).toFixed(2) === '2.67'
    ['1 - 0.9', 10],
    ['-(-80)', 8000],
    ['3 - 2 - 1 + 0.5', 50], // left-associative
    ['2 * 3 + 4 * 5', 2600],
    ['1 / 3 * 3', 100], // exact, not 0.9999
    ['min(5, 3.5, 4)', 350],
    ['max(5, 3.5, 4)', 500],
    ['min(-1, 2) + 1', 0],
  ])('%s → %d fen', (text, fen) => {
    expect(evaluateFormula(text, {})).toBe(fen);
  });

  it('computes 契税 from form data read without floats', () => {
    const values = formNumbers('{"property":{"price":1234567.89,"area":89.99,"use":"住宅"}}');
    expect(evaluateFormula(DEED_TAX, values)).toBe(1234568); // 12345.6789 → 12345.68
    expect(evaluateFormula(DEED_TAX, { ...values, 'property.area': '90' })).toBe(1234568);
    expect(evaluateFormula(DEED_TAX, { ...values, 'property.area': '90.01' })).toBe(1851852); // 18518.51835
  });

  it('compares choice fields by their text and flags by true/false', () => {
    const parsed = parseFormula(
      'property.use == "住宅" && buyer.firstHome == true ? 100 : property.use != "商业" ? 200 : 300',
    );
    if (!parsed.ok) throw new Error('parse failed');
    const f = parsed.formula;
    expect(evaluateFormula(f, { 'property.use': '住宅', 'buyer.firstHome': 'true' })).toBe(10000);
    expect(evaluateFormula(f, { 'property.use': '住宅', 'buyer.firstHome': 'false' })).toBe(20000);
    expect(evaluateFormula(f, { 'property.use': '商业', 'buyer.firstHome': 'true' })).toBe(30000);
    expect(evaluateFormula(f, { 'property.use': '住宅 ', 'buyer.firstHome': 'true' })).toBe(20000); // exact text
  });

  it('compares numbers by value, not by text', () => {
    expect(evaluateFormula('a == 90 ? 1 : 2', { a: '90.00' })).toBe(100);
    expect(evaluateFormula('a == b ? 1 : 2', { a: '1e2', b: '100' })).toBe(100);
    expect(evaluateFormula('a < b ? 1 : 2', { a: '0.300000000001', b: '0.3' })).toBe(200);
  });

  it('reads number values in JSON syntax: sign and exponent', () => {
    expect(evaluateFormula('a + b + c', { a: '-1.5', b: '2.5E-3', c: '1e2' })).toBe(9850); // 98.5025
  });

  it('evaluates only the branch taken', () => {
    expect(evaluateFormula('a > 1 ? 5 : missing / 0', { a: '2' })).toBe(500);
    expect(evaluateFormula('a > 1 || missing > 1 ? 5 : 6', { a: '2' })).toBe(500);
    expect(evaluateFormula('a > 1 && missing > 1 ? 5 : 6', { a: '0' })).toBe(600);
  });

  it('accepts a parsed formula or its text, and checks maxFen', () => {
    const parsed = parseFormula('a * 2');
    if (!parsed.ok) throw new Error('parse failed');
    expect(evaluateFormula(parsed.formula, { a: '40' })).toBe(8000);
    expect(evaluateFormula('a * 2', { a: '40' }, { maxFen: 8000 })).toBe(8000);
    expect(reasonOf(() => evaluateFormula('a * 2', { a: '40' }, { maxFen: 7999 }))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(() => evaluateFormula('1', {}, { maxFen: 2 ** 53 })).toThrow(RangeError);
  });
});

describe('evaluateFormula refusals', () => {
  it('UNKNOWN_FIELD names the field', () => {
    const e = evaluationError(() => evaluateFormula(DEED_TAX, { 'property.area': '80' }));
    expect(e).toMatchObject({
      reason: 'UNKNOWN_FIELD',
      field: 'property.price',
      message: '表单中没有字段 property.price 的值',
    });
  });

  it('UNKNOWN_FIELD for inherited properties: only own values count', () => {
    expect(reasonOf(() => evaluateFormula('toString', {}))).toBe('UNKNOWN_FIELD');
    expect(reasonOf(() => evaluateFormula('hasOwnProperty * 2', {}))).toBe('UNKNOWN_FIELD');
  });

  it.each([
    [{ a: 'abc' }],
    [{ a: '' }],
    [{ a: '1,000' }],
    [{ a: ' 1' }],
    [{ a: 'Infinity' }],
    [{ a: 'NaN' }],
    [{ a: '0x10' }],
    [{ a: '1e999' }],
    [{ a: '1e-13' }], // 13 decimals
    [{ a: '1234567890123456789' }], // 19 integer digits
    [{ a: 12 as unknown as string }],
  ])('INVALID_VALUE for a number field holding %j', (values) => {
    expect(evaluationError(() => evaluateFormula('a * 1', values))).toMatchObject({
      reason: 'INVALID_VALUE',
      field: 'a',
    });
  });

  it('INVALID_VALUE for a flag that is not true/false', () => {
    expect(reasonOf(() => evaluateFormula('a == true ? 1 : 2', { a: '是' }))).toBe('INVALID_VALUE');
  });

  it('DIVISION_BY_ZERO', () => {
    expect(reasonOf(() => evaluateFormula('1 / 0', {}))).toBe('DIVISION_BY_ZERO');
    expect(
      reasonOf(() =>
        evaluateFormula('property.price / property.area', { 'property.price': '1', 'property.area': '0.00' }),
      ),
    ).toBe('DIVISION_BY_ZERO');
    expect(reasonOf(() => evaluateFormula('1 / (0.1 + 0.2 - 0.3)', {}))).toBe('DIVISION_BY_ZERO');
  });

  it('AMOUNT_OUT_OF_RANGE for a negative result or one above the cap', () => {
    expect(reasonOf(() => evaluateFormula('1 - 2', {}))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(reasonOf(() => evaluateFormula('-0.001', {}))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(evaluateFormula('10000000000', {})).toBe(DEFAULT_MAX_FORMULA_FEN); // 100 亿元
    expect(reasonOf(() => evaluateFormula('10000000000.01', {}))).toBe('AMOUNT_OUT_OF_RANGE');
    // 2^53 + 1 fen is refused even with the highest cap
    expect(reasonOf(() => evaluateFormula('90071992547409.93', {}, { maxFen: Number.MAX_SAFE_INTEGER }))).toBe(
      'AMOUNT_OUT_OF_RANGE',
    );
    expect(evaluateFormula('90071992547409.91', {}, { maxFen: Number.MAX_SAFE_INTEGER })).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('a formula text that does not parse throws its first violation', () => {
    expect(evaluationError(() => evaluateFormula('constructor', {}))).toMatchObject({
      reason: 'NOT_ALLOWED',
      message: '不允许使用名称 constructor',
    });
  });

  it('nothing reaches the prototype or the global scope', () => {
    const values = formNumbers('{"__proto__": {"polluted": 1}, "a": 1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reasonOf(() => evaluateFormula('__proto__.polluted', values))).toBe('NOT_ALLOWED');
    expect(evaluateFormula('a', values)).toBe(100);
  });
});
