import type { Locator, Page, PageProblem } from '@govhall/testing';
import { YC } from '../../gateway/test/cases-stack';
import type { WebWorld } from './web-world';

/* Helpers of the admin console's organisation tests (calendar, center and windows, staff, service accounts). */

/** Today's date in China (YYYY-MM-DD), `plus` days later. */
export function chinaDate(plus = 0): string {
  const d = new Date(Date.now() + plus * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/**
 * Two coming days of 永昌县's calendar, at least two days ahead and in one year: a plain weekday (working, no
 * holiday, no override) and a plain Saturday (not working, no make-up day), as the API answers the calendar.
 */
export async function comingDays(w: WebWorld): Promise<{ year: number; workday: string; weekend: string }> {
  const from = chinaDate(2);
  for (const year of [Number(from.slice(0, 4)), Number(from.slice(0, 4)) + 1]) {
    const reply = await w.api('GET', `/catalogue/calendars/${YC}/${year}`);
    const special = new Set((reply.body.specialDays as { date: string }[]).map((d) => d.date));
    let workday: string | undefined;
    let weekend: string | undefined;
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (date < from || special.has(date)) continue;
      const weekday = new Date(t).getUTCDay();
      if (!workday && weekday >= 1 && weekday <= 5) workday = date;
      if (!weekend && weekday === 6) weekend = date;
    }
    if (workday && weekend) return { year, workday, weekend };
  }
  throw new Error('no plain working day and Saturday in this year or the next');
}

/** The antd form item holding the control `#id` (a form's fields are `<form name>_<field>`). */
export function formItem(page: Page, id: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.locator(`[id="${id}"]`) });
}

/** The error shown under the field `#id`, once there is one. */
export async function fieldError(page: Page, id: string): Promise<string> {
  const error = formItem(page, id).locator('.ant-form-item-explain-error');
  await error.first().waitFor();
  return (await error.allInnerTexts()).join('；');
}

/** The answers ≥ 400 a flow provokes on purpose (method, status, path), and nothing else. */
export function expectedAnswers(expected: [string, number, RegExp][]): (p: PageProblem) => boolean {
  return (p) =>
    p.kind === 'http' &&
    expected.some(
      ([method, status, path]) => p.message === `${method} ${status}` && path.test(new URL(p.url!).pathname),
    );
}
