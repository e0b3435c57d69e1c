import { maskName } from '@govhall/identifiers';
import type { LimitClock, MatterClock } from './matter-clock';

function withoutExplanation(limit: LimitClock): LimitClock {
  return { ...limit, explanation: [] };
}

/**
 * A clock as a hall's big screen may see it (ADR 0049): the case number, the item, the window, the days left and
 * the signal; the applicant's name masked (张三 → 张*); nobody's login (the responsible person, who handled a step),
 * no pause reasons and no explanations (they may quote names or opinions).
 */
export function hallScreenClock(clock: MatterClock): MatterClock {
  return {
    ...clock,
    responsible: '',
    responsibleRole: '',
    applicantName: maskName(clock.applicantName),
    promised: withoutExplanation(clock.promised),
    statutory: withoutExplanation(clock.statutory),
    steps: clock.steps.map((s) => ({ ...s, handledBy: '' })),
    pauses: clock.pauses.map((p) => ({ ...p, reason: '' })),
    lastEventId: '',
  };
}
