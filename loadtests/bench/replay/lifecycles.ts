// Synthetic but valid case lifecycles for the replay benchmark: the CaseTransitioned events the cases service
// publishes (services/applications: one per transition after receipt, in order per case, CaseFacts carrying what
// supervision needs), for many cases of a few tenants, in a realistic mix. Pure: no I/O, deterministic for a seed.

/** A step of the workflow the synthetic item runs (食品经营许可's 受理 → 审查 → 决定 → 制证送达). */
export interface SyntheticStep {
  index: number;
  name: string;
  role: string;
  budgetWorkingDays: number;
}

export const WORKFLOW: readonly SyntheticStep[] = [
  { index: 0, name: '受理', role: 'window_clerk', budgetWorkingDays: 1 },
  { index: 1, name: '审查', role: 'reviewer', budgetWorkingDays: 5 },
  { index: 2, name: '决定', role: 'approver', budgetWorkingDays: 3 },
  { index: 3, name: '制证送达', role: 'window_clerk', budgetWorkingDays: 2 },
];

/** The six tenants of the seed (README: 金昌市, 金川区, 永昌县, 兰州市, 城关区, 榆中县). */
export const TENANTS = ['620300', '620302', '620321', '620100', '620102', '620123'] as const;

/** One transition as the cases service would publish it, before encoding (lower-case spellings of the enums). */
export interface SyntheticEvent {
  caseId: string;
  /** aggregateVersion: increases along the case (drafts and uploads are not published, so there are gaps). */
  version: number;
  occurredAt: Date;
  transition: string;
  /** Status after the transition. */
  status: string;
  tenant: string;
  caseNumber: string;
  channel: 'online' | 'counter';
  department: string;
  windowId: string;
  receivedDate: string;
  acceptedDate: string;
  deemedAccepted: boolean;
  promisedDueDate: string;
  /** The step running after the transition (PROCESSING). */
  activeStep?: { step: SyntheticStep; startedAt: Date; dueDate: string };
  /** The step that finished (STEP_COMPLETED). */
  finishedStep?: { step: SyntheticStep; startedAt: Date; finishedAt: Date; dueDate: string };
  suspension?: { startedDate: string; endedDate: string };
  extensionWorkingDays?: number;
  /** The decision's outcome (DECIDED). */
  approved?: boolean;
}

/** What a lifecycle does after receipt; weights of the mix are in LIFECYCLE_MIX. */
export type LifecycleKind =
  | 'delivered' // accepted, four steps, approved, result issued, delivered
  | 'notice_then_delivered' // one-time notice, resubmitted, then as delivered
  | 'suspended_then_delivered' // a §45 suspension during 审查, then as delivered
  | 'extended_then_completed' // an approved extension during 审查, result issued (not yet delivered)
  | 'counter_delivered' // walk-in registered at the counter, then as delivered
  | 'denied' // reviewed, denied (a denial completes at DECIDED)
  | 'not_accepted' // refused at acceptance
  | 'open_in_review'; // accepted, still in 审查 (the clocks keep running)

export const LIFECYCLE_MIX: readonly (readonly [LifecycleKind, number])[] = [
  ['delivered', 40],
  ['notice_then_delivered', 10],
  ['suspended_then_delivered', 8],
  ['extended_then_completed', 5],
  ['counter_delivered', 15],
  ['denied', 5],
  ['not_accepted', 5],
  ['open_in_review', 12],
];

/** Small deterministic PRNG (mulberry32), so a replay of the same seed produces the same events. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pickKind(random: () => number): LifecycleKind {
  const total = LIFECYCLE_MIX.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [kind, weight] of LIFECYCLE_MIX) {
    r -= weight;
    if (r < 0) return kind;
  }
  return LIFECYCLE_MIX[0]![0];
}

const DAY_MS = 86_400_000;
/** China time calendar day (UTC+8, no DST) of an instant. */
export const chinaDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** Roughly N working days later (7/5 calendar days per working day): good enough for synthetic due dates. */
const workingDaysLater = (d: Date, n: number): string =>
  chinaDay(new Date(d.getTime() + Math.ceil((n * 7) / 5) * DAY_MS));

/**
 * The events of one case, in order. `start` is the instant of receipt; acts follow each other by 2 hours to 3 days
 * (hall hours are not modelled). Statuses and facts follow the cases service's state machine.
 */
