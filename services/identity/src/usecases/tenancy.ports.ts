import type { Authorizer, Principal } from '@govhall/auth';
import type { Department, DepartmentEvent } from '../domain/department';
import type { Tenant, TenantEvent } from '../domain/tenant';
import type { Window, WindowEvent } from '../domain/window';
import type { Clock, IdGenerator } from './ports';
import type { StaffFacts } from './staff-facts.port';

/** Tenants by region code. Every write stores the state and its events in one document write. */
export interface TenantRepository {
  /** false when a tenant with that code exists already. */
  insert(tenant: Tenant, events: TenantEvent[], actor: Principal): Promise<boolean>;
  findByCode(code: string): Promise<Tenant | null>;
  /** Children of `parentCode` (the roots when undefined), ordered by code. */
  listChildren(parentCode: string | undefined): Promise<Tenant[]>;
  /** Writes the new center of `tenant` if the stored version is still `expectedVersion` (else ConcurrencyError). */
  updateCenter(tenant: Tenant, events: TenantEvent[], expectedVersion: number, actor: Principal): Promise<void>;
}

export interface DepartmentRepository {
  /** false when a department with that code exists already. */
  insert(department: Department, events: DepartmentEvent[], actor: Principal): Promise<boolean>;
  /** Departments of the tenant, ordered by code. */
  listByTenant(tenant: string): Promise<Department[]>;
  findByCode(code: string): Promise<Department | null>;
  /** Writes the department if the stored version is still `expectedVersion` (else ConcurrencyError). */
  update(department: Department, events: DepartmentEvent[], expectedVersion: number, actor: Principal): Promise<void>;
}

export interface WindowRepository {
  /** false when the tenant already has a window with that number. */
  insert(window: Window, events: WindowEvent[], actor: Principal): Promise<boolean>;
  findById(id: string): Promise<Window | null>;
  /** Windows of the tenant, ordered by number. */
  listByTenant(tenant: string): Promise<Window[]>;
  /** Writes the new posts of `window` if the stored version is still `expectedVersion` (else ConcurrencyError). */
  updatePosts(window: Window, events: WindowEvent[], expectedVersion: number, actor: Principal): Promise<void>;
  /**
   * Writes the window's number, name, kind, departments and location if the stored version is still
   * `expectedVersion` (else ConcurrencyError). false, writing nothing, when another window of the tenant has
   * the number.
   */
  update(window: Window, events: WindowEvent[], expectedVersion: number, actor: Principal): Promise<boolean>;
}

/** What the tenancy use cases are built over. */
export interface TenancyDeps {
  tenants: TenantRepository;
  departments: DepartmentRepository;
  windows: WindowRepository;
  /** What window rules need to know about staff (the staff repository). */
  staff: StaffFacts;
  authorizer: Authorizer;
  clock: Clock;
  ids: IdGenerator;
  /** GOVHALL_TENANTS: the tenants this deployment serves; empty means any. */
  hostedTenants?: readonly string[];
}
