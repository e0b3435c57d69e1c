import type { Principal } from '@govhall/auth';
import { invitationState, type RatingInvitation } from '../../domain/ratings/invitation';
import { chinaDate } from '@govhall/identifiers';
import type { Rating, RatingChannel, RatingEvent, RatingLevel } from '../../domain/ratings/rating';
import type { ServedCase } from '../../domain/ratings/served-case';
import type {
  CaseApplicants,
  InvitationRepository,
  RatingFilter,
  RatingRepository,
  ServedCaseRepository,
  WindowDirectory,
} from './ports';

/** Unit-test fakes of the ratings' stores and of the cases service (integration tests use the real ones). */
export class InMemoryServedCases implements ServedCaseRepository {
  readonly cases = new Map<string, ServedCase>();
  async find(caseId: string) {
    return this.cases.get(caseId) ?? null;
  }
  async findByNumber(caseNumber: string) {
    return [...this.cases.values()].find((c) => c.caseNumber === caseNumber) ?? null;
  }
  async put(c: ServedCase) {
    this.cases.set(c.caseId, c);
  }
  async markRated(caseId: string, rating: Pick<Rating, 'id' | 'channel'>) {
    const c = this.cases.get(caseId);
    if (c) this.cases.set(caseId, { ...c, ratingId: rating.id, ratedChannel: rating.channel });
  }
  async coverage(f: RatingFilter) {
    const day = (d: Date) => chinaDate(d);
    const completed = [...this.cases.values()].filter(
      (c) =>
        c.tenant === f.tenant &&
        c.completedAt &&
        day(c.completedAt) >= f.from &&
        day(c.completedAt) <= f.to &&
        (!f.department || c.department === f.department) &&
        (!f.windowId || c.windowId === f.windowId) &&
        (!f.staff || c.staff.some((s) => s.username === f.staff)),
    );
    const ratedByPerson = completed.filter((c) => c.ratingId && c.ratedChannel !== 'default').length;
    return { completed: completed.length, ratedByPerson };
  }
  async dueForDefault(today: string, limit: number) {
    return [...this.cases.values()]
      .filter((c) => c.completedAt && !c.ratingId && c.defaultOn && c.defaultOn <= today)
      .slice(0, limit);
  }
}

export class InMemoryRatings implements RatingRepository {
  readonly saved: Rating[] = [];
  readonly events: RatingEvent[] = [];
  /** Bad ratings whose rectification is not opened yet. */
  readonly pending = new Set<string>();
  async insert(rating: Rating, events: RatingEvent[], _actor: Principal | undefined) {
    const key = (r: Rating) => (r.subject === 'case' ? `case:${r.caseId}` : `visit:${r.visitId}`);
    if (this.saved.some((r) => key(r) === key(rating))) return false;
    this.saved.push(rating);
    this.events.push(...events);
    if (rating.rectificationId) this.pending.add(rating.id);
    return true;
  }
  async pendingRectifications(limit: number) {
    return this.saved.filter((r) => this.pending.has(r.id)).slice(0, limit);
  }
  async markRectificationOpened(id: string) {
    this.pending.delete(id);
  }
  async markAppealUpheld(id: string) {
    const i = this.saved.findIndex((r) => r.id === id);
    if (i >= 0) this.saved[i] = { ...this.saved[i]!, appealUpheld: true };
  }
  async find(id: string) {
    return this.saved.find((r) => r.id === id) ?? null;
  }
  async findByCase(caseId: string) {
    return this.saved.find((r) => r.subject === 'case' && r.caseId === caseId) ?? null;
  }
  private matching(f: RatingFilter) {
    return this.saved
      .filter(
        (r) =>
          r.tenant === f.tenant &&
          chinaDate(r.ratedAt) >= f.from &&
          chinaDate(r.ratedAt) <= f.to &&
          (!f.department || r.department === f.department) &&
          (!f.windowId || r.windowId === f.windowId) &&
          (!f.staff || r.staff.some((s) => s.username === f.staff)) &&
          (f.levels.length === 0 || f.levels.includes(r.level)) &&
          (f.channels.length === 0 || f.channels.includes(r.channel)),
      )
      .sort((a, b) => b.ratedAt.getTime() - a.ratedAt.getTime());
  }
  async list(f: RatingFilter, offset: number, limit: number) {
    const all = this.matching(f);
    return { ratings: all.slice(offset, offset + limit), total: all.length };
  }
  async tally(f: RatingFilter) {
    const counts = new Map<string, { level: RatingLevel; channel: RatingChannel; count: number }>();
    for (const r of this.matching(f).filter((r) => !r.appealUpheld)) {
      const key = `${r.level}/${r.channel}`;
      const c = counts.get(key) ?? { level: r.level, channel: r.channel, count: 0 };
      c.count += 1;
      counts.set(key, c);
    }
    return [...counts.values()];
  }
}

export class FixedApplicants implements CaseApplicants {
  constructor(readonly subjects: Record<string, string>) {}
  async applicantOf(_tenant: string, caseId: string) {
    const subject = this.subjects[caseId];
    return subject ? { subject } : null;
  }
}

export class InMemoryInvitations implements InvitationRepository {
  readonly saved = new Map<string, RatingInvitation>();
  async insertClosingOthers(invitation: RatingInvitation) {
    for (const [id, other] of this.saved) {
      const sameWindow = other.tenant === invitation.tenant && other.windowNumber === invitation.windowNumber;
      if (sameWindow && !other.ratingId && !other.closedAt)
        this.saved.set(id, { ...other, closedAt: invitation.invitedAt });
    }
    this.saved.set(invitation.id, invitation);
  }
  async find(id: string) {
    return this.saved.get(id) ?? null;
  }
  async findOpen(tenant: string, windowNumber: string, now: Date) {
    const open = [...this.saved.values()].filter(
      (i) => i.tenant === tenant && i.windowNumber === windowNumber && invitationState(i, now) === 'open',
    );
    return open.sort((a, b) => b.invitedAt.getTime() - a.invitedAt.getTime())[0] ?? null;
  }
  async markRated(id: string, ratingId: string) {
    const inv = this.saved.get(id);
    if (!inv || inv.ratingId) return false;
    this.saved.set(id, { ...inv, ratingId });
    return true;
  }
}

/** Windows by tenant and id, with whoever serves them. */
export class FixedWindows implements WindowDirectory {
  constructor(
    readonly windows: Record<
      string,
      { tenant: string; number: string; name: string; department: string; serving?: { username: string; name: string } }
    >,
  ) {}
  async windowOf(tenant: string, windowId: string) {
    const w = this.windows[windowId];
    return w && w.tenant === tenant ? { id: windowId, ...w } : null;
  }
}

export class InMemoryScans {
  readonly files = new Map<string, Buffer>();
  async put(ratingId: string, content: Buffer) {
    this.files.set(ratingId, content);
  }
  async get(ratingId: string) {
    return this.files.get(ratingId) ?? null;
  }
}

/** A case of 620321 as the stream leaves it once completed (2026-12-01), unrated: the ratings' tests' case. */
export const completedCaseFixture: ServedCase = {
  tenant: '620321',
  caseId: 'c-1',
  caseNumber: '6203212026120100001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  staff: [{ username: 'ycx-clerk', department: '620321-SCJG', part: '受理' }],
  applicantName: '张*',
  completedAt: new Date('2026-12-01T02:00:00Z'),
  defaultOn: '2026-12-08',
  ratingId: '',
  appliedEventIds: [],
};
