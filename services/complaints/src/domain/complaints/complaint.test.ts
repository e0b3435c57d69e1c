import { PreconditionError, ValidationError } from '@govhall/errors';
import {
  accept,
  checkFiling,
  complaintNumber,
  fileComplaint,
  forEvents,
  markAcceptanceOverdue,
  markReplyOverdue,
  publishedOutcome,
  rateReply,
  reject,
  reply,
  routeOf,
  type Complaint,
  type FilingInput,
} from './complaint';
import { requestStatusOf } from './request-status';

const now = new Date('2026-12-07T02:00:00Z');
const input = (over: Partial<FilingInput> = {}): FilingInput => ({
  type: 'complaint',
  kind: 'efficiency',
  channel: 'online',
  target: { kind: 'window', id: 'w-3' },
  content: '12月4日在3号窗口办理食品经营许可，工作人员让我跑了三趟，联系电话13912345678。',
  complainant: { name: '张三', phone: '13912345678', email: '' },
  attachmentIds: [],
  ...over,
});

function filed(over: Partial<FilingInput> = {}): Complaint {
  return fileComplaint(checkFiling(input(over)), {
    id: 'c-1',
    number: complaintNumber('620321', '2026-12-07', 12),
    tenant: '620321',
    target: { kind: 'window', id: 'w-3', name: '3号窗口（食品经营许可）', department: '620321-SCJG' },
    subject: 'subject-zhangsan',
    receivedBy: '',
    legalAffairs: '620321-FZB',
    acceptBy: '2026-12-08',
    requestId: 'req-1',
    attachments: [],
    now,
  }).complaint;
}

const violations = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.path, v.reason]);
  }
  throw new Error('accepted');
};

describe('filing a complaint (C8, C9)', () => {
  it('is received, numbered, routed by kind and due for acceptance', () => {
    const c = filed();
    expect(c).toMatchObject({
      number: 'TS6203212026120700012',
      status: 'received',
      office: 'supervision',
      officeDepartment: '',
      acceptBy: '2026-12-08',
      replyBy: '',
      complainant: { name: '张三', phone: '13912345678', subject: 'subject-zhangsan' },
      version: 1,
    });
  });

  it('routes law enforcement and reconsideration to legal affairs, general service to coordination (C15, C16)', () => {
    expect(routeOf('law_enforcement', '620321-FZB')).toEqual({
      office: 'legal_affairs',
      officeDepartment: '620321-FZB',
    });
    expect(routeOf('reconsideration', '620321-FZB')).toEqual({
      office: 'legal_affairs',
      officeDepartment: '620321-FZB',
    });
    expect(routeOf('service', '620321-FZB')).toEqual({ office: 'coordination', officeDepartment: '' });
    expect(routeOf('efficiency', '620321-FZB')).toEqual({ office: 'supervision', officeDepartment: '' });
  });

  it('refuses a filing missing its parts, naming each field', () => {
    expect(
      violations(() =>
        checkFiling(
          input({
            type: undefined,
            kind: undefined,
            channel: undefined,
            target: { kind: undefined, id: '' },
            content: '太慢',
            attachmentIds: ['a', 'a', 'b', 'c', 'd', 'e'],
          }),
        ),
      ),
    ).toEqual([
      ['type', 'REQUIRED'],
      ['kind', 'REQUIRED'],
      ['channel', 'REQUIRED'],
      ['target.kind', 'REQUIRED'],
      ['content', 'REQUIRED'],
      ['attachmentIds', 'MAX_ITEMS'],
      ['attachmentIds', 'UNIQUE'],
    ]);
    expect(violations(() => checkFiling(input({ target: { kind: 'staff', id: ' ' } })))).toEqual([
      ['target.id', 'REQUIRED'],
    ]);
    expect(violations(() => checkFiling(input({ target: { kind: 'none', id: 'x' } })))).toEqual([
      ['target.id', 'NOT_ALLOWED'],
    ]);
    expect(
      violations(() => checkFiling(input({ complainant: { name: '张三', phone: '12345', email: 'no-at-sign' } }))),
    ).toEqual([
      ['complainant.phone', 'PATTERN'],
      ['complainant.email', 'PATTERN'],
    ]);
  });

  it('needs a named complainant and a way to answer for a 投诉; a 举报 may be anonymous', () => {
    const anonymous = { name: '', phone: '', email: '' };
    expect(violations(() => checkFiling(input({ complainant: anonymous })))).toEqual([
      ['complainant.name', 'REQUIRED'],
      ['complainant.phone', 'REQUIRED'],
    ]);
    expect(checkFiling(input({ type: 'report', complainant: anonymous })).complainant).toEqual(anonymous);
  });
});

