import { ValidationError, type Violation } from '@govhall/errors';
import { MoneyError, parseYuan } from '@govhall/money';
import { CsvError, parse } from 'csv-parse/sync';

/** A statement file is at most this large (ImportStatement refuses a larger one before reading it). */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;
/** More than this many problems: the first ones are reported, that is enough to mend the file. */
const MAX_REPORTED = 20;

/** The header row, exactly (docs/bank-protocol.md "Statement file"). */
export const STATEMENT_HEADER = [
  '清算日期',
  '银行流水号',
  '交易类型',
  '缴款码',
  '执收单位编码',
  '收入项目编码',
  '缴款人',
  '金额',
  '交易时间',
  '票据号码',
] as const;

/** The column's name in violation paths, in the header's order. */
const KEYS = [
  'settlementDate',
  'bankTxnId',
  'type',
  'paymentCode',
  'collectingUnitCode',
  'revenueCode',
  'payer',
  'amount',
  'paidAt',
  'receiptNumber',
] as const;

export type StatementEncoding = 'GB18030' | 'UTF-8';

/** One line of the bank's statement: one payment (or refund) and one revenue item of it. */
export interface StatementLine {
  /** The line in the file (the header is line 1). */
  lineNumber: number;
  settlementDate: string;
  bankTxnId: string;
  type: 'payment' | 'refund';
  paymentCode: string;
  collectingUnitCode: string;
  revenueCode: string;
  payer: string;
  amountFen: number;
  paidAt: Date;
  receiptNumber: string;
}

export interface ParsedStatement {
  encoding: StatementEncoding;
  settlementDate: string;
  lines: StatementLine[];
}

const fileProblem = (reason: string, message: string): ValidationError =>
  new ValidationError([{ path: 'content', reason, message }]);

/**
 * The file's text: UTF-8 when it starts with a byte-order mark, GB18030 (GBK) otherwise. Either decoder is fatal,
 * so a file in another encoding is refused instead of read as mojibake.
 */
export function decodeStatement(bytes: Uint8Array): { text: string; encoding: StatementEncoding } {
  if (bytes.length === 0) throw fileProblem('EMPTY', '对账单文件为空');
  if (bytes.length > MAX_STATEMENT_BYTES) throw fileProblem('TOO_LARGE', '对账单文件不能超过 5 MiB');
  const utf8 = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    if (utf8) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'UTF-8' };
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
  } catch {
    throw fileProblem(
      'ENCODING',
      utf8
        ? '对账单文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 编码'
        : '对账单文件应为 GB18030 编码（或带 BOM 的 UTF-8），无法识别该文件的编码',
    );
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const CODE = /^[0-9A-Za-z]{1,32}$/;
const TXN = /^[A-Za-z0-9-]{1,64}$/;
const TWO_DECIMALS = /^\d+\.\d{2}$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** China Standard Time, as banks in China write it. */
function chinaTime(text: string): Date | undefined {
  const m = DATE_TIME.exec(text);
  if (!m || !isCalendarDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return undefined;
  return new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}+08:00`);
}

/** One record read into a line; its problems go to `v`, each with the line, the column and the reason. */
function readLine(record: string[], lineNumber: number, v: Violation[]): StatementLine | undefined {
  const at = (col: number, reason: string, message: string) =>
    v.push({
      path: `content.lines.${lineNumber}.${KEYS[col]}`,
      reason,
      message: `第${lineNumber}行「${STATEMENT_HEADER[col]}」：${message}`,
    });
  if (record.length !== STATEMENT_HEADER.length) {
    v.push({
      path: `content.lines.${lineNumber}`,
      reason: 'COLUMN_COUNT',
      message: `第${lineNumber}行应有${STATEMENT_HEADER.length}列，实有${record.length}列`,
    });
    return undefined;
  }
  const [date, txn, type, code, unit, revenue, payer, amount, time, receipt] = record as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const before = v.length;
  if (!isCalendarDate(date)) at(0, 'DATE', '应为日期，格式如 2026-12-05');
  if (!TXN.test(txn)) at(1, 'PATTERN', '应为1至64位字母、数字或“-”');
  if (type !== '缴款' && type !== '退款') at(2, 'TYPE', '应为“缴款”或“退款”');
  if (!CODE.test(code)) at(3, 'PATTERN', '应为1至32位数字或字母');
  if (!CODE.test(unit)) at(4, 'PATTERN', '应为1至32位数字或字母');
  if (!CODE.test(revenue)) at(5, 'PATTERN', '应为1至32位数字或字母');
  if (payer.length > 100) at(6, 'TOO_LONG', '不能超过100个字');
  let amountFen = 0;
  if (!TWO_DECIMALS.test(amount)) at(7, 'AMOUNT', '应为以元为单位、保留两位小数的金额，如 80.00');
  else {
    try {
      amountFen = parseYuan(amount, '金额');
      if (amountFen < 1) at(7, 'AMOUNT', '应大于0');
    } catch (e) {
      if (!(e instanceof MoneyError)) throw e;
      at(7, 'AMOUNT', e.message);
    }
  }
  const paidAt = chinaTime(time);
  if (!paidAt) at(8, 'DATE_TIME', '应为时间，格式如 2026-12-05 10:30:00');
  if (receipt.length > 40) at(9, 'TOO_LONG', '不能超过40个字符');
  if (v.length > before) return undefined;
  return {
    lineNumber,
    settlementDate: date,
    bankTxnId: txn,
    type: type === '缴款' ? 'payment' : 'refund',
    paymentCode: code,
    collectingUnitCode: unit,
    revenueCode: revenue,
    payer,
    amountFen,
    paidAt: paidAt!,
    receiptNumber: receipt,
  };
}

/**
 * The bank's statement file read: decoded, the header checked exactly, every line's fields checked (amounts exact in
 * fen, no float), one settlement date. Throws VALIDATION_FAILED naming each bad line, column and reason in Chinese.
 */
export function parseStatement(bytes: Uint8Array): ParsedStatement {
  const { text, encoding } = decodeStatement(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines;
    throw fileProblem('CSV', `${line ? `第${line}行：` : ''}不是有效的 CSV 格式（${e.code}）`);
  }
  const [header, ...rows] = records;
  if (!header || header.record.join(',') !== STATEMENT_HEADER.join(',')) {
    throw fileProblem('HEADER', `第1行应为表头：${STATEMENT_HEADER.join(',')}`);
  }
  if (rows.length === 0) throw fileProblem('NO_LINES', '对账单没有数据行');
  const v: Violation[] = [];
  const lines: StatementLine[] = [];
  for (const { record, info } of rows) {
    const line = readLine(record, info.lines, v);
    if (line) lines.push(line);
    if (v.length >= MAX_REPORTED) break;
  }
  if (v.length > 0) throw new ValidationError(v.slice(0, MAX_REPORTED));
  const dates = [...new Set(lines.map((l) => l.settlementDate))];
  if (dates.length > 1) {
    throw fileProblem('SETTLEMENT_DATE', `一份对账单只能有一个清算日期，该文件有：${dates.join('、')}`);
  }
  return { encoding, settlementDate: dates[0]!, lines };
}
