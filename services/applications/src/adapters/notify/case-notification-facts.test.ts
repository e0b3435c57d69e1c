import { renderCaseNotification } from '@govhall/notify';
import { applicationsV1 } from '@govhall/proto';
import { draftCase } from '../../domain/case.test-double';
import { notificationFacts, notificationKind } from './case-notification-facts';

describe('what a transition tells the applicant', () => {
  it('sends the notices A15 names, and nothing for internal steps', () => {
    const approved = draftCase({
      decision: { outcome: 'approved', reasons: [], remedies: [], decidedBy: 'x', decidedAt: new Date() },
    });
    const denied = draftCase({ decision: { ...approved.decision!, outcome: 'denied' } });
    expect(notificationKind('accepted', approved)).toBe('accepted');
    expect(notificationKind('one_time_notice_issued', approved)).toBe('one_time_notice');
    expect(notificationKind('suspended', approved)).toBe('suspended');
    expect(notificationKind('extension_approved', approved)).toBe('extension_approved');
    expect(notificationKind('decided', denied)).toBe('decided_denied');
    expect(notificationKind('result_issued', approved)).toBe('result_ready');
    expect(notificationKind('step_completed', approved)).toBeUndefined();
    expect(notificationKind('extension_requested', approved)).toBeUndefined();
  });

  it('tells of a result sent by post when it is posted, with its tracking number, not when it is issued', () => {
    const delivery = { method: 'post' as const, pickupCode: '', trackingNumber: '', address: '永昌县城关镇' };
    const issued = draftCase({
      status: 'completed',
      caseNumber: '6203212026030200001',
      decision: { outcome: 'approved', reasons: [], remedies: [], decidedBy: 'x', decidedAt: new Date() },
      delivery: { ...delivery, deliveredAt: undefined, deliveredBy: '' },
    });
    expect(notificationKind('result_issued', issued)).toBeUndefined();
    expect(notificationKind('decided_on_the_spot', issued)).toBeUndefined();
    const posted = { ...issued, delivery: { ...issued.delivery!, trackingNumber: 'SF1234567890' } };
    expect(notificationKind('delivered', posted)).toBe('result_ready');
    const event = applicationsV1.CaseTransitioned.fromPartial({
      transition: applicationsV1.Transition.TRANSITION_DELIVERED,
    });
    const facts = notificationFacts('result_ready', event, posted, {
      centerName: '永昌县政务服务中心',
      progressUrl: 'x',
    });
    const rendered = renderCaseNotification(facts);
    expect(rendered.subject).toContain('办理结果已寄出');
    expect(rendered.emailText).toContain('SF1234567890');
  });

  it('renders an acceptance in Chinese from the event’s dates and the case’s names', () => {
    const c = draftCase({ status: 'processing', caseNumber: '6203212026030200001' });
    const event = applicationsV1.CaseTransitioned.fromPartial({
      transition: applicationsV1.Transition.TRANSITION_ACCEPTED,
      facts: {
        clocks: {
          receivedDate: '2026-03-02',
          acceptedDate: '2026-03-03',
          promised: { dueDate: '2026-03-17' },
        },
      },
    });
    const facts = notificationFacts('accepted', event, c, {
      centerName: '永昌县政务服务中心',
      progressUrl: 'http://localhost:3000/progress?caseNumber=6203212026030200001',
    });
    const text = renderCaseNotification(facts);
    expect(text.smsText.startsWith('【永昌县政务服务中心】')).toBe(true);
    expect(text.emailText).toContain('6203212026030200001');
    expect(text.emailText).toContain('食品经营许可');
  });

  it('payment: due when the notice is issued, received only when the bank confirmed it', () => {
    const c = draftCase({ status: 'awaiting_payment', caseNumber: '620321202610080001' });
    expect(notificationKind('payment_requested', c)).toBe('payment_due');
    expect(notificationKind('payment_settled', c, 'paid')).toBe('payment_received');
    expect(notificationKind('payment_settled', c, 'cancelled')).toBeUndefined();
    expect(notificationKind('payment_settled', c, 'waived')).toBeUndefined();
    const event = applicationsV1.CaseTransitioned.fromPartial({
      transition: applicationsV1.Transition.TRANSITION_PAYMENT_REQUESTED,
      payment: {
        noticeId: 'n-1',
        noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
        paymentCode: '62032126100800001237',
        totalFen: 8_000,
        deadline: '2026-10-20',
        state: applicationsV1.PaymentState.PAYMENT_STATE_DUE,
      },
    });
    const rendered = renderCaseNotification(
      notificationFacts('payment_due', event, c, { centerName: '永昌县政务服务中心', progressUrl: 'x' }),
    );
    expect(rendered.emailText).toContain('缴款码：62032126100800001237');
    expect(rendered.emailText).toContain('应缴金额：人民币80.00元');
    expect(rendered.smsText).toContain('请于10月20日前到银行缴纳');
  });
});