describe('handling a complaint (C13)', () => {
  it('is accepted, answered and classed, then rated by the complainant, which closes it (C10)', () => {
    const accepted = accept(filed(), 'yc-sup', '2026-12-15', now).complaint;
    expect(accepted).toMatchObject({ status: 'accepted', acceptedBy: 'yc-sup', replyBy: '2026-12-15', version: 2 });
    const { complaint: replied, events } = reply(
      accepted,
      { finding: 'justified', text: '经核实，窗口未一次性告知，已对当事人批评教育。' },
      'yc-sup',
      now,
    );
    expect(events.map((e) => e.type)).toEqual(['ComplaintReplied']);
    expect(replied.reply).toMatchObject({ finding: 'justified', repliedBy: 'yc-sup' });
    const rated = rateReply(replied, 'satisfied', now).complaint;
    expect(rated).toMatchObject({ status: 'closed', satisfaction: 'satisfied', version: 4 });
    expect(() => rateReply(rated, 'dissatisfied', now)).toThrow(PreconditionError);
  });

  it('refuses acts in the wrong state and answers without their parts', () => {
    const c = filed();
    expect(() => reply(c, { finding: 'invalid', text: '不属于本中心职责' }, 'yc-sup', now)).toThrow(PreconditionError);
    expect(
      violations(() => reply(accept(c, 'x', '2026-12-15', now).complaint, { finding: undefined, text: '' }, 'x', now)),
    ).toEqual([
      ['finding', 'REQUIRED'],
      ['text', 'REQUIRED'],
    ]);
    expect(violations(() => reject(c, ' ', 'yc-sup', now))).toEqual([['reason', 'REQUIRED']]);
    const rejected = reject(c, '不属于政务服务事项，已告知向12345热线反映', 'yc-sup', now).complaint;
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: '不属于政务服务事项，已告知向12345热线反映',
    });
    expect(() => accept(rejected, 'yc-sup', '2026-12-15', now)).toThrow(PreconditionError);
    expect(violations(() => rateReply(c, undefined, now))).toEqual([['satisfaction', 'REQUIRED']]);
  });
});

describe('the clocks (accept in 1, answer in 5 working days)', () => {
  it('reports an acceptance and an answer overdue once each, only after their day', () => {
    const c = filed();
    expect(markAcceptanceOverdue(c, '2026-12-08', now)).toBeNull();
    const late = markAcceptanceOverdue(c, '2026-12-09', now)!;
    expect(late.events.map((e) => e.type)).toEqual(['ComplaintAcceptanceOverdue']);
    expect(markAcceptanceOverdue(late.complaint, '2026-12-10', now)).toBeNull();
    const accepted = accept(late.complaint, 'yc-sup', '2026-12-16', now).complaint;
    expect(markAcceptanceOverdue(accepted, '2026-12-10', now)).toBeNull();
    expect(markReplyOverdue(accepted, '2026-12-16', now)).toBeNull();
    const replyLate = markReplyOverdue(accepted, '2026-12-17', now)!;
    expect(replyLate.complaint.replyOverdue).toBe(true);
    expect(markReplyOverdue(replyLate.complaint, '2026-12-18', now)).toBeNull();
  });
});

