import { accept, checkFiling, fileComplaint, reject, reply, type Complaint } from './complaint';
import { complaintNotice } from './complaint-notices';

const now = new Date('2026-12-07T02:00:00Z');
const filed = (name = '张三', subject = 'sub-zhang', type: 'complaint' | 'report' = 'complaint'): Complaint =>
  fileComplaint(
    checkFiling({
      type,
      kind: 'efficiency',
      channel: 'online',
      target: { kind: 'none', id: '' },
      content: '大厅叫号系统经常失灵，排队秩序混乱。',
      complainant: { name, phone: '13912345678', email: 'zs@example.cn' },
      attachmentIds: [],
    }),
    {
      id: 'c-1',
      number: 'TS6203212026120700001',
      tenant: '620321',
      target: { kind: 'none', id: '', name: '', department: '' },
      subject,
      receivedBy: '',
      legalAffairs: '620321-SFJ',
      acceptBy: '2026-12-08',
      requestId: 'req-1',
      attachments: [],
      now,
    },
  ).complaint;

describe('what the complainant is told', () => {
  it('a refusal with its reason, by name, signed by the center; the SMS carries the reason when it fits', () => {
    const n = complaintNotice(
      reject(filed(), '不属于本中心受理范围，请拨打12345热线。', 'x', now).complaint,
      '永昌县政务服务中心',
    )!;
    expect(n.subject).toBe('【永昌县政务服务中心】投诉不予受理告知（TS6203212026120700001）');
    expect(n.emailText).toContain('张三：');
    expect(n.emailText).toContain('不属于本中心受理范围，请拨打12345热线。');
    expect(n.smsText).toBe(
      '【永昌县政务服务中心】您的投诉TS6203212026120700001不予受理：不属于本中心受理范围，请拨打12345热线。',
    );
  });

  it('an answer with its finding, asking a signed-in complainant to vote; a long answer points the SMS elsewhere', () => {
    const accepted = accept(filed(), 'yc-sup', '2026-12-14', now).complaint;
    const long = '经调查核实'.repeat(40);
    const n = complaintNotice(
      reply(accepted, { finding: 'justified', text: long }, 'yc-sup', now).complaint,
      '永昌县政务服务中心',
    )!;
    expect(n.emailText).toContain('认定为合理投诉');
    expect(n.emailText).toContain('请登录网上办事大厅查看并对答复进行评价。');
    expect(n.smsText).toBe('【永昌县政务服务中心】您的投诉TS6203212026120700001已答复，详见邮件或网上办事大厅。');
    const anonymous = accept(filed('', '', 'report'), 'yc-sup', '2026-12-14', now).complaint;
    const a = complaintNotice(
      reply(anonymous, { finding: 'invalid', text: '已转交12345热线。' }, 'x', now).complaint,
      '中心',
    )!;
    expect(a.emailText.startsWith('您好：')).toBe(true);
    expect(a.emailText).not.toContain('评价');
    expect(a.emailText).toContain('您提交的举报（编号');
  });

  it('nothing for a complaint received or accepted', () => {
    expect(complaintNotice(filed(), '中心')).toBeUndefined();
    expect(complaintNotice(accept(filed(), 'x', '2026-12-14', now).complaint, '中心')).toBeUndefined();
  });
});
