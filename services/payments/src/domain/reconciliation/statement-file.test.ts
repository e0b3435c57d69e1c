import { ValidationError } from '@govhall/errors';
import { STATEMENT_HEADER, parseStatement } from './statement-file';
import { gb18030, statementText, utf8WithBom } from './statement.test-double';

function violationsOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.violations;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const CODE = '10000000000000000001';

describe('the statement file: decoding', () => {
  const text = statementText([
    { code: CODE, amount: '80.00', payer: '张*三' },
    { code: CODE, amount: '18518.52', revenue: '101090101', unit: '620321002', payer: '张*三' },
  ]);

  it('reads GB18030 (the banks’ encoding) with its Chinese text', () => {
    const parsed = parseStatement(gb18030(text));
    expect(parsed.encoding).toBe('GB18030');
    expect(parsed.settlementDate).toBe('2026-12-05');
    expect(parsed.lines.map((l) => [l.lineNumber, l.payer, l.revenueCode, l.amountFen, l.type])).toEqual([
      [2, '张*三', '103040101', 8000, 'payment'],
      [3, '张*三', '101090101', 1851852, 'payment'],
    ]);
    expect(parsed.lines[0]!.paidAt.toISOString()).toBe('2026-12-05T02:30:00.000Z');
  });

  it('reads UTF-8 with a byte-order mark the same', () => {
    const parsed = parseStatement(utf8WithBom(text));
    expect(parsed.encoding).toBe('UTF-8');
    expect(parsed.lines.map((l) => l.amountFen)).toEqual([8000, 1851852]);
  });

  it('refuses a file in neither encoding instead of reading mojibake', () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(violationsOf(() => parseStatement(utf16))).toEqual([
      expect.objectContaining({ path: 'content', reason: 'ENCODING' }),
    ]);
    const badUtf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...gb18030(text)]);
    expect(violationsOf(() => parseStatement(badUtf8))[0]).toMatchObject({ reason: 'ENCODING' });
  });

  it('refuses an empty file, a wrong header and a file without lines', () => {
    expect(violationsOf(() => parseStatement(new Uint8Array()))[0]).toMatchObject({ reason: 'EMPTY' });
    const header: string[] = [...STATEMENT_HEADER];
    header[7] = '金额（元）';
    expect(
      violationsOf(() => parseStatement(gb18030(statementText([{ code: CODE, amount: '1.00' }], header)))),
    ).toEqual([expect.objectContaining({ reason: 'HEADER', message: expect.stringContaining('第1行应为表头') })]);
    expect(violationsOf(() => parseStatement(gb18030(statementText([]))))[0]).toMatchObject({ reason: 'NO_LINES' });
  });
});

describe('the statement file: lines', () => {
  it('keeps amounts exact in fen where floats break (0.1 + 0.2, large sums)', () => {
    const parsed = parseStatement(
      gb18030(
        statementText([
          { code: CODE, amount: '0.10' },
          { code: CODE, amount: '0.20' },
          { code: CODE, amount: '90071992547409.91' },
          { code: CODE, amount: '1.15' },
        ]),
      ),
    );
    expect(parsed.lines.map((l) => l.amountFen)).toEqual([10, 20, 9007199254740991, 115]);
    // 0.1 + 0.2 in yuan is 0.30000000000000004 as a float; here it is 30 fen.
    expect(parsed.lines[0]!.amountFen + parsed.lines[1]!.amountFen).toBe(30);
    // 1.15 × 100 is 114.99999999999999 as a float.
    expect(parsed.lines[3]!.amountFen).toBe(115);
  });

  it('names each bad line, its column and the reason in Chinese', () => {
    const v = violationsOf(() =>
      parseStatement(
        gb18030(
          statementText([
            { code: CODE, amount: '80.00' },
            { code: CODE, amount: '80' },
            { code: CODE, amount: '1e3' },
            { code: CODE, amount: '-5.00', type: '转账', date: '2026-02-30', time: '2026-12-05 25:00:00' },
          ]),
        ),
      ),
    );
    expect(v.map((x) => [x.path, x.reason])).toEqual([
      ['content.lines.3.amount', 'AMOUNT'],
      ['content.lines.4.amount', 'AMOUNT'],
      ['content.lines.5.settlementDate', 'DATE'],
      ['content.lines.5.type', 'TYPE'],
      ['content.lines.5.amount', 'AMOUNT'],
      ['content.lines.5.paidAt', 'DATE_TIME'],
    ]);
    expect(v[0]!.message).toBe('第3行「金额」：应为以元为单位、保留两位小数的金额，如 80.00');
  });

  it('refuses a line with too few columns, a broken quote and two settlement dates', () => {
    const text = statementText([{ code: CODE, amount: '80.00' }]) + '2026-12-05,T9,缴款\r\n';
    expect(violationsOf(() => parseStatement(gb18030(text)))).toEqual([
      expect.objectContaining({ path: 'content.lines.3', reason: 'COLUMN_COUNT', message: '第3行应有10列，实有3列' }),
    ]);
    const quote = statementText([{ code: CODE, amount: '80.00', payer: '"张三' }]);
    expect(violationsOf(() => parseStatement(gb18030(quote)))[0]).toMatchObject({ reason: 'CSV' });
    const twoDays = statementText([
      { code: CODE, amount: '80.00' },
      { code: CODE, amount: '80.00', date: '2026-12-06' },
    ]);
    expect(violationsOf(() => parseStatement(gb18030(twoDays)))[0]).toMatchObject({ reason: 'SETTLEMENT_DATE' });
  });
});
