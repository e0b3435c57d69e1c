import { chineseDate } from '../chinese-date';
import type { ListItem, OfficialDocumentSpec } from '../official/spec';
import { type CaseDocumentBase, caseDocument, caseFacts, type Remedies, remediesParagraph } from './common';

const APPLIED = (input: CaseDocumentBase & { receivedOn: string | Date }) =>
  `你（单位）于${chineseDate(input.receivedOn)}提出的${input.itemName}申请（办件编号：${input.caseNumber}）`;

export interface AcceptanceNoticeInput extends CaseDocumentBase {
  /** 收件日期: when the application was received. */
  receivedOn: string | Date;
  /** 受理日期. */
  acceptedOn: string | Date;
  /** 承诺办结时限 as words (e.g. 5个工作日). */
  promisedLimit: string;
  /** 承诺办结日期. */
  promisedCompletionOn: string | Date;
  /** The public progress query (its URL is also the QR code). */
  followUp: { url: string; phone?: string };
  /** Default 《中华人民共和国行政许可法》第三十二条. */
  legalBasis?: string;
}

/** 受理通知书. */
export function acceptanceNotice(input: AcceptanceNoticeInput): OfficialDocumentSpec {
  const basis = input.legalBasis ?? '《中华人民共和国行政许可法》第三十二条';
  return caseDocument(
    input,
    '受理通知书',
    [
      {
        kind: 'paragraph',
        text: `${APPLIED(input)}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。根据${basis}的规定，决定予以受理。`,
      },
      caseFacts(input, [
        ['收件日期', chineseDate(input.receivedOn)],
        ['受理日期', chineseDate(input.acceptedOn)],
        ['承诺办结时限', input.promisedLimit],
        ['承诺办结日期', chineseDate(input.promisedCompletionOn)],
      ]),
      {
        kind: 'paragraph',
        text: `本机关将在${chineseDate(input.promisedCompletionOn)}前作出决定（依法需要听证、检验、检测、鉴定、专家评审等的时间不计算在内）。你（单位）可以通过以下方式查询办理进度：`,
      },
      {
        kind: 'list',
        items: [
          {
            text: `登录网上办事大厅办件查询（${input.followUp.url}），凭办件编号和申请人证件号码查询，或扫描右上角二维码。`,
          },
          ...(input.followUp.phone ? [{ text: `拨打咨询电话 ${input.followUp.phone}，提供办件编号查询。` }] : []),
        ],
      },
    ],
    { qrCode: { payload: input.followUp.url, caption: '扫码查询办理进度' } },
  );
}

/** One problem of a one-time notice: what is wrong, and what to bring or fix. */
export interface NoticeProblem {
  /** The material or form field concerned (e.g. 营业执照复印件). */
  subject: string;
  problem: string;
  /** What to bring or how to fix it. */
  remedy: string;
}

export interface OneTimeNoticeInput extends CaseDocumentBase {
  receivedOn: string | Date;
  /** Every problem, each its own line: a second notice asking for more is not allowed. */
  problems: NoticeProblem[];
  /** Until when to supplement, if a limit applies. */
  supplementBy?: string | Date;
  /** Where or how to supplement (e.g. 登录网上办事大厅补正，或到永昌县政务服务中心一楼B01窗口提交). */
  supplementWhere: string;
}

/** 一次性告知书 (补正材料通知书): every problem at once, with the legal note that this is the one notice. */
export function oneTimeNotice(input: OneTimeNoticeInput): OfficialDocumentSpec {
  if (input.problems.length === 0) throw new RangeError('a one-time notice lists at least one problem');
  const items: ListItem[] = input.problems.map((p) => ({
    text: `${p.subject}：${p.problem}`,
    detail: `请补正：${p.remedy}`,
  }));
  const by = input.supplementBy ? `请于${chineseDate(input.supplementBy)}前` : '请';
  return caseDocument(input, '一次性告知书', [
    {
      kind: 'paragraph',
      text: `${APPLIED(input)}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容（共${items.length}项）：`,
    },
    { kind: 'list', items },
    { kind: 'paragraph', text: `${by}按上述要求补正后重新提交：${input.supplementWhere}。` },
    caseFacts(input, [['收件日期', chineseDate(input.receivedOn)]]),
    {
      kind: 'note',
      text: '本告知书为一次性告知，已列明需要补正的全部内容。本机关不再要求补正本告知书所列以外的内容；补正材料齐全、符合法定形式的，本机关依法予以受理。',
    },
  ]);
}

