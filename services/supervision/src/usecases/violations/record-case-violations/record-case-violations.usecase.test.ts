import { clock, lateDecision, violationWorld } from '../violation-test-fixtures.test-double';

describe('record-case-violations', () => {
  it('stores what an event shows once, with its evidence, however often the event comes', async () => {
    const { violations, record } = await violationWorld();
    expect(await record(lateDecision())).toEqual([]);
    expect(await record(lateDecision({ eventId: 'ev-issued', transition: 'result_issued' }))).toEqual([]);
    expect(violations.announced).toEqual([
      'case-1.decision-past-limit',
      'case-2.decision-past-limit',
      'case-3.decision-past-limit',
    ]);
    expect(violations.stored.get('case-1.decision-past-limit')).toMatchObject({
      state: 'open',
      recordedBy: 'automatic',
      version: 1,
      recordedAt: clock().now(),
      evidence: expect.arrayContaining([expect.objectContaining({ label: '承诺办结日期', eventId: 'ev-late' })]),
    });
  });
});
