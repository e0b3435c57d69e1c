import { atLeast, type SignalLevel } from '../signals/signal-level';
import type { MatterKind } from './matter-kind';

/** What the matter store reads for the hall's day, of every kind of matter: the hall counts its cases alone. */
export interface HallRows {
  /** Matters received today. */
  received: { kind: MatterKind }[];
  /** Matters accepted today. */
  accepted: { kind: MatterKind }[];
  /** Matters completed (办结) today: whether within the promised limit. */
  completed: { kind: MatterKind; onTime: boolean }[];
  /** Open matters now: their window, highest active signal and whether the promised limit has passed. */
  open: { kind: MatterKind; windowId: string; signal: SignalLevel; overdue: boolean }[];
}

/**
 * Whether a matter is one of the hall's cases (办件), what the big screen counts: a joint review's leg is a
 * department's part of a case already counted (ADR 0052), a 督办 order is the supervision office's own work on a
 * case or a department, and a complaint is not a case handled at a window. Their clocks and signals still count in
 * ListClocks and ListSignals.
 */
export function isHallCase(m: { kind: MatterKind }): boolean {
  return m.kind === 'case';
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
  const open = rows.open.filter(isHallCase);
  const completed = rows.completed.filter(isHallCase);
  for (const m of open) {
    if (m.signal !== 'none') openByLevel[m.signal] += 1;
    if (!m.windowId) continue;
    const w = windows.get(m.windowId) ?? { windowId: m.windowId, open: 0, worstSignal: 'none' as SignalLevel };
    w.open += 1;
    if (!atLeast(w.worstSignal, m.signal)) w.worstSignal = m.signal;
    windows.set(m.windowId, w);
  }
  return {
    date,
    received: rows.received.filter(isHallCase).length,
    accepted: rows.accepted.filter(isHallCase).length,
    completed: completed.length,
    completedOnTime: completed.filter((c) => c.onTime).length,
    open: open.length,
    overdue: open.filter((m) => m.overdue).length,
    openByLevel,
    windows: [...windows.values()].sort(
      (a, b) => RANK[b.worstSignal] - RANK[a.worstSignal] || b.open - a.open || a.windowId.localeCompare(b.windowId),
    ),
  };
}
