import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import type { StoredAttachment } from '../../domain/complaints/attachment';
import type { Complaint, ComplaintEvent, ComplaintTarget, TargetKind } from '../../domain/complaints/complaint';
import type {
  ComplaintAttachments,
  ComplaintChannelInfo,
  ComplaintChannels,
  ComplaintFilter,
  ComplaintRepository,
  ComplaintTargets,
} from './ports';

/** The complaints in memory, with the events each write carried. */
export class InMemoryComplaints implements ComplaintRepository {
  readonly saved = new Map<string, Complaint>();
  readonly events: ComplaintEvent[] = [];
  private readonly sequences = new Map<string, number>();

  async insert(complaint: Complaint, events: ComplaintEvent[], _actor: Principal | undefined) {
    const again = [...this.saved.values()].find(
      (c) => c.tenant === complaint.tenant && c.requestId === complaint.requestId,
    );
    if (again) return again;
    this.saved.set(complaint.id, complaint);
    this.events.push(...events);
    return complaint;
  }
  async find(id: string) {
    return this.saved.get(id) ?? null;
  }
  async findByRequest(tenant: string, requestId: string) {
    return [...this.saved.values()].find((c) => c.tenant === tenant && c.requestId === requestId) ?? null;
  }
  async findByNumber(number: string) {
    return [...this.saved.values()].find((c) => c.number === number) ?? null;
  }
  async save(complaint: Complaint, expectedVersion: number, events: ComplaintEvent[]) {
    if (this.saved.get(complaint.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(complaint.id, complaint);
    this.events.push(...events);
  }
  async list(f: ComplaintFilter, offset: number, limit: number) {
    const day = (c: Complaint) => chinaDate(c.receivedAt);
    const all = [...this.saved.values()]
      .filter(
        (c) =>
          (!f.tenant || c.tenant === f.tenant) &&
          (!f.from || day(c) >= f.from) &&
          (!f.to || day(c) <= f.to) &&
          (f.statuses.length === 0 || f.statuses.includes(c.status)) &&
          (!f.kind || c.kind === f.kind) &&
          (f.offices.length === 0 ||
            f.offices.some((o) => o.office === c.office && o.officeDepartment === c.officeDepartment)) &&
          (!f.targetDepartment || c.target.department === f.targetDepartment) &&
          (!f.complainantSubject || c.complainant.subject === f.complainantSubject) &&
          (!f.answeredOnly || (!!c.reply && !!c.acceptedAt)),
      )
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.number.localeCompare(a.number));
    return { items: all.slice(offset, offset + limit), total: all.length };
  }
  async inPeriod(tenant: string, from: string, to: string, limit: number) {
    return [...this.saved.values()]
      .filter((c) => c.tenant === tenant && chinaDate(c.receivedAt) >= from && chinaDate(c.receivedAt) <= to)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .slice(0, limit)
      .map((c) => ({ ...c, content: '', complainant: { name: '', phone: '', email: '', subject: '' } }));
  }
  async nextSequence(tenant: string, chinaDay: string) {
    const key = `${tenant}:${chinaDay}`;
    const next = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, next);
    return next;
  }
  async dueOverdue(today: string, limit: number) {
    return [...this.saved.values()]
      .filter(
        (c) =>
          (c.status === 'received' && !c.acceptanceOverdue && c.acceptBy < today) ||
          (c.status === 'accepted' && !c.replyOverdue && !!c.replyBy && c.replyBy < today),
      )
      .slice(0, limit);
  }
}

/** Targets of the tenants: `known[tenant]` lists them. */
export class FixedTargets implements ComplaintTargets {
  constructor(readonly known: Record<string, ComplaintTarget[]>) {}
  async resolve(tenant: string, kind: TargetKind, id: string) {
    return this.known[tenant]?.find((t) => t.kind === kind && t.id === id) ?? null;
  }
}

export class InMemoryChannels implements ComplaintChannels {
  readonly saved = new Map<string, ComplaintChannelInfo>();
  async get(tenant: string) {
    return this.saved.get(tenant) ?? null;
  }
  async put(info: ComplaintChannelInfo, expectedVersion: number) {
    if ((this.saved.get(info.tenant)?.version ?? 0) !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(info.tenant, info);
  }
}

/** Complaints' uploads in memory: descriptions and bytes by id. */
export class InMemoryAttachments implements ComplaintAttachments {
  readonly stored = new Map<string, StoredAttachment>();
  readonly bytes = new Map<string, Buffer>();

  async save(attachment: StoredAttachment, content: Buffer) {
    this.bytes.set(attachment.id, content);
    this.stored.set(attachment.id, { ...attachment });
  }
  async find(ids: readonly string[]) {
    return ids.flatMap((id) => (this.stored.has(id) ? [{ ...this.stored.get(id)! }] : []));
  }
  async claim(ids: readonly string[], complaintId: string) {
    return ids.filter((id) => {
      const a = this.stored.get(id);
      if (!a || a.usedBy !== '') return false;
      a.usedBy = complaintId;
      return true;
    });
  }
  async release(ids: readonly string[], complaintId: string) {
    for (const id of ids) {
      const a = this.stored.get(id);
      if (a?.usedBy === complaintId) a.usedBy = '';
    }
  }
  async content(id: string) {
    return this.bytes.get(id) ?? null;
  }
}
