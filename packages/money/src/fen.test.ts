import {
  assertFen,
  fenBigInt,
  formatYuan,
  isFen,
  MAX_FEN,
  MoneyError,
  multiplyFen,
  parseYuan,
  sumFen,
  yuanText,
} from './fen';

const reasonOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(MoneyError);
    return (e as MoneyError).reason;
  }
  throw new Error('expected a MoneyError');
};

const TWO_POW_53_PLUS_1 = 2n ** 53n + 1n;

describe('fen amounts', () => {
  it('accepts safe integers ≥ 0 and refuses everything else with a reason', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(MAX_FEN)).toBe(true);
    expect(() => assertFen(8000)).not.toThrow();
    expect(reasonOf(() => assertFen(-1))).toBe('NEGATIVE');
    expect(reasonOf(() => assertFen(1.5))).toBe('NOT_AN_AMOUNT');
    expect(reasonOf(() => assertFen(Number.NaN))).toBe('NOT_AN_AMOUNT');
    expect(reasonOf(() => assertFen('100'))).toBe('NOT_AN_AMOUNT');
    expect(reasonOf(() => assertFen(Number.POSITIVE_INFINITY))).toBe('NOT_AN_AMOUNT');
    // 2^53 + 1 is not representable: as a number it is 2^53, which is not a safe integer either.
    expect(reasonOf(() => assertFen(Number(TWO_POW_53_PLUS_1)))).toBe('OUT_OF_RANGE');
    expect(reasonOf(() => assertFen(MAX_FEN + 1))).toBe('OUT_OF_RANGE');
    expect(() => assertFen(-5, '退款金额')).toThrow('退款金额不能为负数');
  });

  it('checks bigint amounts against the same range', () => {
    expect(fenBigInt(12n)).toBe(12n);
    expect(fenBigInt(BigInt(MAX_FEN))).toBe(BigInt(MAX_FEN));
    expect(reasonOf(() => fenBigInt(TWO_POW_53_PLUS_1))).toBe('OUT_OF_RANGE');
    expect(reasonOf(() => fenBigInt(-1n))).toBe('NEGATIVE');
  });
});

describe('yuanText / formatYuan', () => {
  it.each([
    [0, '0.00', '0.00元'],
    [1, '0.01', '0.01元'],
    [50, '0.50', '0.50元'],
    [8000, '80.00', '80.00元'],
    [12345, '123.45', '123.45元'],
    [123456, '1234.56', '1,234.56元'],
    [123456789, '1234567.89', '1,234,567.89元'],
    [MAX_FEN, '90071992547409.91', '90,071,992,547,409.91元'],
  ])('%d fen → %s / %s', (fen, text, formatted) => {
    expect(yuanText(fen)).toBe(text);
    expect(yuanText(BigInt(fen))).toBe(text);
    expect(formatYuan(fen)).toBe(formatted);
  });

  it('refuses what is not a fen amount', () => {
    expect(reasonOf(() => yuanText(-1))).toBe('NEGATIVE');
    expect(reasonOf(() => yuanText(0.5))).toBe('NOT_AN_AMOUNT');
    expect(reasonOf(() => yuanText(TWO_POW_53_PLUS_1))).toBe('OUT_OF_RANGE');
    expect(reasonOf(() => formatYuan(MAX_FEN + 1))).toBe('OUT_OF_RANGE');
  });
});

describe('parseYuan', () => {
  it.each([
    ['0', 0],
    ['7', 700],
    ['0.5', 50],
    ['0.05', 5],
    ['123.45', 12345],
    ['1.10', 110],
    ['0.10', 10],
    ['19.99', 1999],
    ['80.00', 8000],
    ['007.50', 750],
    ['90071992547409.91', MAX_FEN],
  ])('%s → %d fen, exactly', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('keeps amounts a float would change', () => {
    // parseFloat('1.15') * 100 === 114.99999999999999, Math.round(4.35 * 100) === 434.99… → 435 by luck; no float here.
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
    expect(parseYuan('9007199254740.99')).toBe(900719925474099);
  });

  it.each([
    ['123.456', 'TOO_MANY_DECIMALS'],
    ['0.001', 'TOO_MANY_DECIMALS'],
    ['-1', 'NEGATIVE'],
    ['-0.01', 'NEGATIVE'],
    ['1e3', 'NOT_AN_AMOUNT'],
    ['1E-2', 'NOT_AN_AMOUNT'],
    ['+1', 'NOT_AN_AMOUNT'],
    ['', 'NOT_AN_AMOUNT'],
    [' 1', 'NOT_AN_AMOUNT'],
    ['1 ', 'NOT_AN_AMOUNT'],
    ['1,000.00', 'NOT_AN_AMOUNT'],
    ['.5', 'NOT_AN_AMOUNT'],
    ['5.', 'NOT_AN_AMOUNT'],
    ['0x10', 'NOT_AN_AMOUNT'],
    ['Infinity', 'NOT_AN_AMOUNT'],
    ['NaN', 'NOT_AN_AMOUNT'],
    ['１２', 'NOT_AN_AMOUNT'],
    ['12元', 'NOT_AN_AMOUNT'],
    ['90071992547409.92', 'OUT_OF_RANGE'],
    ['90071992547409.93', 'OUT_OF_RANGE'], // 2^53 + 1 fen
    ['100000000000000000000', 'OUT_OF_RANGE'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(reasonOf(() => parseYuan(text))).toBe(reason);
  });

  it('names the field in the message', () => {
    expect(() => parseYuan('1.234', '缴款金额')).toThrow('缴款金额最多精确到分（两位小数）');
  });

  it('refuses a value that is not a string', () => {
    expect(reasonOf(() => parseYuan(12.5 as unknown as string))).toBe('NOT_AN_AMOUNT');
  });
});

describe('sumFen / multiplyFen', () => {
  it('adds fen exactly, so a total equals the sum of its lines', () => {
    const lines = [parseYuan('0.10'), parseYuan('0.20'), parseYuan('80.00'), parseYuan('12345.68')];
    expect(sumFen(...lines)).toBe(1242598);
    expect(yuanText(sumFen(...lines))).toBe('12425.98');
    expect(sumFen()).toBe(0);
    expect(sumFen(MAX_FEN - 1, 1)).toBe(MAX_FEN);
  });

  it('refuses a bad line or a total past MAX_FEN', () => {
    expect(reasonOf(() => sumFen(MAX_FEN, 1))).toBe('OUT_OF_RANGE');
    expect(reasonOf(() => sumFen(100, -1))).toBe('NEGATIVE');
    expect(() => sumFen(100, 0.5)).toThrow('第2项金额必须是以分为单位的整数');
    expect(reasonOf(() => sumFen(Number(TWO_POW_53_PLUS_1)))).toBe('OUT_OF_RANGE');
  });

  it('multiplies a unit amount by a whole count', () => {
    expect(multiplyFen(1999, 3)).toBe(5997);
    expect(multiplyFen(8000, 0)).toBe(0);
    expect(reasonOf(() => multiplyFen(1999, 1.5))).toBe('NOT_AN_AMOUNT');
    expect(reasonOf(() => multiplyFen(MAX_FEN, 2))).toBe('OUT_OF_RANGE');
  });
});
