import type { Principal } from '@govhall/auth';
import type { ServiceAccount, ServiceAccountEvent } from '../domain/service-account';
import type { Staff, StaffEvent } from '../domain/staff';
import type { StaffFacts } from './staff-facts.port';

export interface StaffRepository extends StaffFacts {
  /** Inserts a new (provisioning) record. Returns false, writing nothing, when the username is taken. */
  insert(staff: Staff): Promise<boolean>;
  findById(id: string): Promise<Staff | null>;
  findByUsername(username: string): Promise<Staff | null>;
  findBySubject(subject: string): Promise<Staff | null>;
  list(
    tenant: string,
    department: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ staff: Staff[]; total: number }>;
  /** Replaces the record if it still has `expectedVersion` and queues the events (ConcurrencyError otherwise). */
  update(next: Staff, expectedVersion: number, events: StaffEvent[], actor: Principal): Promise<void>;
  /**
   * Compensation: removes a record that never got its Keycloak account, only if it is still provisioning at
   * `expectedVersion` (a retry touched it meanwhile: the retry decides). False when nothing was removed.
   */
  removeProvisioning(id: string, expectedVersion: number): Promise<boolean>;
  findProvisioning(updatedBefore: Date): Promise<Staff[]>;
}

export interface ServiceAccountRepository {
  insert(account: ServiceAccount): Promise<boolean>;
  findById(id: string): Promise<ServiceAccount | null>;
  findByClientId(clientId: string): Promise<ServiceAccount | null>;
  list(tenant: string): Promise<ServiceAccount[]>;
  update(next: ServiceAccount, expectedVersion: number, events: ServiceAccountEvent[], actor: Principal): Promise<void>;
  /** Compensation, as for staff: only a record still provisioning at `expectedVersion` is removed. */
  removeProvisioning(id: string, expectedVersion: number): Promise<boolean>;
  findProvisioning(updatedBefore: Date): Promise<ServiceAccount[]>;
}

/** What staff rules need to know from tenancy. */
export interface TenancyLookup {
  tenantExists(code: string): Promise<boolean>;
  departmentExists(code: string): Promise<boolean>;
}

/** Window posts a member of staff holds (disabling them would leave a queue without its A or B). */
export interface WindowPosts {
  heldBy(staffId: string): Promise<{ id: string; number: string; post: 'A' | 'B' }[]>;
}
