import { applicationsV1, commonV1 } from '@govhall/proto';
import { toCaseEvent } from './case-event.mapper';

const payload = applicationsV1.CaseTransitioned.fromPartial({
  transition: applicationsV1.Transition.TRANSITION_ACCEPTED,
  facts: { caseId: 'case-1', tenant: '620321', responsible: 'ycx-reviewer' },
});
const envelope = (actor?: Partial<commonV1.Actor>) => ({
  id: 'e-1',
  occurredAt: new Date('2026-11-02T02:00:00Z'),
  aggregateVersion: 3,
  ...(actor ? { actor: commonV1.Actor.fromPartial(actor) } : {}),
});

describe('a CaseTransitioned as the clocks read it', () => {
  it('names the person who acted (the envelope’s user actor), and nobody for the service’s own act', () => {
    const byClerk = toCaseEvent(
      envelope({ kind: commonV1.ActorKind.ACTOR_KIND_USER, username: 'ycx-clerk', tenant: '620321' }),
      payload,
    );
    expect(byClerk).toMatchObject({ eventId: 'e-1', version: 3, transition: 'accepted', actor: 'ycx-clerk' });
    expect(byClerk.facts.responsible).toBe('ycx-reviewer');
    const bySystem = toCaseEvent(
      envelope({ kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM, username: 'applications' }),
      payload,
    );
    expect(bySystem.actor).toBe('');
    expect(toCaseEvent(envelope(), payload).actor).toBe('');
  });
});
