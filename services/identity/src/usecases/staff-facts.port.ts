import type { Role } from '@govhall/auth';

/** What window rules need to know about a member of staff. Implemented by the staff repository. */
export interface StaffFact {
  id: string;
  tenant: string;
  department?: string;
  username: string;
  displayName: string;
  /** Full phone number; shown masked to whoever asks who serves a window. */
  phone?: string;
  roles: Role[];
  status: 'provisioning' | 'active' | 'disabled';
  /** Inclusive YYYY-MM-DD ranges. */
  leaves: { fromDate: string; toDate: string; reason: string }[];
}

export interface StaffFacts {
  findByIds(ids: readonly string[]): Promise<StaffFact[]>;
  /** Active staff of the tenant holding the role, optionally only in one department, ordered by username. */
  findActiveWithRole(tenant: string, role: Role, department?: string): Promise<StaffFact[]>;
}
