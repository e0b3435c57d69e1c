import type { Clock, SignalLevel } from '../supervision/types';

/** A name shown on the hall screen: the first character, the rest hidden (the service already masks; twice is safe). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '—';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Today's figures of the hall: received, accepted and ended today (of the clocks known), and overdue now. */
export function todayCounts(clocks: Iterable<Clock>, today: string) {
  const counts = { received: 0, accepted: 0, ended: 0, overdue: 0 };
  for (const c of clocks) {
    if (c.receivedDate === today) counts.received += 1;
    if (c.acceptedDate === today) counts.accepted += 1;
    if (c.endedDate === today) counts.ended += 1;
    if (c.state !== 'stopped' && (c.promised?.remainingWorkingDays ?? 0) < 0) counts.overdue += 1;
  }
  return counts;
}

const RANK: Record<SignalLevel, number> = { none: 0, warning: 1, yellow: 2, red: 3 };

export interface WindowStatus {
  windowId: string;
  open: number;
  /** The highest signal of its open matters. */
  worst: SignalLevel;
}

/** Per window: its open matters and the worst signal among them, the worst windows first. */
export function windowStatus(clocks: Iterable<Clock>): WindowStatus[] {
  const byWindow = new Map<string, WindowStatus>();
  for (const c of clocks) {
    if (!c.windowId || c.state === 'stopped') continue;
    const w = byWindow.get(c.windowId) ?? { windowId: c.windowId, open: 0, worst: 'none' as SignalLevel };
    w.open += 1;
    if (RANK[c.signal] > RANK[w.worst]) w.worst = c.signal;
    byWindow.set(c.windowId, w);
  }
  return [...byWindow.values()].sort((a, b) => RANK[b.worst] - RANK[a.worst] || b.open - a.open);
}

/** Today in the hall's time zone (Beijing), YYYY-MM-DD. */
export function hallToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
