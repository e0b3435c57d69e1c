import { complaintsV1 } from '@govhall/proto';
import { draftCase } from '../../domain/case.test-double';
import { notifierWorld } from './notifier.test-double';
import { rectificationNotifier } from './notify-on-rectification';

const at = new Date('2026-12-10T02:00:00Z');
const c = draftCase({
  status: 'completed',
  caseNumber: '6203212026112000007',
  contact: { email: 'zs@example.cn', mobile: '13912345678' },
});

const world = () => notifierWorld(c, at, rectificationNotifier);

/** A rectification of the applicant's real-name rating 2 of the case, closed with 限期整改. */
const closed = (overrides: Partial<complaintsV1.Rectification> = {}) =>
  complaintsV1.Rectification.fromPartial({
    id: 'rating-1',
    tenant: '620321',
    subject: complaintsV1.RatingSubject.RATING_SUBJECT_CASE,
    caseId: c.id,
    realName: true,
    raterName: '张*',
    status: complaintsV1.RectificationStatus.RECTIFICATION_STATUS_CLOSED,
    outcome: complaintsV1.RectificationOutcome.RECTIFICATION_OUTCOME_FIX_BY_DATE,
    outcomeText: '已调整午间窗口值班安排。',
    fixBy: '2026-12-15',
    ...overrides,
  });

const concluded = (id: string, r: complaintsV1.Rectification) => ({
  id,
  type: 'govhall.complaints.v1.RectificationConcluded',
  payload: complaintsV1.RectificationConcluded.encode({ rectification: r }).finish(),
  tenant: r.tenant,
  occurredAt: at,
});

describe('the notifier: the outcome of a rectification of a bad rating (差评整改)', () => {
  it('tells the applicant in-site, by e-mail and by SMS, in the rater’s words; a redelivery adds nothing', async () => {
    const w = world();
    await w.handle(concluded('evt-1', closed()));
    await w.handle(concluded('evt-1', closed()));
    expect(w.ledger.map((n) => [n.id, n.channel, n.to, n.kind])).toEqual([
      ['evt-1:email', 'email', 'zs@example.cn', 'rectification_closed'],
      ['evt-1:sms', 'sms', '13912345678', 'rectification_closed'],
    ]);
    expect(w.ledger[0]!.text).toContain('整改结果：限期整改（2026年12月15日前完成）');
    expect(w.ledger[0]!.text).toContain('情况说明：已调整午间窗口值班安排。');
    expect(w.ledger[1]!.text).toContain('【永昌县政务服务中心】您对办件6203212026112000007的差评已处理（限期整改）');
    const site = w.inbox.items.get('evt-1:site')!;
    expect(site).toMatchObject({ recipient: c.applicant.subject, kind: 'rectification_closed', caseId: c.id });
    expect(site.title).toBe('差评整改结果：食品经营许可');
  });

  it('tells an upheld appeal with the supervision office’s reasons', async () => {
    const w = world();
    const r = closed({
      outcome: complaintsV1.RectificationOutcome.RECTIFICATION_OUTCOME_APPEAL_MISTAKEN,
      outcomeText: '评价人误选了窗口（录像为证）',
      fixBy: '',
      appealDecision: { upheld: true, notes: '经调取录像核实，该评价系误选窗口。', decidedBy: 'yc-sup' },
    });
    await w.handle({
      id: 'evt-2',
      type: 'govhall.complaints.v1.AppealDecided',
      payload: complaintsV1.AppealDecided.encode({ rectification: r }).finish(),
      tenant: '620321',
    });
    expect(w.ledger[0]!.text).toContain('整改结果：经核查为误评\n情况说明：经调取录像核实，该评价系误选窗口。');
    expect(w.ledger[0]!.text).not.toContain('录像为证');
  });

  it('tells nothing while appealed, for a visit, an anonymous rating, another tenant’s case or an unknown case', async () => {
    const w = world();
    const S = complaintsV1.RectificationStatus;
    await w.handle(concluded('e-1', closed({ status: S.RECTIFICATION_STATUS_APPEALED })));
    await w.handle(concluded('e-2', closed({ subject: complaintsV1.RatingSubject.RATING_SUBJECT_VISIT })));
    await w.handle(concluded('e-3', closed({ realName: false })));
    await w.handle(concluded('e-4', closed({ tenant: '620302' })));
    await w.handle(concluded('e-5', closed({ caseId: 'no-such-case' })));
    expect(w.ledger).toEqual([]);
    expect(w.inbox.items.size).toBe(0);
  });
});
