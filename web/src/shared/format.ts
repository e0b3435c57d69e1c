/** An ISO timestamp as people in China read it: 2026-03-20 14:05 (Beijing time). */
export function dateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Size in KB/MB as people read it. */
export const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Today's date in Beijing (YYYY-MM-DD), whatever the browser's time zone: deadlines and periods are China dates. */
export const chinaToday = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);

/**
 * The month so far in Beijing dates (reports count by Beijing dates, whatever the browser's zone): the first of the
 * month to today.
 */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const today = chinaToday(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}