export function caseLifecycle(
  kind: LifecycleKind,
  caseIndex: number,
  start: Date,
  random: () => number,
): SyntheticEvent[] {
  const tenant = TENANTS[caseIndex % TENANTS.length]!;
  const caseId = `rpl${caseIndex.toString(36).padStart(8, '0')}`;
  const channel = kind === 'counter_delivered' ? 'counter' : 'online';
  let at = start.getTime();
  let version = 6 + Math.floor(random() * 4); // open, uploads and upload-complete came before (not published)
  const later = () => {
    at += 2 * 3_600_000 + Math.floor(random() * 3 * DAY_MS);
    version += 1 + Math.floor(random() * 2);
    return new Date(at);
  };
  const base = {
    caseId,
    tenant,
    caseNumber: `${tenant}${chinaDay(start).replaceAll('-', '')}${String(caseIndex % 1_000_000).padStart(6, '0')}`,
    channel,
    department: `${tenant}-SCJG`,
    windowId: `win-${tenant}-a`,
    receivedDate: chinaDay(start),
    acceptedDate: '',
    deemedAccepted: false,
    promisedDueDate: '',
  } satisfies Partial<SyntheticEvent>;
  const events: SyntheticEvent[] = [];
  const push = (e: Omit<SyntheticEvent, keyof typeof base | 'version'> & Partial<typeof base>) => {
    events.push({ ...base, ...e, version });
  };

  // ---- receipt (and a one-time notice with its resubmission) -------------------------------------------------
  if (channel === 'counter') {
    push({ transition: 'registered_at_counter', status: 'pre_review', occurredAt: new Date(at) });
  } else {
    push({ transition: 'submitted', status: 'pre_review', occurredAt: new Date(at) });
    if (kind === 'notice_then_delivered') {
      push({ transition: 'one_time_notice_issued', status: 'supplement', occurredAt: later() });
      push({ transition: 'submitted', status: 'pre_review', occurredAt: later() });
    }
  }
  if (kind === 'not_accepted') {
    push({ transition: 'not_accepted', status: 'not_accepted', occurredAt: later() });
    return events;
  }

  // ---- acceptance starts the clocks and the first step --------------------------------------------------------
  const acceptedAt = later();
  base.acceptedDate = chinaDay(acceptedAt);
  base.promisedDueDate = workingDaysLater(acceptedAt, 11);
  let stepStart = acceptedAt;
  const active = (i: number) => ({
    step: WORKFLOW[i]!,
    startedAt: stepStart,
    dueDate: workingDaysLater(stepStart, WORKFLOW[i]!.budgetWorkingDays),
  });
  push({ transition: 'accepted', status: 'processing', occurredAt: acceptedAt, activeStep: active(0) });
  const completeStep = (i: number, status = 'processing') => {
    const finishedAt = later();
    const finished = { ...active(i), finishedAt };
    stepStart = finishedAt;
    const next = i + 1 < WORKFLOW.length && status === 'processing' ? active(i + 1) : undefined;
    push({ transition: 'step_completed', status, occurredAt: finishedAt, finishedStep: finished, activeStep: next });
  };
  completeStep(0);
  if (kind === 'open_in_review') return events;
  if (kind === 'suspended_then_delivered') {
    const s = later();
    const suspension = { startedDate: chinaDay(s), endedDate: '' };
    push({ transition: 'suspended', status: 'suspended', occurredAt: s, suspension });
    const r = later();
    push({
      transition: 'resumed',
      status: 'processing',
      occurredAt: r,
      suspension: { ...suspension, endedDate: chinaDay(r) },
      activeStep: active(1),
    });
  }
  if (kind === 'extended_then_completed') {
    push({ transition: 'extension_requested', status: 'processing', occurredAt: later(), activeStep: active(1) });
    push({
      transition: 'extension_approved',
      status: 'processing',
      occurredAt: later(),
      extensionWorkingDays: 10,
      activeStep: active(1),
    });
  }
  completeStep(1);
  if (kind === 'denied') {
    push({ transition: 'decided', status: 'completed', occurredAt: later(), approved: false });
    return events;
  }
  completeStep(2);
  push({ transition: 'decided', status: 'approved', occurredAt: later(), approved: true, activeStep: active(3) });
  push({ transition: 'result_issued', status: 'completed', occurredAt: later() });
  if (kind === 'extended_then_completed') return events;
  push({ transition: 'delivered', status: 'delivered', occurredAt: later() });
  return events;
}

/**
 * At least `count` events of whole lifecycles, in waves of `wave` cases whose events interleave (each case's in its
 * order), as a busy hall publishes them. Receipts are spread over `spanDays` (> 50) days before `end`.
 */
export function* syntheticEvents(options: {
  count: number;
  seed: number;
  end: Date;
  spanDays?: number;
  wave?: number;
}): Generator<SyntheticEvent> {
  const random = prng(options.seed);
  const spanMs = (options.spanDays ?? 90) * DAY_MS;
  const wave = options.wave ?? 200;
  let produced = 0;
  let caseIndex = 0;
  while (produced < options.count) {
    const lifecycles: SyntheticEvent[][] = [];
    for (let i = 0; i < wave; i++, caseIndex++) {
      // A lifecycle lasts at most ~46 days (15 acts, ≤ 3 days apart): every event lies before `end`.
      const start = new Date(options.end.getTime() - spanMs + Math.floor(random() * (spanMs - 50 * DAY_MS)));
      lifecycles.push(caseLifecycle(pickKind(random), caseIndex, start, random));
    }
    for (let k = 0; lifecycles.some((l) => k < l.length); k++) {
      for (const l of lifecycles) {
        const e = l[k];
        if (!e) continue;
        yield e;
        if (++produced >= options.count) return;
      }
    }
  }
}
