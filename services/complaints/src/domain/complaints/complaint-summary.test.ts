import {
  accept,
  checkFiling,
  fileComplaint,
  markAcceptanceOverdue,
  rateReply,
  reject,
  reply,
  type Complaint,
  type ComplaintKind,
} from './complaint';
import { overdueClock, summarizeComplaints } from './complaint-summary';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

function filed(n: number, kind: ComplaintKind = 'efficiency', acceptBy = '2026-12-08'): Complaint {
  const input = checkFiling({
    type: 'complaint',
    kind,
    channel: 'online',
    target: { kind: 'window', id: 'w-3' },
    content: '在3号窗口办理食品经营许可，被要求重复提交材料。',
    complainant: { name: '张三', phone: '13912345678', email: '' },
    attachmentIds: [],
  });
  return fileComplaint(input, {
    id: `c-${n}`,
    number: `TS62032120261207${String(n).padStart(5, '0')}`,
    tenant: '620321',
    target: { kind: 'window', id: 'w-3', name: '3号窗口', department: '620321-SCJG' },
    subject: '',
    receivedBy: '',
    legalAffairs: '620321-SFJ',
    acceptBy,
    requestId: `req-${n}`,
    attachments: [],
    now: at('2026-12-07'),
  }).complaint;
}
const accepted = (c: Complaint, replyBy = '2026-12-14') =>
  accept(c, 'ycx-supervisor', replyBy, at('2026-12-08')).complaint;
const answered = (c: Complaint, finding: 'justified' | 'invalid' | 'mistaken') =>
  reply(accepted(c), { finding, text: '已核实并整改。' }, 'ycx-supervisor', at('2026-12-09')).complaint;

describe('投诉统计 (summarizeComplaints)', () => {
  it('counts by state, kind, finding and vote, every key present', () => {
    const s = summarizeComplaints(
      [
        filed(1),
        accepted(filed(2, 'service')),
        answered(filed(3), 'justified'),
        rateReply(answered(filed(4, 'law_enforcement'), 'invalid'), 'dissatisfied', at('2026-12-10')).complaint,
        rateReply(answered(filed(5), 'justified'), 'satisfied', at('2026-12-10')).complaint,
        reject(filed(6, 'reconsideration'), '不属于受理范围。', 'ycx-legal', at('2026-12-08')).complaint,
      ],
      '2026-12-08',
    );
    expect(s.total).toBe(6);
    expect(s.byStatus).toEqual({ received: 1, accepted: 1, rejected: 1, replied: 1, closed: 2 });
    expect(s.byKind).toEqual({ efficiency: 3, law_enforcement: 1, reconsideration: 1, service: 1 });
    expect(s.byFinding).toEqual({ justified: 2, invalid: 1, mistaken: 0 });
    expect(s.bySatisfaction).toEqual({ satisfied: 1, basically_satisfied: 0, dissatisfied: 1 });
    expect(s).toMatchObject({ lateAcceptance: 0, lateReply: 0, overdue: [] });
  });

  it('lists the open ones past their day, without the complainant, the longest overdue first', () => {
    const late = [filed(1, 'efficiency', '2026-12-09'), accepted(filed(2, 'service'), '2026-12-10'), filed(3)];
    const s = summarizeComplaints(late, '2026-12-11');
    expect(s.overdue.map((o) => [o.number.slice(-1), o.clock, o.dueDay])).toEqual([
      ['3', 'accept', '2026-12-08'],
      ['1', 'accept', '2026-12-09'],
      ['2', 'reply', '2026-12-10'],
    ]);
    expect(s.overdue[0]).toEqual({
      id: 'c-3',
      number: 'TS6203212026120700003',
      kind: 'efficiency',
      target: { kind: 'window', id: 'w-3', name: '3号窗口', department: '620321-SCJG' },
      office: 'supervision',
      officeDepartment: '',
      status: 'received',
      clock: 'accept',
      dueDay: '2026-12-08',
    });
    expect(JSON.stringify(s)).not.toContain('张三');
    expect(s).toMatchObject({ lateAcceptance: 2, lateReply: 1 });
  });

  it('is on time on its day; counts a clock handled late since but lists it no more', () => {
    expect(overdueClock(filed(1), '2026-12-08')).toBeNull();
    expect(overdueClock(filed(1), '2026-12-09')).toEqual({ clock: 'accept', dueDay: '2026-12-08' });
    const flagged = markAcceptanceOverdue(filed(2), '2026-12-09', at('2026-12-09'))!.complaint;
    const lateButAnswered = reply(
      accept(flagged, 'ycx-supervisor', '2026-12-16', at('2026-12-09')).complaint,
      { finding: 'mistaken', text: '投诉事项与事实不符。' },
      'ycx-supervisor',
      at('2026-12-10'),
    ).complaint;
    const s = summarizeComplaints([lateButAnswered], '2026-12-20');
    expect(s).toMatchObject({ lateAcceptance: 1, lateReply: 0, overdue: [] });
    // The sweep's flag counts even before the caller's day passes the due day.
    expect(overdueClock(flagged, '2026-12-08')).toEqual({ clock: 'accept', dueDay: '2026-12-08' });
  });
});
