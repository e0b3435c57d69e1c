/** A share per 10 000 as a percentage with two decimals (9650 → "96.50%"); "—" when there is nothing to count. */
export function per10000(value: number, of = 1): string {
  if (of === 0) return '—';
  return `${(value / 100).toFixed(2)}%`;
}

/** Coverage (C2): the cases a person rated of those completed, as a percentage with one decimal; "—" without any. */
export function coverage(rated: number, completed: number): string {
  if (completed === 0) return '—';
  return `${((rated * 100) / completed).toFixed(1)}%`;
}
