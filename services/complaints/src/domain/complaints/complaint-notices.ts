import { COMPLAINT_FINDING_NAMES } from '@govhall/labels';
import type { Complaint } from './complaint';

/** What the complainant is told, in every channel's words. */
export interface ComplaintNotice {
  subject: string;
  emailText: string;
  smsText: string;
}

/** One SMS in UCS-2 is 70 characters; two segments are 134. */
const SMS_TWO_SEGMENTS = 134;

/**
 * The complainant told of the refusal or of the answer (C10: they may then vote on it), by e-mail and SMS, signed by
 * the tenant's service center. An SMS carries the reason or the answer when it fits two segments; otherwise it
 * points to the e-mail or the portal. Undefined for any other state.
 */
export function complaintNotice(c: Complaint, center: string): ComplaintNotice | undefined {
  const signature = `【${center}】`;
  const dear = c.complainant.name ? `${c.complainant.name}：` : '您好：';
  const filed = `您提交的${c.type === 'report' ? '举报' : '投诉'}（编号${c.number}）`;
  const sms = (full: string, short: string) => {
    const text = signature + full;
    return [...text].length <= SMS_TWO_SEGMENTS ? text : signature + short;
  };
  const email = (lines: string[]) =>
    [dear, '', ...lines, '', center, '（本邮件由系统自动发送，请勿直接回复。）'].join('\n');
  if (c.status === 'rejected') {
    return {
      subject: `${signature}投诉不予受理告知（${c.number}）`,
      emailText: email([`${filed}经审查不予受理，理由如下：`, c.rejectionReason]),
      smsText: sms(
        `您的投诉${c.number}不予受理：${c.rejectionReason}`,
        `您的投诉${c.number}不予受理，理由详见邮件或网上办事大厅。`,
      ),
    };
  }
  if (c.status === 'replied' && c.reply) {
    const vote = c.complainant.subject ? '请登录网上办事大厅查看并对答复进行评价。' : '';
    return {
      subject: `${signature}投诉答复（${c.number}）`,
      emailText: email([
        `${filed}已办理完毕，认定为${COMPLAINT_FINDING_NAMES[c.reply.finding]}，答复如下：`,
        c.reply.text,
        ...(vote ? ['', vote] : []),
      ]),
      smsText: sms(`您的投诉${c.number}已答复：${c.reply.text}`, `您的投诉${c.number}已答复，详见邮件或网上办事大厅。`),
    };
  }
  return undefined;
}
