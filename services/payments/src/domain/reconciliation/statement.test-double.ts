import iconv from 'iconv-lite';
import type { Notice, NoticeLine } from '../notices/notice';
import { STATEMENT_HEADER } from './statement-file';

export const TENANT = '620321';

/** A statement line as the bank writes it: the ten columns, in the header's order. */
export interface LineFields {
  date?: string;
  txn?: string;
  type?: string;
  code: string;
  unit?: string;
  revenue?: string;
  payer?: string;
  amount: string;
  time?: string;
  receipt?: string;
}

export function statementText(lines: readonly LineFields[], header: readonly string[] = STATEMENT_HEADER): string {
  const rows = lines.map((l, i) =>
    [
      l.date ?? '2026-12-05',
      l.txn ?? `T${i + 1}`,
      l.type ?? '缴款',
      l.code,
      l.unit ?? '620321001',
      l.revenue ?? '103040101',
      l.payer ?? '张*三',
      l.amount,
      l.time ?? '2026-12-05 10:30:00',
      l.receipt ?? '0000012345',
    ].join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The statement in GB18030, as banks in China write it. */
export const gb18030 = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gb18030'));
/** The statement in UTF-8 with a byte-order mark. */
export const utf8WithBom = (text: string): Uint8Array =>
  new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));

export function line(over: Partial<NoticeLine> = {}): NoticeLine {
  return {
    feeCode: 'DJF',
    name: '登记费',
    category: 'administrative',
    department: '620321-SCJG',
    collectingUnitCode: '620321001',
    revenueCode: '103040101',
    legalBasis: '测试',
    quantity: 1,
    standardFen: 8000,
    unit: '件',
    formula: '',
    grossFen: 8000,
    reductions: [],
    amountFen: 8000,
    ...over,
  };
}

export function notice(over: Partial<Notice> = {}): Notice {
  const lines = over.lines ?? [line()];
  return {
    id: 'n-1',
    tenant: TENANT,
    caseId: 'c-1',
    caseNumber: '6203212026000001',
    itemName: '测试事项',
    applicantSubject: 's-1',
    state: 'issued',
    number: '永昌县政务服务中心缴〔2026〕00001号',
    paymentCode: '10000000000000000001',
    payerName: '张三',
    collectingBody: '永昌县政务服务中心',
    collectingBodyCode: '62032100',
    lines,
    parts: [],
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    deadline: '2026-12-20',
    markPaidAttempts: 0,
    refunds: [],
    version: 3,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    updatedAt: new Date('2026-12-01T00:00:00Z'),
    ...over,
  };
}
