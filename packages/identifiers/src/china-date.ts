/**
 * YYYY-MM-DD of `at` in China Standard Time (Asia/Shanghai, UTC+8 all year), where residents are born and
 * service centers keep their calendar: "today" for leave, agent grants and birth dates.
 */
export function chinaDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