export interface RefusalNoticeInput extends CaseDocumentBase {
  receivedOn: string | Date;
  /** Why the application is not accepted, each a line. */
  reasons: string[];
  /** When the matter belongs to another body: the body to apply to. */
  competentBody?: string;
  /** Default 《中华人民共和国行政许可法》第三十二条第一款. */
  legalBasis?: string;
  remedies: Remedies;
}

/** 不予受理通知书: reasons and remedies. */
export function refusalNotice(input: RefusalNoticeInput): OfficialDocumentSpec {
  if (input.reasons.length === 0) throw new RangeError('a refusal to accept gives its reasons');
  const basis = input.legalBasis ?? '《中华人民共和国行政许可法》第三十二条第一款';
  return caseDocument(input, '不予受理通知书', [
    { kind: 'paragraph', text: `${APPLIED(input)}，经审查，有下列情形：` },
    { kind: 'list', items: input.reasons.map((text) => ({ text })) },
    {
      kind: 'paragraph',
      text: `根据${basis}的规定，决定不予受理。${input.competentBody ? `请向${input.competentBody}提出申请。` : ''}`,
    },
    caseFacts(input, [['收件日期', chineseDate(input.receivedOn)]]),
    { kind: 'paragraph', text: remediesParagraph(input.remedies, '本决定') },
  ]);
}

export interface SuspensionNoticeInput extends CaseDocumentBase {
  /** The §45 procedure (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审, or the item's own, e.g. 现场核查). */
  procedure: string;
  reason: string;
  /** Its planned length as words (e.g. 5个工作日). */
  plannedLength: string;
  startsOn: string | Date;
  legalBasis?: string;
}

/** 特别程序告知书: the clock stops for a §45 procedure. */
export function suspensionNotice(input: SuspensionNoticeInput): OfficialDocumentSpec {
  const basis = input.legalBasis ?? '《中华人民共和国行政许可法》第四十五条';
  return caseDocument(input, '特别程序告知书', [
    {
      kind: 'paragraph',
      text: `你（单位）申请的${input.itemName}（办件编号：${input.caseNumber}），因${input.reason}，需要进行${input.procedure}。根据${basis}的规定，${input.procedure}所需时间不计算在办理期限内。现将有关事项告知如下：`,
    },
    caseFacts(input, [
      ['特别程序', input.procedure],
      ['开始日期', chineseDate(input.startsOn)],
      ['预计所需时间', input.plannedLength],
    ]),
    {
      kind: 'paragraph',
      text: `${input.procedure}结束后，办理期限继续计算，本机关将告知你（单位）办理进度。`,
    },
  ]);
}

export interface ExtensionNoticeInput extends CaseDocumentBase {
  reason: string;
  /** The length of the extension as words (e.g. 10个工作日). */
  extension: string;
  originalDeadline: string | Date;
  newDeadline: string | Date;
  /** Who approved it (本机关负责人, by name or title). */
  approvedBy: string;
  legalBasis?: string;
}

/** 延期办理告知书: the one extension, with its reason. */
export function extensionNotice(input: ExtensionNoticeInput): OfficialDocumentSpec {
  const basis = input.legalBasis ?? '《中华人民共和国行政许可法》第四十二条第一款';
  return caseDocument(input, '延期办理告知书', [
    {
      kind: 'paragraph',
      text: `你（单位）申请的${input.itemName}（办件编号：${input.caseNumber}），因${input.reason}，不能在原定期限内作出决定。经${input.approvedBy}批准，根据${basis}的规定，办理期限延长${input.extension}。`,
    },
    caseFacts(input, [
      ['原办结期限', chineseDate(input.originalDeadline)],
      ['延长时间', input.extension],
      ['延长后办结期限', chineseDate(input.newDeadline)],
    ]),
    { kind: 'note', text: '办理期限只能延长一次。' },
  ]);
}
