import { createWorkingCalendar } from '@govhall/calendar';
import { applyCaseEvent } from './apply-case-event';
import { caseEvent } from './case-event.test-double';
import { computeMatterClock } from './compute-matter-clock';
import { hallScreenClock } from './hall-screen-clock';

describe('a clock as the hall screen shows it', () => {
  it('keeps the case number, item, window, days left and signal; masks the applicant; drops logins and reasons', () => {
    const matter = applyCaseEvent(
      undefined,
      caseEvent(1, 'accepted', '2026-11-02', { facts: { applicantName: '欧阳监察', responsible: 'ycx-clerk' } }),
    )!;
    const clock = computeMatterClock(matter, createWorkingCalendar(), '2026-11-04');
    const shown = hallScreenClock({
      ...clock,
      steps: clock.steps.map((s) => ({ ...s, handledBy: 'ycx-reviewer' })),
      pauses: [
        {
          kind: 'applicant',
          procedure: '',
          reason: '等待张三补正',
          startedDate: '2026-11-03',
          endedDate: '',
          workingDays: 1,
        },
      ],
    });
    expect(clock.promised.explanation.length).toBeGreaterThan(0);
    expect(shown).toMatchObject({
      caseNumber: clock.caseNumber,
      itemName: clock.itemName,
      windowId: clock.windowId,
      signal: clock.signal,
      applicantName: '欧***',
      responsible: '',
      responsibleRole: '',
      promised: { remainingWorkingDays: clock.promised.remainingWorkingDays, explanation: [] },
      statutory: { explanation: [] },
      pauses: [{ reason: '', workingDays: 1 }],
    });
    expect(shown.steps.map((s) => s.handledBy)).toEqual(clock.steps.map(() => ''));
    expect(JSON.stringify(shown)).not.toMatch(/欧阳|张三|ycx-/);
  });
});
