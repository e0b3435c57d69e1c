/** A name shown on the hall screen: the first character, the rest hidden (the service already masks; twice is safe). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '—';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** The share of today's completed cases within the promised limit, as the screen shows it ("—" before the first). */
export function onTimeRate(today: { completed: number; completedOnTime: number }): string {
  if (today.completed === 0) return '—';
  return `${Math.round((today.completedOnTime / today.completed) * 100)}%`;
}