describe('what leaves the service', () => {
  it('events carry no complainant and a masked content', () => {
    const c = forEvents(
      filed({ content: '工作人员态度恶劣，我的电话13912345678，邮箱zhangsan@example.cn，身份证620321199001011234' }),
    );
    expect(c.complainant).toEqual({ name: '', phone: '', email: '', subject: '' });
    expect(c.content).not.toMatch(/13912345678|zhangsan@example\.cn|620321199001011234/);
  });

  it('publishes only an accepted and answered complaint, masked, a person by position and a case as 办件 (C12)', () => {
    const c = filed({ target: { kind: 'staff', id: 'yc-clerk' } });
    expect(publishedOutcome(c)).toBeUndefined();
    const staffTarget = {
      ...c,
      target: { kind: 'staff' as const, id: 'yc-clerk', name: '王清', department: '620321-SCJG' },
    };
    const answered = reply(
      accept(staffTarget, 'yc-sup', '2026-12-15', now).complaint,
      { finding: 'justified', text: '已约谈王清本人，电话13912345678已回访。' },
      'yc-sup',
      now,
    ).complaint;
    const out = publishedOutcome(answered)!;
    expect(out).toMatchObject({
      number: 'TS6203212026120700012',
      targetKind: 'staff',
      targetName: '工作人员',
      finding: 'justified',
    });
    expect(`${out.content}${out.reply}`).not.toContain('13912345678');
    expect(JSON.stringify(out)).not.toMatch(/张三|王清/);
    expect(out.reply).toContain('已约谈王*本人');
    const caseTarget = {
      ...answered,
      target: { kind: 'case' as const, id: 'case-1', name: '620321202612010001', department: '620321-SCJG' },
    };
    expect(publishedOutcome(caseTarget)!.targetName).toBe('办件');
    expect(publishedOutcome(reject(c, '不属于本中心受理范围', 'x', now).complaint)).toBeUndefined();
  });
});

describe('the status anyone may read (Open311, ADR 0067)', () => {
  const later = new Date('2026-12-08T03:00:00Z');
  const latest = new Date('2026-12-09T04:00:00Z');

  it('while it is handled: no content, no complainant, the date it is due by', () => {
    const received = requestStatusOf(filed());
    expect(received).toMatchObject({
      number: 'TS6203212026120700012',
      status: 'received',
      office: 'supervision',
      content: '',
      reply: '',
      expectedBy: '2026-12-08',
      updatedAt: now,
    });
    expect(received.finding).toBeUndefined();
    expect(JSON.stringify(received)).not.toMatch(/张三|13912345678|跑了三趟/);
    const accepted = requestStatusOf(accept(filed(), 'yc-sup', '2026-12-15', later).complaint);
    expect([accepted.status, accepted.expectedBy, accepted.updatedAt]).toEqual(['accepted', '2026-12-15', later]);
  });

  it('answered: the finding, and the content and answer masked as published', () => {
    const answered = reply(
      accept(filed(), 'yc-sup', '2026-12-15', later).complaint,
      { finding: 'justified', text: '已回访张三，电话13912345678。' },
      'yc-sup',
      latest,
    ).complaint;
    const status = requestStatusOf(answered);
    expect(status).toMatchObject({ status: 'replied', finding: 'justified', expectedBy: '', updatedAt: latest });
    expect(status.content).toContain('跑了三趟');
    expect(`${status.content}${status.reply}`).not.toMatch(/张三|13912345678/);
  });

  it('refused: the reason masked, dated when refused', () => {
    const refused = reject(filed(), '张三所述事项已由法院受理（电话13912345678）', 'yc-sup', later).complaint;
    const status = requestStatusOf(refused);
    expect([status.status, status.updatedAt, status.content]).toEqual(['rejected', later, '']);
    expect(status.rejectionReason).toContain('已由法院受理');
    expect(status.rejectionReason).not.toMatch(/张三|13912345678/);
  });
});
