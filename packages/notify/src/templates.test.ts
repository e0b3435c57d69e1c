import { caseNotifications, siteNotification } from './case-notifications';
import {
  NOTIFICATION_KINDS,
  SMS_SINGLE_LIMIT,
  STATUTORY_REMEDIES,
  renderCaseNotification,
  smsLength,
  type CaseNotificationFacts,
  type NotificationKind,
} from './templates';

const base = {
  centerName: '永昌县政务服务中心',
  caseNumber: '62032120261203000123', // region 6 + date 8 + sequence 6
  itemName: '食品经营许可（新办）',
  applicantName: '张三',
};

/** Facts every kind needs, as the cases service would fill them. */
const facts: Record<NotificationKind, CaseNotificationFacts> = {
  accepted: { ...base, kind: 'accepted', dates: { accepted: '2026-12-03', promisedBy: '2026-12-21' } },
  one_time_notice: {
    ...base,
    kind: 'one_time_notice',
    problems: ['营业执照复印件不清晰', '缺少食品安全管理制度文本', '经营场所平面图未标注面积'],
    dates: { supplementBy: '2026-12-18' },
  },
  returned: { ...base, kind: 'returned', problems: ['法定代表人身份证号码与营业执照不一致'] },
  not_accepted: { ...base, kind: 'not_accepted', reason: '申请事项依法不属于本机关职权范围' },
  suspended: {
    ...base,
    kind: 'suspended',
    reason: '需要进行现场核查',
    days: 5,
    dates: { suspendedFrom: '2026-12-07', plannedResume: '2026-12-14' },
  },
  resumed: { ...base, kind: 'resumed', dates: { resumed: '2026-12-14', promisedBy: '2026-12-28' } },
  extension_approved: {
    ...base,
    kind: 'extension_approved',
    days: 10,
    reason: '需组织专家评审',
    dates: { promisedBy: '2027-01-11' },
  },
  decided_approved: { ...base, kind: 'decided_approved', dates: { decided: '2026-12-20' } },
  decided_denied: {
    ...base,
    kind: 'decided_denied',
    reason: '经营场所与污染源距离不符合要求',
    dates: { decided: '2026-12-20' },
  },
  result_ready: {
    ...base,
    kind: 'result_ready',
    deliveryMethod: 'window',
    pickupCode: '738214',
    pickupPlace: '永昌县政务服务中心一楼 3 号窗口',
    dates: { pickupBy: '2027-01-20' },
  },
  delivered: { ...base, kind: 'delivered', deliveryMethod: 'post', dates: { delivered: '2026-12-24' } },
  withdrawn: { ...base, kind: 'withdrawn', dates: { withdrawn: '2026-12-05' } },
  payment_due: {
    ...base,
    kind: 'payment_due',
    payment: {
      noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
      paymentCode: '62032126120500001237',
      totalFen: 55_010,
    },
    dates: { paymentBy: '2026-12-20' },
  },
  payment_received: {
    ...base,
    kind: 'payment_received',
    payment: {
      noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
      paymentCode: '62032126120500001237',
      totalFen: 55_010,
    },
    dates: { promisedBy: '2026-12-28' },
  },
  rectification_closed: {
    ...base,
    kind: 'rectification_closed',
    rectification: {
      outcome: 'fix_by_date',
      text: '已调整午间窗口值班安排，并对当班人员进行了批评教育。',
      fixBy: '2026-12-15',
    },
  },
};

/** payment_due carries a 20-digit 缴款码 beside the 20-digit case number: one long SMS of two segments (67 each). */
const SMS_LIMIT: Partial<Record<NotificationKind, number>> = { payment_due: 2 * 67 };

