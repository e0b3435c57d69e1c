/** The automatic time signals (decision 5): 预警, 黄牌, 红牌; "none" when nothing is raised. */
export type SignalLevel = 'none' | 'warning' | 'yellow' | 'red';

const ORDER: Record<SignalLevel, number> = { none: 0, warning: 1, yellow: 2, red: 3 };

export function highestLevel(levels: readonly SignalLevel[]): SignalLevel {
  return levels.reduce<SignalLevel>((top, l) => (ORDER[l] > ORDER[top] ? l : top), 'none');
}

export function atLeast(level: SignalLevel, min: SignalLevel): boolean {
  return ORDER[level] >= ORDER[min];
}
