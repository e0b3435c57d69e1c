import { formatYuan } from '@govhall/money';
import {
  defaultFonts,
  renderOfficialDocument,
  sha256Hex,
  type OfficialDocumentSpec,
  type PdfFonts,
} from '@govhall/pdf';
import { FEE_CATEGORY_NAMES } from '../../domain/fee-items/fee-item';
import type { Notice, NoticeLine } from '../../domain/notices/notice';
import type { NoticeDocuments } from '../../usecases/ports';

const CATEGORY = FEE_CATEGORY_NAMES;

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** 1234 → 12.34 (exact, from integer fen). */
const yuan = (fen: number) => formatYuan(fen).replace(/元$/, '');

function reductionText(l: NoticeLine): string {
  if (l.reductions.length === 0) return '';
  return l.reductions
    .map((r) => (r.kind === 'exempt' ? `免收（${r.legalBasis}）` : `减收${yuan(r.amountFen)}元（${r.legalBasis}）`))
    .join('；');
}

function linesGrid(n: Notice): OfficialDocumentSpec['blocks'][number] {
  return {
    kind: 'grid',
    columns: [
      { header: '项目编码', width: 70 },
      { header: '收费项目', width: 100 },
      { header: '执收单位 / 收入项目', width: 92 },
      { header: '数量', width: 34, align: 'right' },
      { header: '标准（元）', width: 62, align: 'right' },
      { header: '金额（元）', align: 'right' },
    ],
    rows: n.lines.map((l) => [
      l.feeCode,
      `${l.name}（${CATEGORY[l.category]}）`,
      `${l.collectingUnitCode} / ${l.revenueCode}`,
      String(l.quantity),
      l.formula ? '按公式' : yuan(l.standardFen),
      yuan(l.amountFen),
    ]),
    footer: ['合计', '', '', '', '', yuan(n.totalFen)],
  };
}

function reductionNotes(n: Notice): OfficialDocumentSpec['blocks'] {
  const reduced = n.lines.filter((l) => l.reductions.length > 0);
  return reduced.length === 0
    ? []
    : [{ kind: 'note', text: `减免：${reduced.map((l) => `${l.name}：${reductionText(l)}`).join('；')}` }];
}

/** 缴款通知书: the lines with their owners, the total in figures and capitals, the payment code and the deadline. */
export function noticeSpec(n: Notice): OfficialDocumentSpec {
  const facts = {
    number: n.number,
    paymentCode: n.paymentCode,
    total: n.totalFen,
    lines: n.lines.map((l) => [l.feeCode, l.amountFen]),
    deadline: n.deadline,
  };
  return {
    issuingBody: n.collectingBody,
    title: '缴款通知书',
    documentNumber: n.number,
    addressee: n.payerName,
    blocks: [
      {
        kind: 'paragraph',
        text: `你（单位）申请的「${n.itemName}」（办件编号 ${n.caseNumber}）已准予许可。请于缴款期限内凭缴款码到政务服务中心银行窗口或通过网上缴费缴纳下列费用。工作人员不收取现金，缴款以银行确认为准。`,
      },
      {
        kind: 'table',
        rows: [
          ['缴款码', n.paymentCode ?? ''],
          ['缴款人', n.payerName],
          ['执收单位', `${n.collectingBody}（${n.collectingBodyCode}）`],
          ['缴款期限', n.deadline ?? ''],
        ],
      },
      linesGrid(n),
      ...reductionNotes(n),
      {
        kind: 'table',
        rows: [
          ['合计（小写）', `¥${yuan(n.totalFen)}`],
          ['合计（大写）', n.totalCapitals ?? ''],
        ],
      },
      { kind: 'note', text: '资金归属和用途不变：各项费用按所列执收单位和收入项目分别入库。' },
    ],
    date: n.issuedAt,
    createdAt: n.issuedAt ?? n.createdAt,
    contentHash: sha256Hex(facts),
    subject: `缴款通知书 ${n.number ?? ''}`,
  };
}

/** 缴费凭证: the bank's confirmation and the fiscal e-receipt's code and number. */
export function receiptSpec(n: Notice): OfficialDocumentSpec {
  const p = n.payment!;
  return {
    issuingBody: n.collectingBody,
    title: '缴费凭证',
    documentNumber: n.number,
    addressee: n.payerName,
    blocks: [
      {
        kind: 'paragraph',
        text: `你（单位）已缴纳「${n.itemName}」（办件编号 ${n.caseNumber}）的费用，银行已确认。`,
      },
      {
        kind: 'table',
        rows: [
          ['缴款码', n.paymentCode ?? ''],
          ['缴款金额', `¥${yuan(n.totalFen)}（${n.totalCapitals ?? ''}）`],
          ['缴款时间', CHINA_TIME.format(p.paidAt)],
          ['银行交易流水号', p.bankTxnId],
          ['财政电子票据代码', p.receiptCode],
          ['财政电子票据号码', p.receiptNumber],
        ],
      },
      linesGrid(n),
      { kind: 'note', text: '财政电子票据可凭票据代码和号码在财政电子票据查验平台查验。' },
    ],
    date: p.confirmedAt,
    createdAt: p.confirmedAt,
    contentHash: sha256Hex({ number: n.number, bankTxnId: p.bankTxnId, receipt: p.receiptNumber }),
    subject: `缴费凭证 ${n.number ?? ''}`,
  };
}

export class PdfPaymentDocuments implements NoticeDocuments {
  constructor(private readonly fonts: PdfFonts = defaultFonts()) {}

  notice(n: Notice): Promise<Buffer> {
    return renderOfficialDocument(this.fonts, noticeSpec(n));
  }

  receipt(n: Notice): Promise<Buffer> {
    return renderOfficialDocument(this.fonts, receiptSpec(n));
  }
}
