// The replay's synthetic events: whole lifecycles in the cases service's order, decodable as supervision reads them.
import { applicationsV1, eventsV1 } from '@govhall/proto';
import { CASE_TRANSITIONED, caseEventMessage } from './encode.ts';
import { LIFECYCLE_MIX, TENANTS, caseLifecycle, prng, syntheticEvents, type SyntheticEvent } from './lifecycles.ts';

const END = new Date('2026-12-04T00:00:00Z');

describe('synthetic case events', () => {
  const events = [...syntheticEvents({ count: 20_000, seed: 7, end: END })];
  const byCase = new Map<string, SyntheticEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);

  it('produce exactly the count asked for, over many cases of the six tenants', () => {
    expect(events).toHaveLength(20_000);
    expect(byCase.size).toBeGreaterThan(1_500);
    expect(new Set(events.map((e) => e.tenant))).toEqual(new Set(TENANTS));
  });

  it('keep each case in order: versions and times increase, receipt first, all before the end', () => {
    const wrong: string[] = [];
    for (const list of byCase.values()) {
      if (!['submitted', 'registered_at_counter'].includes(list[0]!.transition))
        wrong.push(`${list[0]!.caseId} starts`);
      list.forEach((e, i) => {
        const before = list[i - 1];
        if (before && (e.version <= before.version || e.occurredAt <= before.occurredAt))
          wrong.push(`${e.caseId} #${i} out of order`);
        if (e.occurredAt >= END) wrong.push(`${e.caseId} #${i} after the end`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('hold the mix: steps, suspensions, extensions, decisions, deliveries and open cases', () => {
    const transitions = new Set(events.map((e) => e.transition));
    for (const t of [
      'submitted',
      'registered_at_counter',
      'one_time_notice_issued',
      'accepted',
      'not_accepted',
      'step_completed',
      'suspended',
      'resumed',
      'extension_approved',
      'decided',
      'result_issued',
      'delivered',
    ])
      expect(transitions).toContain(t);
    const open = [...byCase.values()].filter((l) => l.at(-1)!.status === 'processing');
    expect(open.length).toBeGreaterThan(0);
    expect(LIFECYCLE_MIX.reduce((s, [, w]) => s + w, 0)).toBe(100);
  });

  it('encode as envelopes supervision decodes, keyed by the case', () => {
    const [accepted] = caseLifecycle('suspended_then_delivered', 3, new Date('2026-10-01T02:00:00Z'), prng(1)).filter(
      (e) => e.transition === 'accepted',
    );
    const message = caseEventMessage(accepted!);
    expect(message.key).toBe(accepted!.caseId);
    const envelope = eventsV1.EventEnvelope.decode(message.value);
    expect(envelope.type).toBe(CASE_TRANSITIONED);
    expect(envelope.aggregateId).toBe(accepted!.caseId);
    expect(envelope.aggregateVersion).toBe(accepted!.version);
    expect(message.headers['event-id']).toBe(envelope.id);
    const payload = applicationsV1.CaseTransitioned.decode(envelope.payload);
    expect(payload.transition).toBe(applicationsV1.Transition.TRANSITION_ACCEPTED);
    expect(payload.facts?.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_PROCESSING);
    expect(payload.facts?.activeStep?.name).toBe('受理');
    expect(payload.facts?.clocks?.acceptedDate).toBe(accepted!.acceptedDate);
  });
});
