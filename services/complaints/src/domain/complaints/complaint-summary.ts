import type {
  Complaint,
  ComplaintFinding,
  ComplaintKind,
  ComplaintStatus,
  ComplaintTarget,
  HandlingOffice,
  ReplySatisfaction,
} from './complaint';

/*
 * 投诉统计 for the supervision office (C13, C16): a period's complaints counted by state, kind, finding and the
 * complainant's vote, and those whose clock ran out. Pure: the use case reads the period and names today.
 */

/** Which clock ran out: acceptance (受理) or the answer (答复). */
export type OverdueClock = 'accept' | 'reply';

/** An open complaint past its day, as the supervision office lists it: no complainant, no content. */
export interface OverdueComplaint {
  id: string;
  number: string;
  kind: ComplaintKind;
  target: ComplaintTarget;
  office: HandlingOffice;
  officeDepartment: string;
  status: ComplaintStatus;
  clock: OverdueClock;
  /** The China date it was due. */
  dueDay: string;
}

export interface ComplaintSummary {
  total: number;
  byStatus: Record<ComplaintStatus, number>;
  byKind: Record<ComplaintKind, number>;
  /** Answered ones by their class (合理 / 无效 / 错误). */
  byFinding: Record<ComplaintFinding, number>;
  /** Answers the complainant voted on. */
  bySatisfaction: Record<ReplySatisfaction, number>;
  /** Clocks that ran out, still open or handled late since: acceptance, answer. */
  lateAcceptance: number;
  lateReply: number;
  /** Still open and past their day, the longest overdue first. */
  overdue: OverdueComplaint[];
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const STATUSES: readonly ComplaintStatus[] = ['received', 'accepted', 'rejected', 'replied', 'closed'];
export const KINDS: readonly ComplaintKind[] = ['efficiency', 'law_enforcement', 'reconsideration', 'service'];
export const FINDINGS: readonly ComplaintFinding[] = ['justified', 'invalid', 'mistaken'];
export const SATISFACTIONS: readonly ReplySatisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/**
 * The clock of `c` that ran out by `today` (a China date) while it is still open: not accepted after `acceptBy`, or
 * accepted and not answered after `replyBy`. The sweep's flags count too (it may have looked before a day change the
 * caller's clock has not reached). Null when it is on time or no longer open.
 */
export function overdueClock(c: Complaint, today: string): { clock: OverdueClock; dueDay: string } | null {
  if (c.status === 'received' && (c.acceptanceOverdue || today > c.acceptBy)) {
    return { clock: 'accept', dueDay: c.acceptBy };
  }
  if (c.status === 'accepted' && (c.replyOverdue || (!!c.replyBy && today > c.replyBy))) {
    return { clock: 'reply', dueDay: c.replyBy };
  }
  return null;
}

/** The figures of `complaints` (one tenant's period) on `today`. */
export function summarizeComplaints(complaints: readonly Complaint[], today: string): ComplaintSummary {
  const s: ComplaintSummary = {
    total: complaints.length,
    byStatus: zero(STATUSES),
    byKind: zero(KINDS),
    byFinding: zero(FINDINGS),
    bySatisfaction: zero(SATISFACTIONS),
    lateAcceptance: 0,
    lateReply: 0,
    overdue: [],
  };
  for (const c of complaints) {
    s.byStatus[c.status] += 1;
    s.byKind[c.kind] += 1;
    if (c.reply) s.byFinding[c.reply.finding] += 1;
    if (c.satisfaction) s.bySatisfaction[c.satisfaction] += 1;
    const late = overdueClock(c, today);
    if (c.acceptanceOverdue || late?.clock === 'accept') s.lateAcceptance += 1;
    if (c.replyOverdue || late?.clock === 'reply') s.lateReply += 1;
    if (late) {
      s.overdue.push({
        id: c.id,
        number: c.number,
        kind: c.kind,
        target: { ...c.target },
        office: c.office,
        officeDepartment: c.officeDepartment,
        status: c.status,
        ...late,
      });
    }
  }
  s.overdue.sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a.number.localeCompare(b.number));
  return s;
}
