import type { Clock, LiveEvent, Signal, SignalLevel } from './types';

/**
 * What the overview and the big screen show: the open clocks by matter, the active signals by id, and the clocks
 * seen stopping (in the first read or since, through the feed: the big screen's 今日办结).
 */
export interface LiveState {
  clocks: ReadonlyMap<string, Clock>;
  signals: ReadonlyMap<string, Signal>;
  ended: ReadonlyMap<string, Clock>;
}

export function initialState(clocks: Clock[], signals: Signal[]): LiveState {
  return {
    clocks: new Map(clocks.filter((c) => c.state !== 'stopped').map((c) => [c.matterId, c])),
    signals: new Map(signals.filter((s) => !s.clearedAt).map((s) => [s.id, s])),
    ended: new Map(clocks.filter((c) => c.state === 'stopped').map((c) => [c.matterId, c])),
  };
}

/**
 * One live event applied: a clock replaces the matter's (a stopped one leaves the open clocks), a raised signal
 * joins the active ones, a cleared one leaves them. The state is never changed in place.
 */
export function applyLive(state: LiveState, event: LiveEvent): LiveState {
  switch (event.type) {
    case 'clock': {
      const clocks = new Map(state.clocks);
      if (event.clock.state !== 'stopped') {
        clocks.set(event.clock.matterId, event.clock);
        return { ...state, clocks };
      }
      clocks.delete(event.clock.matterId);
      return { ...state, clocks, ended: new Map(state.ended).set(event.clock.matterId, event.clock) };
    }
    case 'signal_raised': {
      const signals = new Map(state.signals);
      signals.set(event.signal.id, event.signal);
      return { ...state, signals };
    }
    case 'signal_cleared': {
      const signals = new Map(state.signals);
      signals.delete(event.signal.id);
      return { ...state, signals };
    }
  }
}

export const LEVELS: Exclude<SignalLevel, 'none'>[] = ['warning', 'yellow', 'red'];

/** Active signals per level. */
export function signalsByLevel(signals: Iterable<Signal>): Record<Exclude<SignalLevel, 'none'>, number> {
  const counts = { warning: 0, yellow: 0, red: 0 };
  for (const s of signals) if (s.level !== 'none') counts[s.level] += 1;
  return counts;
}

/** Buckets of time left on the promised limit, in the order the overview shows them. */
export const TIME_LEFT_BUCKETS = [
  { key: 'overdue', label: '已超期' },
  { key: 'today', label: '今天到期' },
  { key: 'soon', label: '剩1–2个工作日' },
  { key: 'week', label: '剩3–5个工作日' },
  { key: 'later', label: '剩5个工作日以上' },
  { key: 'paused', label: '暂停或未开始计时' },
] as const;
export type TimeLeftBucket = (typeof TIME_LEFT_BUCKETS)[number]['key'];

/** The bucket of one open clock, by the promised limit's remaining working days (paused or not started apart). */
export function timeLeftOf(clock: Clock): TimeLeftBucket {
  const left = clock.promised?.remainingWorkingDays;
  if (clock.state !== 'running' || left === undefined) return 'paused';
  if (left < 0) return 'overdue';
  if (left === 0) return 'today';
  if (left <= 2) return 'soon';
  if (left <= 5) return 'week';
  return 'later';
}

export function clocksByTimeLeft(clocks: Iterable<Clock>): Record<TimeLeftBucket, number> {
  const counts = Object.fromEntries(TIME_LEFT_BUCKETS.map((b) => [b.key, 0])) as Record<TimeLeftBucket, number>;
  for (const c of clocks) counts[timeLeftOf(c)] += 1;
  return counts;
}
