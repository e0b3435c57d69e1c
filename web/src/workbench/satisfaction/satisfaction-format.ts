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

/** How a rating came in, as people say it. */
export const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  online: '网上评价',
  device: '窗口评价器',
  default: '默认评价',
  phone_followup: '电话回访',
  suggestion_box: '意见箱',
};
