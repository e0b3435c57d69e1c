import { RECTIFICATION_OUTCOME_RATER_NAMES, type RectificationOutcomeCode } from '@govhall/labels';
import { yuanText } from '@govhall/money';

/**
 * Chinese texts of the notifications a case sends its applicant (A15). Pure: the cases service passes the facts,
 * this module returns the subject, the e-mail body and the SMS text. Nothing here reads a clock or a database.
 */

/** What happened to the case, one template each. */
export const NOTIFICATION_KINDS = [
  'accepted',
  'one_time_notice',
  'returned',
  'not_accepted',
  'suspended',
  'resumed',
  'extension_approved',
  'decided_approved',
  'decided_denied',
  'result_ready',
  'delivered',
  'withdrawn',
  'payment_due',
  'payment_received',
  'rectification_closed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Calendar days as `YYYY-MM-DD` (the case's dates in the tenant's time zone, as the cases service keeps them). */
export type IsoDay = string;

export interface CaseNotificationDates {
  /** When the application was received (submitted online or registered at the window). */
  received?: IsoDay;
  /** When it was accepted (受理). */
  accepted?: IsoDay;
  /** The promised completion date (承诺办结日期), also after a suspension or an extension moved it. */
  promisedBy?: IsoDay;
  /** First day of a suspension (中止). */
  suspendedFrom?: IsoDay;
  /** When the handling is planned to resume. */
  plannedResume?: IsoDay;
  /** When the handling resumed. */
  resumed?: IsoDay;
  /** When the decision was made. */
  decided?: IsoDay;
  /** Until when a result waiting at the window is kept. */
  pickupBy?: IsoDay;
  /** When the result was delivered. */
  delivered?: IsoDay;
  /** When the applicant withdrew. */
  withdrawn?: IsoDay;
  /** Deadline for supplementing the materials after a one-time notice. */
  supplementBy?: IsoDay;
  /** 缴款期限: the last day to pay a payment notice. */
  paymentBy?: IsoDay;
}

/** A payment notice (收缴分离): what the payer needs at the bank. */
export interface PaymentNoticeFacts {
  /** 缴款通知书编号. */
  noticeNumber: string;
  /** 缴款码 (20 digits). */
  paymentCode: string;
  /** The total in fen (a whole number; printed in yuan by integer arithmetic). */
  totalFen: number | bigint;
}

export type DeliveryMethod = 'window' | 'post' | 'electronic';

/** The outcome of a rectification as its rater is told it (the complaints service's words, ADR 0065). */
export interface RectificationOutcomeFacts {
  outcome: RectificationOutcomeCode;
  /** The handler's account, or the supervision office's reasons for an upheld appeal. */
  text: string;
  /** fix_by_date: the day it will be put right. */
  fixBy?: IsoDay;
}

/** The facts a notification is built from; the cases service fills what the kind needs. */
export interface CaseNotificationFacts {
  kind: NotificationKind;
  /** The tenant's service center, e.g. `永昌县政务服务中心`: the SMS signature 【…】 and the e-mail's sender. */
  centerName: string;
  caseNumber: string;
  itemName: string;
  /** A person's name, or an enterprise's name for a legal person. */
  applicantName: string;
  dates?: CaseNotificationDates;
  /** Every problem found (one-time notice, automatic pre-review), in the item's words. */
  problems?: readonly string[];
  /** Why: refusal to accept, suspension, extension, denial, return. */
  reason?: string;
  /** Working days of an approved extension or a planned suspension. */
  days?: number;
  /**
   * The remedies of a denial or refusal. When absent the statutory ones are printed: administrative reconsideration
   * within 60 days (行政复议法 §20) or an administrative lawsuit within 6 months (行政诉讼法 §46).
   */
  remedies?: string;
  /** How the result reaches the applicant (result_ready, delivered). */
  deliveryMethod?: DeliveryMethod;
  /** Window pickup: the code the applicant shows at the window. */
  pickupCode?: string;
  /** Window pickup: where, e.g. `永昌县政务服务中心一楼 3 号窗口`. */
  pickupPlace?: string;
  /** Post: the tracking number. */
  trackingNumber?: string;
  /** Where the applicant can follow the case (the public progress query), printed in the e-mail. */
  progressUrl?: string;
  /** The center's telephone for questions, printed in the e-mail. */
  hotline?: string;
  /** rectification_closed: how the rectification of the applicant's bad rating of the case ended (差评整改). */
  rectification?: RectificationOutcomeFacts;
  /** payment_due, payment_received: the payment notice. */
  payment?: PaymentNoticeFacts;
}

export interface RenderedNotification {
  subject: string;
  /** Plain-text e-mail body. */
  emailText: string;
  /** SMS text, starting with 【centerName】; at most SMS_SINGLE_LIMIT characters whenever the facts allow. */
  smsText: string;
  /** In-site notification (消息): the subject without the center and the case number, e.g. `受理通知：食品经营许可`. */
  siteTitle: string;
  /** In-site notification: the e-mail's paragraphs (no salutation, footer or signature), one per line. */
  siteText: string;
}

/** Characters of one SMS in UCS-2 (any Chinese text): longer texts are split and billed as several. */
export const SMS_SINGLE_LIMIT = 70;

export const STATUTORY_REMEDIES =
  '如不服本决定，可以自收到本决定之日起六十日内依法申请行政复议，或者自收到本决定之日起六个月内依法向人民法院提起行政诉讼。';

/** `2026-12-03` → `2026年12月3日` (e-mail). */
export function longDate(day: IsoDay): string {
  const [y, m, d] = parseDay(day);
  return `${y}年${m}月${d}日`;
}

/** `2026-12-03` → `12月3日` (SMS). */
export function shortDate(day: IsoDay): string {
  const [, m, d] = parseDay(day);
  return `${m}月${d}日`;
}

function parseDay(day: IsoDay): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Length in characters as an SMS counts them (code points; a rare ideograph outside the BMP is one). */
export function smsLength(text: string): number {
  return [...text].length;
}

const DELIVERY_NAMES: Record<DeliveryMethod, string> = { window: '窗口领取', post: '邮寄送达', electronic: '电子送达' };

function need<T>(value: T | undefined, what: string, kind: NotificationKind): T {
  if (value === undefined || value === '') throw new TypeError(`notification ${kind} needs ${what}`);
  return value;
}

interface Parts {
  subject: string;
  /** The e-mail's paragraphs after the salutation and the case line. */
  body: string[];
  /** The SMS after the signature. */
  sms: string;
  /** A shorter SMS, used when `sms` is over the single-message limit. */
  smsShort?: string;
}

function parts(f: CaseNotificationFacts): Parts {
  const d = f.dates ?? {};
  const c = f.caseNumber;
  const problemList = (f.problems ?? []).map((p, i) => `  ${i + 1}. ${p}`);
  switch (f.kind) {
    case 'accepted': {
      const promised = need(d.promisedBy, 'dates.promisedBy', f.kind);
      return {
        subject: `受理通知：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”已于${longDate(need(d.accepted, 'dates.accepted', f.kind))}受理。`,
          `承诺办结日期：${longDate(promised)}（法定节假日不计算在内）。`,
          '受理通知书已存入办件材料，可凭办件编号查询办理进度。',
        ],
        sms: `您的办件${c}已受理，承诺${shortDate(promised)}前办结。`,
      };
    }
    case 'one_time_notice': {
      const problems = need(f.problems?.length ? f.problems : undefined, 'problems', f.kind);
      const by = d.supplementBy ? `请于${longDate(d.supplementBy)}前` : '请';
      return {
        subject: `一次性告知：${f.itemName}需补正材料`,
        body: [
          `您申请的“${f.itemName}”经审查，材料不齐全或者不符合法定形式，现一次性告知需补正的全部内容：`,
          ...problemList,
          `${by}按上述要求补正后重新提交。补正齐全的，自收到全部补正材料之日起受理。`,
        ],
        sms: `您的办件${c}需补正${problems.length}项材料，详见一次性告知书或邮件。`,
        smsShort: `办件${c}需补正${problems.length}项材料，详见告知书。`,
      };
    }
    case 'returned': {
      const problems = need(f.problems?.length ? f.problems : undefined, 'problems', f.kind);
      return {
        subject: `申请退回：${f.itemName}未通过自动预审`,
        body: [
          `您提交的“${f.itemName}”申请未通过自动预审，已退回，问题如下：`,
          ...problemList,
          '修改后可再次提交，无需重新填写其他内容。',
        ],
        sms: `您的办件${c}未通过预审已退回（${problems.length}项问题），请修改后重新提交。`,
        smsShort: `办件${c}预审退回（${problems.length}项问题），请修改后重新提交。`,
      };
    }
    case 'not_accepted':
      return {
        subject: `不予受理通知：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”决定不予受理。`,
          `理由：${need(f.reason, 'reason', f.kind)}`,
          f.remedies ?? STATUTORY_REMEDIES,
        ],
        sms: `您的办件${c}不予受理，理由及救济途径详见不予受理通知书。`,
        smsShort: `办件${c}不予受理，详见不予受理通知书。`,
      };
    case 'suspended': {
      const plan = d.plannedResume ? `预计${shortDate(d.plannedResume)}恢复` : '恢复时另行通知';
      return {
        subject: `办理中止通知：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”自${longDate(need(d.suspendedFrom, 'dates.suspendedFrom', f.kind))}起中止办理。`,
          `原因：${need(f.reason, 'reason', f.kind)}`,
          d.plannedResume
            ? `预计于${longDate(d.plannedResume)}恢复办理${f.days ? `（中止${f.days}个工作日）` : ''}，中止期间不计入办理时限。`
            : '恢复办理时将另行通知，中止期间不计入办理时限。',
        ],
        sms: `您的办件${c}已中止办理，${plan}，中止期间不计时限。`,
        smsShort: `办件${c}已中止办理，${plan}。`,
      };
    }
    case 'resumed': {
      const promised = need(d.promisedBy, 'dates.promisedBy', f.kind);
      return {
        subject: `恢复办理通知：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”已于${longDate(need(d.resumed, 'dates.resumed', f.kind))}恢复办理。`,
          `办结期限相应顺延，新的承诺办结日期：${longDate(promised)}。`,
        ],
        sms: `您的办件${c}已恢复办理，承诺${shortDate(promised)}前办结。`,
      };
    }
    case 'extension_approved': {
      const promised = need(d.promisedBy, 'dates.promisedBy', f.kind);
      const days = need(f.days, 'days', f.kind);
      return {
        subject: `延长办理期限通知：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”经批准延长办理期限${days}个工作日。`,
          `理由：${need(f.reason, 'reason', f.kind)}`,
          `新的承诺办结日期：${longDate(promised)}。`,
        ],
        sms: `您的办件${c}办理期限延长${days}个工作日，承诺${shortDate(promised)}前办结。`,
        smsShort: `办件${c}延期${days}个工作日，${shortDate(promised)}前办结。`,
      };
    }
    case 'decided_approved':
      return {
        subject: `准予许可决定：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”已于${longDate(need(d.decided, 'dates.decided', f.kind))}作出准予许可的决定。`,
          '结果证照制作完成后将另行通知领取或送达方式。',
        ],
        sms: `您的办件${c}已准予许可，证照制作完成后另行通知。`,
      };
    case 'decided_denied':
      return {
        subject: `不予许可决定：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”已于${longDate(need(d.decided, 'dates.decided', f.kind))}作出不予许可的决定。`,
          `理由：${need(f.reason, 'reason', f.kind)}`,
          f.remedies ?? STATUTORY_REMEDIES,
        ],
        sms: `您的办件${c}不予许可，理由及救济途径详见决定书。`,
      };
    case 'result_ready': {
      const method = need(f.deliveryMethod, 'deliveryMethod', f.kind);
      if (method === 'window') {
        const code = need(f.pickupCode, 'pickupCode', f.kind);
        const keep = d.pickupBy ? `请于${longDate(d.pickupBy)}前` : '请';
        return {
          subject: `办理结果可领取：${f.itemName}`,
          body: [
            `您申请的“${f.itemName}”已办结，结果可到窗口领取。`,
            `领取地点：${f.pickupPlace ?? f.centerName}`,
            `取件码：${code}`,
            `${keep}携带本人有效身份证件和取件码领取；委托他人领取的，另需授权委托书。`,
          ],
          sms: `您的办件${c}已办结，取件码${code}，请凭身份证件到窗口领取。`,
          smsShort: `办件${c}已办结，取件码${code}，请到窗口领取。`,
        };
      }
      if (method === 'post') {
        const tracking = need(f.trackingNumber, 'trackingNumber', f.kind);
        return {
          subject: `办理结果已寄出：${f.itemName}`,
          body: [`您申请的“${f.itemName}”已办结，结果已通过邮寄送出。`, `邮件单号：${tracking}`],
          sms: `您的办件${c}结果已邮寄，单号${tracking}。`,
        };
      }
      return {
        subject: `办理结果已送达：${f.itemName}`,
        body: [`您申请的“${f.itemName}”已办结，电子证照已送达您的账户，可登录查看和下载。`],
        sms: `您的办件${c}已办结，电子证照已送达您的账户。`,
      };
    }
    case 'delivered': {
      const method = f.deliveryMethod ? `（${DELIVERY_NAMES[f.deliveryMethod]}）` : '';
      return {
        subject: `办理结果已送达：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”办理结果已于${longDate(need(d.delivered, 'dates.delivered', f.kind))}送达${method}。`,
          '感谢您的办理，欢迎对本次服务作出评价。',
        ],
        sms: `您的办件${c}结果已送达${method}，欢迎评价。`,
      };
    }
    case 'payment_due': {
      const p = need(f.payment, 'payment', f.kind);
      const by = need(d.paymentBy, 'dates.paymentBy', f.kind);
      const yuan = yuanText(p.totalFen);
      return {
        subject: `缴费通知：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”已准予许可，依法须缴纳费用后出具办理结果。`,
          `缴款通知书编号：${need(p.noticeNumber, 'payment.noticeNumber', f.kind)}`,
          `缴款码：${need(p.paymentCode, 'payment.paymentCode', f.kind)}`,
          `应缴金额：人民币${yuan}元`,
          `缴款期限：${longDate(by)}前`,
          '请凭缴款码到代理银行柜台或通过网上银行缴纳，费用由银行直接收缴，窗口工作人员不收取任何款项。等待缴费期间不计入承诺办结时限。',
        ],
        // The 20-digit 缴款码 and case number do not fit one message with the amount and date: two segments.
        sms: `您的办件${c}须缴费${yuan}元，缴款码${p.paymentCode}，请于${shortDate(by)}前到银行缴纳。`,
      };
    }
    case 'payment_received': {
      const p = need(f.payment, 'payment', f.kind);
      const yuan = yuanText(p.totalFen);
      return {
        subject: `缴费确认：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”应缴费用人民币${yuan}元已由银行确认到账（缴款通知书${p.noticeNumber}）。`,
          d.promisedBy
            ? `办理恢复计时，承诺办结日期：${longDate(d.promisedBy)}。办理结果出具后将另行通知。`
            : '办理恢复计时，办理结果出具后将另行通知。',
        ],
        sms: `您的办件${c}费用${yuan}元已确认到账，结果出具后另行通知。`,
      };
    }
    case 'rectification_closed': {
      const r = need(f.rectification, 'rectification', f.kind);
      const how = RECTIFICATION_OUTCOME_RATER_NAMES[r.outcome];
      const by = r.outcome === 'fix_by_date' && r.fixBy ? `（${longDate(r.fixBy)}前完成）` : '';
      return {
        subject: `差评整改结果：${f.itemName}`,
        body: [
          `您对“${f.itemName}”办理服务的评价已转被评价部门整改，现将结果告知如下：`,
          `整改结果：${how}${by}`,
          `情况说明：${need(r.text, 'rectification.text', f.kind)}`,
          '如对处理结果仍有异议，可通过政务服务中心投诉渠道反映。',
        ],
        sms: `您对办件${c}的差评已处理（${how}），详见网上办事大厅或邮件。`,
        smsShort: `办件${c}差评整改结果：${how}，详见网上办事大厅。`,
      };
    }
    case 'withdrawn':
      return {
        subject: `撤回确认：${f.itemName}`,
        body: [
          `您申请的“${f.itemName}”已于${longDate(need(d.withdrawn, 'dates.withdrawn', f.kind))}按您的申请撤回，办理终止。`,
          '如需办理，可重新提交申请。',
        ],
        sms: `您的办件${c}已按您的申请撤回，办理终止。`,
      };
  }
}

