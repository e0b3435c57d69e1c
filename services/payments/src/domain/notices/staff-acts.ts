import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { textField } from '../text-field';
import type { Notice, NoticeChange } from './notice';

/**
 * P3: the applicant presents a bank slip at the window. The notice shows it, awaiting the bank's confirmation; it is
 * never paid by this.
 */
export function registerSlip(notice: Notice, slipNumber: string, by: string, now: Date): NoticeChange {
  const v: Violation[] = [];
  const number = textField(v, 'slipNumber', slipNumber, { label: '回执编号', min: 1, max: 40 });
  if (v.length > 0) throw new ValidationError(v);
  if (notice.state !== 'issued') {
    throw new PreconditionError('WRONG_STATE', '只有已开具、尚未缴款的通知书可以登记缴费回执');
  }
  const next: Notice = {
    ...notice,
    state: 'slip_registered',
    slip: { slipNumber: number, registeredBy: by, registeredAt: now },
    updatedAt: now,
  };
  return { notice: next, events: [{ type: 'SlipRegistered', notice: next }] };
}

/**
 * 收缴分离 (decision 4): a member of staff tried to mark the notice paid. Nothing about the payment changes; the attempt
 * is counted and announced, so supervision records the violation.
 */
export function refuseMarkPaid(
  notice: Notice,
  actor: { username: string; roles: string[]; department: string },
  reason: string,
  now: Date,
): NoticeChange {
  const v: Violation[] = [];
  const said = textField(v, 'reason', reason, { label: '说明', max: 500, multiline: true });
  const attempt = notice.markPaidAttempts + 1;
  const next: Notice = { ...notice, markPaidAttempts: attempt, updatedAt: now };
  return {
    notice: next,
    events: [
      {
        type: 'StaffMarkPaidRefused',
        notice: next,
        actor: actor.username,
        roles: actor.roles,
        department: actor.department,
        attempt,
        reason: v.length > 0 ? '' : said,
      },
    ],
  };
}
