import type { Principal } from '@govhall/auth';
import type { Agreement, AgreementState, WindowFacts } from '../../domain/delegation/agreement';
import type { DelegatedCase, DelegatedCaseEvent, DelegatedCaseState } from '../../domain/delegation/delegated-case';
import type { DecisionOutcome } from '../../domain/tasks/task';
import type { Calendars, Clock, Duty, IdGenerator, Items, Page, PageQuery, SettingsSource } from '../ports';

export interface AgreementFilter {
  tenant: string;
  department?: string;
  itemSeriesId?: string;
  state?: AgreementState;
}

/** Collection `delegation_agreements`: agreements publish no events (nobody consumes them, ADR 0052). */
export interface AgreementRepository {
  /** One agreement per (tenant, request id): a used key writes nothing and answers the stored one. */
  insert(agreement: Agreement): Promise<{ agreement: Agreement; created: boolean }>;
  findById(id: string): Promise<Agreement | null>;
  findByRequest(tenant: string, requestId: string): Promise<Agreement | null>;
  /** Stores `next` if the agreement still has `expectedVersion` (ConcurrencyError otherwise). */
  save(next: Agreement, expectedVersion: number): Promise<Agreement>;
  /** A tenant's agreements, newest recorded first. */
  list(filter: AgreementFilter, page: PageQuery): Promise<Page<Agreement>>;
  /** Every agreement of the tenant naming the item series (any state). */
  coveringSeries(tenant: string, itemSeriesId: string): Promise<Agreement[]>;
}

export interface DelegatedCaseFilter {
  tenant: string;
  department?: string;
  windowId?: string;
  states: DelegatedCaseState[];
}

/** Collection `delegated_cases`, with its outbox (govhall.joint-review.delegated-case). */
export interface DelegatedCaseRepository {
  /** One delegated case per case: a redelivered acceptance writes nothing (`created` false). */
  insert(
    delegatedCase: DelegatedCase,
    events: DelegatedCaseEvent[],
  ): Promise<{ delegatedCase: DelegatedCase; created: boolean }>;
  findById(id: string): Promise<DelegatedCase | null>;
  findByCase(tenant: string, caseId: string): Promise<DelegatedCase | null>;
  /** Stores `next` if it still has `expectedVersion`, with its events; `actor` absent for the service's own acts. */
  save(
    next: DelegatedCase,
    expectedVersion: number,
    events: DelegatedCaseEvent[],
    actor?: Principal,
  ): Promise<DelegatedCase>;
  /** Earliest due running leg first (ended cases last, newest first). */
  list(filter: DelegatedCaseFilter, page: PageQuery): Promise<Page<DelegatedCase>>;
  /** The delegated case holding this DELEGATED_DECISION task. */
  findByTaskId(taskId: string): Promise<DelegatedCase | null>;
  /** The tenant's cases accepted in [from, to), optionally of one department. */
  acceptedBetween(tenant: string, from: Date, to: Date, department?: string): Promise<DelegatedCase[]>;
}

/** A department system's decision as the cases service records it (RecordDepartmentDecision). */
export interface DepartmentDecision {
  taskId: string;
  outcome: DecisionOutcome;
  reasons: string[];
  remedies: string[];
  /** The department system's account. */
  decidedBy: string;
  handlerName: string;
}

/** The cases service, with the service's center account of the case's tenant. */
export interface DepartmentDecisions {
  /** Decides the PROCESSING case; a case no longer PROCESSING is `CASE_NOT_PROCESSING` (FAILED_PRECONDITION). */
  record(tenant: string, caseId: string, decision: DepartmentDecision): Promise<void>;
}

/** A window as identity knows it. */
export interface WindowInfo extends WindowFacts {
  id: string;
  department: string;
}

export interface Windows {
  /** The tenant's window; null when it has none with this id. */
  get(tenant: string, windowId: string): Promise<WindowInfo | null>;
}

/** What the delegation use cases are given (delegation.wiring.ts wires the adapters; unit tests the fakes). */
export interface DelegationDeps {
  agreements: AgreementRepository;
  delegatedCases: DelegatedCaseRepository;
  items: Items;
  windows: Windows;
  duty: Duty;
  calendars: Calendars;
  /** The tenant's settings: the delegated budgets when an agreement names none (its 0). */
  settings: SettingsSource;
  clock: Clock;
  ids: IdGenerator;
}