/**
 * The subject, e-mail body, SMS text and in-site title and text of one case notification (one wording for all). Throws TypeError when the kind needs a fact
 * that is missing (a programming error of the caller: e.g. `accepted` without `dates.promisedBy`).
 */
export function renderCaseNotification(facts: CaseNotificationFacts): RenderedNotification {
  const p = parts(facts);
  const signature = `【${facts.centerName}】`;
  let smsText = signature + p.sms;
  if (smsLength(smsText) > SMS_SINGLE_LIMIT && p.smsShort) smsText = signature + p.smsShort;
  const footer = [
    facts.progressUrl ? `办理进度查询：${facts.progressUrl}（凭办件编号和证件号码）` : undefined,
    facts.hotline ? `咨询电话：${facts.hotline}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const emailText = [
    `${facts.applicantName}：`,
    '',
    `办件编号：${facts.caseNumber}`,
    `办理事项：${facts.itemName}`,
    '',
    ...p.body,
    '',
    ...footer,
    ...(footer.length ? [''] : []),
    facts.centerName,
    '（本邮件由系统自动发送，请勿直接回复。）',
  ].join('\n');
  return {
    subject: `【${facts.centerName}】${p.subject}（${facts.caseNumber}）`,
    emailText,
    smsText,
    siteTitle: p.subject,
    siteText: p.body.join('\n'),
  };
}