describe('case notification templates', () => {
  it.each(NOTIFICATION_KINDS.map((k) => [k]))('%s: subject, e-mail and an SMS that fits one message', (kind) => {
    const r = renderCaseNotification(facts[kind]);
    expect(r.subject).toContain(base.caseNumber);
    expect(r.subject.startsWith('【永昌县政务服务中心】')).toBe(true);
    expect(r.emailText).toContain('张三：');
    expect(r.emailText).toContain(`办件编号：${base.caseNumber}`);
    expect(r.emailText).toContain(base.itemName);
    expect(r.smsText.startsWith('【永昌县政务服务中心】')).toBe(true);
    expect(r.smsText).toContain(base.caseNumber);
    expect(smsLength(r.smsText)).toBeLessThanOrEqual(SMS_LIMIT[kind] ?? SMS_SINGLE_LIMIT);
    expect(`${r.subject}${r.emailText}${r.smsText}`).not.toMatch(/undefined|NaN|\[object/);
  });

  it('payment_due: notice number, 缴款码, the total in yuan from fen and the deadline, in the e-mail and the SMS', () => {
    const r = renderCaseNotification(facts.payment_due);
    expect(r.emailText).toContain('缴款通知书编号：永昌县政务服务中心缴〔2026〕00012号');
    expect(r.emailText).toContain('缴款码：62032126120500001237');
    expect(r.emailText).toContain('应缴金额：人民币550.10元');
    expect(r.emailText).toContain('缴款期限：2026年12月20日前');
    expect(r.smsText).toBe(
      '【永昌县政务服务中心】您的办件62032120261203000123须缴费550.10元，缴款码62032126120500001237，请于12月20日前到银行缴纳。',
    );
    expect(() => renderCaseNotification({ ...facts.payment_due, payment: undefined })).toThrow(TypeError);
    expect(() => renderCaseNotification({ ...facts.payment_due, dates: {} })).toThrow(TypeError);
  });

  it('payment_received: the amount confirmed by the bank and the moved promised date', () => {
    const r = renderCaseNotification(facts.payment_received);
    expect(r.emailText).toContain(
      '应缴费用人民币550.10元已由银行确认到账（缴款通知书永昌县政务服务中心缴〔2026〕00012号）',
    );
    expect(r.emailText).toContain('承诺办结日期：2026年12月28日');
    expect(r.smsText).toBe(
      '【永昌县政务服务中心】您的办件62032120261203000123费用550.10元已确认到账，结果出具后另行通知。',
    );
  });

  it('rectification_closed: the outcome in the rater’s words, its date and the handler’s account', () => {
    const r = renderCaseNotification(facts.rectification_closed);
    expect(r.subject).toBe('【永昌县政务服务中心】差评整改结果：食品经营许可（新办）（62032120261203000123）');
    expect(r.emailText).toContain('整改结果：限期整改（2026年12月15日前完成）');
    expect(r.emailText).toContain('情况说明：已调整午间窗口值班安排，并对当班人员进行了批评教育。');
    expect(r.smsText).toBe(
      '【永昌县政务服务中心】您对办件62032120261203000123的差评已处理（限期整改），详见网上办事大厅或邮件。',
    );
    // An upheld appeal is told as the finding, with the office's reasons; no date for anything but 限期整改.
    const upheld = renderCaseNotification({
      ...facts.rectification_closed,
      rectification: { outcome: 'appeal_mistaken', text: '经调取录像核实，该评价系误选窗口。', fixBy: '2026-12-15' },
    });
    expect(upheld.emailText).toContain('整改结果：经核查为误评\n');
    expect(upheld.smsText).toContain('（经核查为误评）');
    expect(() => renderCaseNotification({ ...facts.rectification_closed, rectification: undefined })).toThrow(
      TypeError,
    );
  });

  it('accepted: the acceptance day and the promised completion date, long in the e-mail and short in the SMS', () => {
    const r = renderCaseNotification(facts.accepted);
    expect(r.emailText).toContain('已于2026年12月3日受理');
    expect(r.emailText).toContain('承诺办结日期：2026年12月21日');
    expect(r.smsText).toBe('【永昌县政务服务中心】您的办件62032120261203000123已受理，承诺12月21日前办结。');
  });

  it('one-time notice lists every problem, numbered, and the SMS counts them', () => {
    const r = renderCaseNotification(facts.one_time_notice);
    expect(r.emailText).toContain(
      '  1. 营业执照复印件不清晰\n  2. 缺少食品安全管理制度文本\n  3. 经营场所平面图未标注面积',
    );
    expect(r.emailText).toContain('请于2026年12月18日前按上述要求补正');
    expect(r.smsText).toContain('需补正3项材料');
  });

  it('a denial carries the reason and the statutory remedies unless the decision gives its own', () => {
    const r = renderCaseNotification(facts.decided_denied);
    expect(r.emailText).toContain('理由：经营场所与污染源距离不符合要求');
    expect(r.emailText).toContain(STATUTORY_REMEDIES);
    expect(STATUTORY_REMEDIES).toContain('六十日内');
    expect(STATUTORY_REMEDIES).toContain('六个月内');
    const own = renderCaseNotification({ ...facts.decided_denied, remedies: '可向金昌市人民政府申请行政复议。' });
    expect(own.emailText).toContain('可向金昌市人民政府申请行政复议。');
    expect(own.emailText).not.toContain(STATUTORY_REMEDIES);
  });

  it('result ready at the window gives the pickup code in both texts; by post the tracking number', () => {
    const r = renderCaseNotification(facts.result_ready);
    expect(r.emailText).toContain('取件码：738214');
    expect(r.emailText).toContain('永昌县政务服务中心一楼 3 号窗口');
    expect(r.smsText).toContain('取件码738214');
    const post = renderCaseNotification({
      ...facts.result_ready,
      deliveryMethod: 'post',
      trackingNumber: 'SF1234567890',
    });
    expect(post.smsText).toContain('SF1234567890');
    expect(post.emailText).not.toContain('取件码');
  });

  it('suspension names the reason and the planned resumption', () => {
    const r = renderCaseNotification(facts.suspended);
    expect(r.emailText).toContain('自2026年12月7日起中止办理');
    expect(r.emailText).toContain('原因：需要进行现场核查');
    expect(r.emailText).toContain('预计于2026年12月14日恢复办理（中止5个工作日）');
    expect(r.smsText).toContain('预计12月14日恢复');
  });

  it('falls back to the short SMS when the long one would need two messages', () => {
    const longCenter = { ...facts.extension_approved, centerName: '甘肃省金昌市金川区人民政府政务服务中心办事大厅' };
    const r = renderCaseNotification(longCenter);
    expect(smsLength(r.smsText)).toBeLessThanOrEqual(SMS_SINGLE_LIMIT);
    expect(r.smsText).toBe(
      '【甘肃省金昌市金川区人民政府政务服务中心办事大厅】办件62032120261203000123延期10个工作日，1月11日前办结。',
    );
  });

  it('refuses facts a kind needs but lacks, naming the fact', () => {
    expect(() => renderCaseNotification({ ...base, kind: 'accepted', dates: { accepted: '2026-12-03' } })).toThrow(
      'dates.promisedBy',
    );
    expect(() => renderCaseNotification({ ...base, kind: 'one_time_notice', problems: [] })).toThrow('problems');
    expect(() => renderCaseNotification({ ...base, kind: 'result_ready', deliveryMethod: 'window' })).toThrow(
      'pickupCode',
    );
    expect(() =>
      renderCaseNotification({ ...base, kind: 'decided_approved', dates: { decided: '20.12.2026' } }),
    ).toThrow('YYYY-MM-DD');
  });

  it('caseNotifications: one entry per contact, ids derived from the cause', () => {
    const entries = caseNotifications(
      'evt-1',
      facts.accepted,
      { email: 'zs@example.cn', mobile: '13912345678' },
      '620321',
    );
    expect(entries.map((e) => [e.id, e.channel, e.to])).toEqual([
      ['evt-1:email', 'email', 'zs@example.cn'],
      ['evt-1:sms', 'sms', '13912345678'],
    ]);
    expect(entries[0]).toMatchObject({ kind: 'accepted', caseNumber: base.caseNumber, tenant: '620321' });
    expect(entries[0]!.subject).toContain('受理通知');
    expect(entries[1]!.subject).toBeUndefined();
    expect(caseNotifications('evt-2', facts.accepted, {})).toEqual([]);
  });

  it("siteNotification: the e-mail's wording without salutation, signature or contacts, id derived from the cause", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const email = renderCaseNotification(facts[kind]);
      const site = siteNotification('evt-3', facts[kind]);
      expect(site).toMatchObject({ id: 'evt-3:site', kind, caseNumber: base.caseNumber, itemName: base.itemName });
      expect(email.subject).toBe(`【${base.centerName}】${site.title}（${base.caseNumber}）`);
      for (const line of site.text.split('\n')) expect(email.emailText).toContain(line);
      expect(site.text).not.toContain(base.applicantName + '：');
      expect(site.text).not.toContain('请勿直接回复');
    }
    const notice = siteNotification('evt-4', facts.one_time_notice);
    expect(notice.title).toBe('一次性告知：食品经营许可（新办）需补正材料');
    expect(notice.text.split('\n')).toEqual([
      '您申请的“食品经营许可（新办）”经审查，材料不齐全或者不符合法定形式，现一次性告知需补正的全部内容：',
      '  1. 营业执照复印件不清晰',
      '  2. 缺少食品安全管理制度文本',
      '  3. 经营场所平面图未标注面积',
      '请于2026年12月18日前按上述要求补正后重新提交。补正齐全的，自收到全部补正材料之日起受理。',
    ]);
  });
});
