import type { CaseSummary, QueueKind } from '../../api/types';
import { timeLeft, SOON_WORKING_DAYS, type Urgency } from '../../shared/days-left';
import { QUEUE_KIND } from '../../shared/labels';
import type { QueueChoice } from '../queues';

/*
 * The overview's numbers (概览): a member of staff's queues counted by the seed's case kinds (A27) and by time left,
 * with the same thresholds and words as the queue's colours (`shared/days-left.ts`).
 */

/** The time-left buckets in the order they are shown: the urgent ones first. */
export const BUCKETS: readonly Urgency[] = ['due', 'soon', 'ample', 'none'];

export const BUCKET_LABEL: Readonly<Record<Urgency, string>> = {
  due: '今日到期或已超期',
  soon: '即将到期',
  ample: '正常',
  none: '不计时',
};

export const BUCKET_HINT: Readonly<Record<Urgency, string>> = {
  due: '办结期限为今日或已过',
  soon: `剩余不超过${SOON_WORKING_DAYS}个工作日`,
  ample: `剩余超过${SOON_WORKING_DAYS}个工作日`,
  none: '暂停计时或无需计时',
};

/**
 * Colours of the buckets: the queue's tag colours, darker (antd red-7, orange-8, green-8, grey-8) so that each
 * segment and its label keep at least 4.5:1 against white.
 */
export const BUCKET_COLOR: Readonly<Record<Urgency, string>> = {
  due: '#cf1322',
  soon: '#ad4e00',
  ample: '#237804',
  none: '#595959',
};

export const KINDS = Object.keys(QUEUE_KIND) as QueueKind[];

const KIND_OF_NAME: ReadonlyMap<string, QueueKind> = new Map(KINDS.map((k) => [QUEUE_KIND[k], k]));

export interface QueueCounts {
  key: string;
  label: string;
  total: number;
  byKind: Record<QueueKind, number>;
  byLeft: Record<Urgency, number>;
  /** The queue held more cases than were read: the numbers count the first `total` (the most urgent). */
  partial: boolean;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The bucket of a case: the queue's colour of its time left. */
export function bucketOf(c: Pick<CaseSummary, 'workingDaysLeft' | 'clockRunning'>): Urgency {
  return timeLeft(c.workingDaysLeft, c.clockRunning).urgency;
}

/**
 * One queue's numbers from its cases. A case counts once in the total and once under each kind it carries (a
 * promised case waiting for a supplement is 承诺件 and 补办件), so the kinds may add up to more than the total.
 */
export function countQueue(
  choice: Pick<QueueChoice, 'key' | 'label'>,
  cases: CaseSummary[],
  partial = false,
): QueueCounts {
  const byKind = zeros(KINDS);
  const byLeft = zeros(BUCKETS);
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    byLeft[bucketOf(c)] += 1;
    for (const name of new Set(c.kinds)) {
      const kind = KIND_OF_NAME.get(name);
      if (kind) byKind[kind] += 1;
    }
  }
  return { key: choice.key, label: choice.label, total: seen.size, byKind, byLeft, partial };
}

export interface Totals {
  total: number;
  byLeft: Record<Urgency, number>;
}

/** All queues together (a case is in one of a person's queues at a time: at a window or at one step). */
export function totals(queues: QueueCounts[]): Totals {
  const byLeft = zeros(BUCKETS);
  for (const q of queues) for (const b of BUCKETS) byLeft[b] += q.byLeft[b];
  return { total: queues.reduce((n, q) => n + q.total, 0), byLeft };
}

/** What a screen reader hears for the time-left chart of a queue. */
export function leftSummary(q: QueueCounts): string {
  const parts = BUCKETS.map((b) => `${BUCKET_LABEL[b]}${q.byLeft[b]}件`);
  return `${q.label}按剩余时间：共${q.total}件，${parts.join('，')}`;
}

/** What a screen reader hears for the kinds chart of a queue (every kind, zeros included). */
export function kindSummary(q: QueueCounts): string {
  const parts = KINDS.map((k) => `${QUEUE_KIND[k]}${q.byKind[k]}件`);
  return `${q.label}按办件类别：${parts.join('，')}`;
}

/** The time-left filters the queue page takes from its address (`?left=`). */
export function isBucket(value: string | null): value is Urgency {
  return value !== null && (BUCKETS as readonly string[]).includes(value);
}

export function isKind(value: string | null): value is QueueKind {
  return value !== null && (KINDS as readonly string[]).includes(value);
}

/** The queue page's address for a queue, optionally narrowed to a kind or a time-left bucket. */
export function queueHref(key: string, filter: { kind?: QueueKind; left?: Urgency } = {}): string {
  const params = new URLSearchParams({ queue: key });
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.left) params.set('left', filter.left);
  return `/queue?${params}`;
}
