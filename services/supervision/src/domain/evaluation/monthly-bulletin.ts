import { maskName } from '@govhall/identifiers';
import type { SignalLevel } from '../signals/signal-level';
import type { ViolationKind } from '../violations/violation';
import { CODES_ONLY, type DisplayNames } from './display-names';
import { emptyCounts, ratesOf, type KpiFigures } from './kpi';

/** A red or yellow card of the month as the bulletin lists it (the responsible person's name masked). */
export interface BulletinCard {
  day: string;
  level: Extract<SignalLevel, 'yellow' | 'red'>;
  caseNumber: string;
  itemName: string;
  department: string;
  person: string;
  reason: string;
}

/** A violation of the month as the bulletin lists it (the person's name masked). */
export interface BulletinViolation {
  day: string;
  kind: ViolationKind;
  caseNumber: string;
  department: string;
  person: string;
  summary: string;
}

export interface RankedDepartment {
  /** 1 for the best; departments with equal keys share a rank. */
  rank: number;
  /** The department's name (its code when the name is unknown). */
  name: string;
  figures: KpiFigures;
}

/** The monthly bulletin (月通报, S22): the month's figures of the center and each department, ranked, and its cards and violations. */
export interface MonthlyBulletin {
  tenant: string;
  month: string;
  total: KpiFigures;
  departments: RankedDepartment[];
  cards: BulletinCard[];
  /** Cards of the month beyond those listed. */
  moreCards: number;
  violations: BulletinViolation[];
  moreViolations: number;
}

/**
 * The ranking key: on-time rate first (无数据 last), then fewer red cards, fewer yellow cards, more cases
 * completed; the department code breaks a tie for the order but not for the rank.
 */
function compareDepartments(a: KpiFigures, b: KpiFigures): number {
  const ra = a.rates.onTimeRate ?? -1;
  const rb = b.rates.onTimeRate ?? -1;
  return (
    rb - ra ||
    a.counts.redCards - b.counts.redCards ||
    a.counts.yellowCards - b.counts.yellowCards ||
    b.counts.completed - a.counts.completed
  );
}

/** Departments in rank order (competition ranking: 1, 2, 2, 4). */
export function rankDepartments(departments: KpiFigures[], names: DisplayNames = CODES_ONLY): RankedDepartment[] {
  const sorted = [...departments].sort((a, b) => compareDepartments(a, b) || a.subject.id.localeCompare(b.subject.id));
  return sorted.map((figures, i) => {
    let rank = i + 1;
    for (let j = i; j > 0 && compareDepartments(sorted[j - 1]!, figures) === 0; j--) rank = j;
    return { rank, name: names.department(figures.subject.id), figures };
  });
}

/**
 * A person as a bulletin prints it: a name as public views mask it (张三 → 张*), a login name as its first character
 * and three stars (its length not told); empty stays empty.
 */
export function maskedPerson(person: string): string {
  if (!person) return '';
  return /^[\x21-\x7e]+$/.test(person) ? `${person[0]}***` : maskName(person);
}

/** A text (a violation's summary) with the person's name or login in it masked as `maskedPerson` masks it. */
export function maskedIn(text: string, person: string): string {
  return person ? text.split(person).join(maskedPerson(person)) : text;
}

export interface BulletinInput {
  tenant: string;
  month: string;
  total?: KpiFigures;
  departments: KpiFigures[];
  cards: BulletinCard[];
  moreCards: number;
  violations: BulletinViolation[];
  moreViolations: number;
  names?: DisplayNames;
}

/** The bulletin from the month's figures (those ListKpis answers) and details; persons masked, names for codes. */
export function buildMonthlyBulletin(input: BulletinInput): MonthlyBulletin {
  const empty = emptyCounts();
  const names = input.names ?? CODES_ONLY;
  const department = (code: string) => (code ? names.department(code) : '');
  return {
    tenant: input.tenant,
    month: input.month,
    total: input.total ?? {
      subject: { level: 'tenant', id: input.tenant, tenant: input.tenant },
      period: { kind: 'month', key: input.month },
      counts: empty,
      rates: ratesOf(empty),
    },
    departments: rankDepartments(input.departments, names),
    cards: input.cards.map((c) => ({ ...c, department: department(c.department), person: maskedPerson(c.person) })),
    moreCards: input.moreCards,
    violations: input.violations.map((v) => ({
      ...v,
      department: department(v.department),
      person: maskedPerson(v.person),
      summary: maskedIn(v.summary, v.person),
    })),
    moreViolations: input.moreViolations,
  };
}

/** A rate as the bulletin and the console print it: one decimal percent, or 无数据. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '无数据' : `${(rate * 100).toFixed(1)}%`;
}
