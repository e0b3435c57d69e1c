/**
 * A calendar day in the form Chinese documents write it: 2026年3月2日. A `YYYY-MM-DD` string is that day; a Date is
 * its day in Asia/Shanghai (China has one time zone).
 */
export function chineseDate(at: string | Date): string {
  const iso = typeof at === 'string' ? at : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${iso}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
