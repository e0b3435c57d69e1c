import type { CaseEventFacts } from './case-event-facts';
import { caseViolationId, detectCaseViolations } from './case-violation-detectors';

/** 2026-03-10 10:00 China time. */
const MARCH_10 = new Date('2026-03-10T02:00:00Z');

const facts = (over: Partial<CaseEventFacts> = {}): CaseEventFacts => ({
  eventId: 'ev-1',
  occurredAt: MARCH_10,
  transition: 'decided',
  reason: '',
  caseId: 'case-1',
  caseNumber: '620321202603020001',
  tenant: '620321',
  channel: 'online',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  responsible: 'approver1',
  actor: 'approver1',
  receivedDate: '2026-03-02',
  acceptedDate: '2026-03-03',
  promisedDueDate: '2026-03-10',
  noticeDueDate: '2026-03-09',
  decidedOnTheSpot: false,
  licences: [],
  decision: { outcome: 'approved', reasons: [], decidedBy: 'approver1' },
  ...over,
});

const kinds = (f: CaseEventFacts) => detectCaseViolations(f).map((v) => v.kind);

describe('case violation detectors', () => {
  it('finds nothing in a case decided on its due date with its acceptance and checked licences', () => {
    expect(kinds(facts({ licences: [{ licenceNumber: 'L1', licenceType: '营业执照', checkedAt: MARCH_10 }] }))).toEqual(
      [],
    );
  });

  it('detects a decision, and 办结, after the promised due date, with the same id for both', () => {
    const late = new Date('2026-03-10T16:30:00Z'); // 2026-03-11 00:30 China time
    const decided = detectCaseViolations(facts({ occurredAt: late }));
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({
      id: 'case-1.decision-past-limit',
      kind: 'decision_past_limit',
      occurredDate: '2026-03-11',
      person: 'approver1',
    });
    expect(decided[0]!.evidence).toEqual(
      expect.arrayContaining([
        { label: '承诺办结日期', value: '2026-03-10', eventId: 'ev-1', fileId: '' },
        { label: '实际作出决定日期', value: '2026-03-11', eventId: 'ev-1', fileId: '' },
      ]),
    );
    expect(decided[0]!.summary).toContain('超过承诺时限');
    const completed = detectCaseViolations(
      facts({ occurredAt: late, transition: 'result_issued', decision: undefined }),
    );
    expect(completed.map((v) => v.id)).toEqual(['case-1.decision-past-limit']);
    expect(kinds(facts({ promisedDueDate: '', occurredAt: late }))).toEqual([]);
  });

  it('detects a step finished after its due date, one id per step', () => {
    const step = {
      index: 1,
      name: '审查',
      budgetWorkingDays: 3,
      dueDate: '2026-03-09',
      finishedAt: MARCH_10,
      handledBy: 'reviewer1',
    };
    const found = detectCaseViolations(facts({ transition: 'step_completed', decision: undefined, step }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: caseViolationId('case-1', 'step_past_budget', 1), person: 'reviewer1' });
    expect(found[0]!.evidence.map((e) => e.label)).toContain('环节应完成日期');
    expect(
      kinds(facts({ transition: 'step_completed', decision: undefined, step: { ...step, dueDate: '2026-03-10' } })),
    ).toEqual([]);
    expect(kinds(facts({ transition: 'step_completed', decision: undefined, step: { ...step, dueDate: '' } }))).toEqual(
      [],
    );
  });

  it('detects a late one-time notice: online after its due date, at the counter on a later day than receipt', () => {
    const notice = { transition: 'one_time_notice_issued' as const, decision: undefined };
    expect(kinds(facts({ ...notice, noticeDueDate: '2026-03-09' }))).toEqual(['notice_late']);
    expect(kinds(facts({ ...notice, noticeDueDate: '2026-03-10' }))).toEqual([]);
    expect(kinds(facts({ ...notice, channel: 'counter', noticeDueDate: '', receivedDate: '2026-03-10' }))).toEqual([]);
    const counter = detectCaseViolations(
      facts({ ...notice, channel: 'counter', noticeDueDate: '', receivedDate: '2026-03-09' }),
    );
    expect(counter.map((v) => v.id)).toEqual(['case-1.notice-late']);
    expect(counter[0]!.summary).toContain('未在收件当次');
  });

  it('detects a refusal without reasons: not accepted, or denied', () => {
    expect(kinds(facts({ transition: 'not_accepted', decision: undefined, reason: '  ' }))).toEqual([
      'refusal_without_reasons',
    ]);
    expect(kinds(facts({ transition: 'not_accepted', decision: undefined, reason: '不属于本机关职权范围' }))).toEqual(
      [],
    );
    expect(kinds(facts({ decision: { outcome: 'denied', reasons: [''], decidedBy: 'a' } }))).toEqual([
      'refusal_without_reasons',
    ]);
    expect(kinds(facts({ decision: { outcome: 'denied', reasons: ['材料不真实'], decidedBy: 'a' } }))).toEqual([]);
  });

  it('detects an approval citing a licence never checked (S3), naming the licence', () => {
    const found = detectCaseViolations(
      facts({
        licences: [
          { licenceNumber: 'L1', licenceType: '营业执照', checkedAt: MARCH_10 },
          { licenceNumber: 'L2', licenceType: '健康证明' },
        ],
      }),
    );
    expect(found.map((v) => v.kind)).toEqual(['approval_without_licence_check']);
    expect(found[0]!.evidence).toContainEqual({
      label: '未核验的引用证照',
      value: '健康证明 L2',
      eventId: 'ev-1',
      fileId: '',
    });
    expect(
      kinds(
        facts({
          decision: { outcome: 'denied', reasons: ['x'], decidedBy: 'a' },
          licences: [{ licenceNumber: 'L2', licenceType: 't' }],
        }),
      ),
    ).toEqual([]);
  });

  it('detects 体外循环: a decision with no acceptance, not an on-the-spot decision', () => {
    expect(kinds(facts({ acceptedDate: '' }))).toEqual(['outside_system']);
    expect(kinds(facts({ acceptedDate: '', transition: 'decided_on_the_spot', decidedOnTheSpot: true }))).toEqual([]);
  });

  it('ignores other transitions', () => {
    expect(
      kinds(facts({ transition: 'accepted', acceptedDate: '', occurredAt: new Date('2026-04-01T02:00:00Z') })),
    ).toEqual([]);
  });
});
