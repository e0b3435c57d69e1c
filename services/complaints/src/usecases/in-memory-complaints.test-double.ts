import type { Principal } from '@govhall/auth';
import type { Complaint, ComplaintEvent } from '../domain/complaint';
import type { ComplaintRepository } from './ports';

/** Unit-test fake of the complaint repository (integration tests use the real database). */
export class InMemoryComplaintRepository implements ComplaintRepository {
  readonly saved = new Map<string, Complaint>();
  readonly events: ComplaintEvent[] = [];

  async insert(complaint: Complaint, events: ComplaintEvent[], _actor: Principal) {
    const taken = [...this.saved.values()].some((w) => w.tenant === complaint.tenant && w.title === complaint.title);
    if (taken) return false;
    this.saved.set(complaint.id, complaint);
    this.events.push(...events);
    return true;
  }
}

export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    subject: 'sub-1',
    username: 'yc-admin',
    tenant: '620321',
    roles: ['center_admin'],
    clientId: 'govhall-portal',
    ...overrides,
  };
}
