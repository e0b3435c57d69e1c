import type { LiveMessage, LiveSession } from '../api/types';

/* The words and small rules of a live consultation (在线咨询, C18) in the portal and the workbench. */

export const LIVE_STATUS: Readonly<Record<LiveSession['status'], string>> = {
  waiting: '等待接待',
  active: '正在咨询',
  closed: '已结束',
};
export const LIVE_STATUS_COLOR: Readonly<Record<LiveSession['status'], string>> = {
  waiting: 'orange',
  active: 'blue',
  closed: 'default',
};

/** The messages with `incoming` added, each seq once, in order (a watch may resend what a read already gave). */
export function mergeMessages(known: readonly LiveMessage[], incoming: readonly LiveMessage[]): LiveMessage[] {
  const bySeq = new Map(known.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const CHINA_MS = 8 * 3_600_000;
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
/** The service's booking rules (ADR 0069): 30 minutes ahead at least, on the half hour, 09:00-16:30 China time. */
const LEAD_MS = 30 * 60_000;
const FIRST = 9 * 60;
const LAST = 16 * 60 + 30;

/**
 * The half-hour slots one may book from `now` over the next `days` days, Monday to Friday, China time (the service
 * also refuses holidays by the region's calendar). Each: the instant (ISO) and how it reads, `12-08 周二 14:30`.
 */
export function bookingSlots(now: Date, days = 5): { value: string; label: string }[] {
  const slots: { value: string; label: string }[] = [];
  const chinaMidnight = Math.floor((now.getTime() + CHINA_MS) / 86_400_000) * 86_400_000 - CHINA_MS;
  for (let d = 0; d <= days; d++) {
    const midnight = chinaMidnight + d * 86_400_000;
    const local = new Date(midnight + CHINA_MS);
    const weekday = local.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const day = `${String(local.getUTCMonth() + 1).padStart(2, '0')}-${String(local.getUTCDate()).padStart(2, '0')}`;
    for (let m = FIRST; m <= LAST; m += 30) {
      const at = midnight + m * 60_000;
      if (at - now.getTime() < LEAD_MS) continue;
      const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      slots.push({ value: new Date(at).toISOString(), label: `${day} 周${WEEKDAY[weekday]} ${time}` });
    }
  }
  return slots;
}
