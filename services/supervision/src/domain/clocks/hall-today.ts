import { atLeast, type SignalLevel } from '../signals/signal-level';

/** What the matter store reads for the hall's day: counts of today, completed matters, open matters. */
export interface HallRows {
  received: number;
  accepted: number;
  /** Matters completed (办结) today: whether within the promised limit. */
  completed: { onTime: boolean }[];
  /** Open matters now: their window, highest active signal and whether the promised limit has passed. */
  open: { windowId: string; signal: SignalLevel; overdue: boolean }[];
}

export interface HallWindowToday {
  windowId: string;
  open: number;
  worstSignal: SignalLevel;
}

/** The big screen's figures for one day (issue 12 §6): today's flow, the open matters by level, the windows. */
export interface HallToday {
  date: string;
  received: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  open: number;
  overdue: number;
  openByLevel: Record<Exclude<SignalLevel, 'none'>, number>;
  /** Windows with open matters, the worst signal first, then the busiest. */
  windows: HallWindowToday[];
}

const RANK: Record<SignalLevel, number> = { none: 0, warning: 1, yellow: 2, red: 3 };

export function hallToday(date: string, rows: HallRows): HallToday {
  const openByLevel = { warning: 0, yellow: 0, red: 0 };
  const windows = new Map<string, HallWindowToday>();
  for (const m of rows.open) {
    if (m.signal !== 'none') openByLevel[m.signal] += 1;
    if (!m.windowId) continue;
    const w = windows.get(m.windowId) ?? { windowId: m.windowId, open: 0, worstSignal: 'none' as SignalLevel };
    w.open += 1;
    if (!atLeast(w.worstSignal, m.signal)) w.worstSignal = m.signal;
    windows.set(m.windowId, w);
  }
  return {
    date,
    received: rows.received,
    accepted: rows.accepted,
    completed: rows.completed.length,
    completedOnTime: rows.completed.filter((c) => c.onTime).length,
    open: rows.open.length,
    overdue: rows.open.filter((m) => m.overdue).length,
    openByLevel,
    windows: [...windows.values()].sort(
      (a, b) => RANK[b.worstSignal] - RANK[a.worstSignal] || b.open - a.open || a.windowId.localeCompare(b.windowId),
    ),
  };
}
