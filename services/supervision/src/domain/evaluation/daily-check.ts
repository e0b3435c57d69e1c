import type { Inspection } from '../inspections/inspection';
import type { SignalLevel } from '../signals/signal-level';
import type { ViolationKind } from '../violations/violation';
import { CODES_ONLY, type DisplayNames } from './display-names';
import { maskedIn, maskedPerson } from './monthly-bulletin';

/** The signal levels a daily check counts, in the order it prints them. */
export const DAILY_CHECK_LEVELS = ['warning', 'yellow', 'red'] as const;
export type RaisedLevel = (typeof DAILY_CHECK_LEVELS)[number];

export type LevelCounts = Record<RaisedLevel, number>;

/** One inspection of the day as the sheet prints it (inspector and inspected person masked). */
export interface DailyCheckInspection {
  window: string;
  inspector: string;
  person: string;
  items: { label: string; passed: boolean; note: string }[];
  photos: number;
}

/** A violation that happened on the day (recorded by an inspection or detected from a case). */
export interface DailyCheckViolation {
  kind: ViolationKind;
  caseNumber: string;
  department: string;
  window: string;
  person: string;
  summary: string;
}

/** The daily check sheet (日检查表, S18/S22) of a tenant's day. */
export interface DailyCheck {
  tenant: string;
  date: string;
  inspections: DailyCheckInspection[];
  violations: DailyCheckViolation[];
  /** Violations of the day beyond those listed. */
  moreViolations: number;
  signals: { total: LevelCounts; windows: { window: string; counts: LevelCounts }[] };
  summary: string;
}

/** A raised signal as the sheet counts it: its level and window (empty when the matter had none). */
export interface RaisedSignal {
  level: SignalLevel;
  windowId: string;
}

/** A violation of the day as read from the store (codes, the person unmasked). */
export type DayViolation = Omit<DailyCheckViolation, 'window'> & { windowId: string };

export interface DailyCheckInput {
  tenant: string;
  date: string;
  inspections: Inspection[];
  violations: DayViolation[];
  moreViolations: number;
  signals: RaisedSignal[];
  names?: DisplayNames;
}

const zero = (): LevelCounts => ({ warning: 0, yellow: 0, red: 0 });
const isRaised = (level: SignalLevel): level is RaisedLevel => level !== 'none';

/** Window label of the sheet: the name, or 未指定窗口 when the signal's matter had no window. */
const windowLabel = (names: DisplayNames, id: string) => (id ? names.window(id) : '未指定窗口');

/** The sheet from the day's records: persons masked, names in place of codes, signals counted by level and window. */
export function buildDailyCheck(input: DailyCheckInput): DailyCheck {
  const names = input.names ?? CODES_ONLY;
  const total = zero();
  const perWindow = new Map<string, LevelCounts>();
  for (const s of input.signals) {
    if (!isRaised(s.level)) continue;
    total[s.level]++;
    const counts = perWindow.get(s.windowId) ?? zero();
    counts[s.level]++;
    perWindow.set(s.windowId, counts);
  }
  const inspections = input.inspections.map((i) => ({
    window: windowLabel(names, i.windowId),
    inspector: maskedPerson(i.inspector),
    person: maskedPerson(i.person),
    items: i.checklist.map((e) => ({ label: e.label, passed: e.passed, note: e.note })),
    photos: i.photoFileIds.length,
  }));
  const failed = inspections.reduce((n, i) => n + i.items.filter((e) => !e.passed).length, 0);
  const violationCount = input.violations.length + input.moreViolations;
  return {
    tenant: input.tenant,
    date: input.date,
    inspections,
    violations: input.violations.map((v) => ({
      kind: v.kind,
      caseNumber: v.caseNumber,
      department: v.department ? names.department(v.department) : '',
      window: v.windowId ? names.window(v.windowId) : '',
      person: maskedPerson(v.person),
      summary: maskedIn(v.summary, v.person),
    })),
    moreViolations: input.moreViolations,
    signals: {
      total,
      windows: [...perWindow.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
        .map(([id, counts]) => ({ window: windowLabel(names, id), counts })),
    },
    summary:
      `本日检查窗口 ${inspections.length} 次，未通过检查项 ${failed} 项；记录违规 ${violationCount} 起；` +
      `发出预警 ${total.warning} 次、黄牌 ${total.yellow} 次、红牌 ${total.red} 次。`,
  };
}
