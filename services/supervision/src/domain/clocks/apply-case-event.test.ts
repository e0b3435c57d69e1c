import { applyCaseEvent } from './apply-case-event';
import type { CaseEvent } from './case-event';
import { caseEvent } from './case-event.test-double';
import type { Matter } from './matter';

function matterOf(events: CaseEvent[]): Matter {
  let m: Matter | undefined;
  for (const e of events) m = applyCaseEvent(m, e) ?? m;
  return m!;
}

const received = caseEvent(1, 'registered_at_counter', '2026-11-02', {
  actor: 'ycx-clerk',
  facts: { status: 'pre_review', responsible: 'ycx-clerk', responsibleRole: 'window_clerk' },
});

describe('the clerk who accepted a case (受理人, ADR 0051)', () => {
  it('is the ACCEPTED event’s actor, kept through later acts by others and after the case completes', () => {
    const accepted = matterOf([received, caseEvent(2, 'accepted', '2026-11-02', { actor: 'ycx-clerk' })]);
    expect(accepted.acceptedBy).toBe('ycx-clerk');

    const completed = matterOf([
      received,
      caseEvent(2, 'accepted', '2026-11-02', { actor: 'ycx-clerk' }),
      caseEvent(3, 'step_completed', '2026-11-03', {
        actor: 'ycx-reviewer',
        facts: { responsible: 'ycx-approver', responsibleRole: 'approver' },
      }),
      caseEvent(4, 'decided', '2026-11-04', { actor: 'ycx-approver', facts: { status: 'approved' } }),
      // 办结: the result issued by another clerk; a completed case names no responsible person.
      caseEvent(5, 'result_issued', '2026-11-05', {
        actor: 'ycx-clerk-b',
        facts: { status: 'completed', responsible: '', responsibleRole: '' },
      }),
    ]);
    expect(completed).toMatchObject({
      acceptedBy: 'ycx-clerk',
      responsible: '',
      acceptedDate: '2026-11-02',
      endedDate: '2026-11-05',
    });
  });

  it('is nobody before acceptance, and for a deemed acceptance (the law accepts, not a clerk)', () => {
    expect(matterOf([received]).acceptedBy).toBe('');
    const deemed = matterOf([
      caseEvent(1, 'submitted', '2026-11-02', {
        actor: '6203**********123X',
        facts: { channel: 'online', status: 'pre_review', receivedDate: '2026-11-02' },
      }),
      caseEvent(2, 'accepted', '2026-11-10', { actor: '', facts: { channel: 'online', deemedAccepted: true } }),
    ]);
    expect(deemed).toMatchObject({ acceptedDate: '2026-11-02', acceptedBy: '' });
  });

  it('is the clerk who decided a 即办件 on the spot, and a later act does not replace the one who accepted', () => {
    const onTheSpot = matterOf([
      received,
      caseEvent(2, 'decided_on_the_spot', '2026-11-02', {
        actor: 'ycx-clerk-b',
        facts: { status: 'completed', responsible: '' },
      }),
    ]);
    expect(onTheSpot).toMatchObject({ acceptedBy: 'ycx-clerk-b', acceptedDate: '2026-11-02' });

    const accepted = matterOf([received, caseEvent(2, 'accepted', '2026-11-02', { actor: 'ycx-clerk' })]);
    const later = applyCaseEvent(
      accepted,
      caseEvent(3, 'decided_on_the_spot', '2026-11-03', { actor: 'ycx-clerk-b', facts: { status: 'completed' } }),
    )!;
    expect(later.acceptedBy).toBe('ycx-clerk');
  });
});
