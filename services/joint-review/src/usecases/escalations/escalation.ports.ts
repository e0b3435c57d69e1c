import type { Principal } from '@govhall/auth';
import type {
  EscalatedCase,
  Escalation,
  EscalationEvent,
  EscalationFile,
  EscalationState,
} from '../../domain/escalations/escalation';
import type { PulledUpdate } from '../../domain/escalations/sender';
import type { Calendars, Clock, Duty, IdGenerator, Page, PageQuery } from '../ports';

export interface EscalationFilter {
  tenant: string;
  side: Escalation['side'];
  /** Only this department's records (absent: any). */
  department?: string;
  states: EscalationState[];
  /** Receiver lists: only from this lower tenant. */
  sourceTenant?: string;
  caseNumber?: string;
}

export interface EscalationRepository {
  /**
   * Inserts the record and its events in one write. A sender record is unique per (tenant, case), a receiver record
   * per source key: when one exists nothing is written and it is returned with `created` false.
   */
  insert(
    escalation: Escalation,
    events: EscalationEvent[],
    actor?: Principal,
  ): Promise<{ escalation: Escalation; created: boolean }>;
  findById(id: string): Promise<Escalation | null>;
  findSenderByCase(tenant: string, caseId: string): Promise<Escalation | null>;
  findReceiverByKey(sourceKey: string): Promise<Escalation | null>;
  /** The receiver record holding the decision task `taskId` (department systems name tasks by id). */
  findByTaskId(taskId: string): Promise<Escalation | null>;
  /** A department's receiver records in these states, earliest due first (unpaged: a department's are few). */
  receiversOf(tenant: string, department: string, states: EscalationState[]): Promise<Escalation[]>;
  /** Stores `next` if the record still has `expectedVersion` (ConcurrencyError otherwise), with its events. */
  save(next: Escalation, expectedVersion: number, events: EscalationEvent[], actor?: Principal): Promise<Escalation>;
  list(filter: EscalationFilter, page: PageQuery): Promise<Page<Escalation>>;
  /** Sender records in one of the states, oldest change first (the transfer and the outcome reports). */
  sendersIn(states: EscalationState[], limit: number): Promise<Escalation[]>;
  /** The receiver records of `tenant` from `sourceTenant` with an update after `after`. */
  updatedSince(tenant: string, sourceTenant: string, after: number, limit: number): Promise<Escalation[]>;
  /** The highest update sequence of the tenant's receiver records (0 when none). */
  lastSequence(tenant: string): Promise<number>;
}

/** The bytes of received files, by record and file id. */
export interface EscalationFileStore {
  put(escalationId: string, fileId: string, content: Buffer): Promise<void>;
  get(escalationId: string, fileId: string): Promise<Buffer | null>;
}

/** What the parent answers of its receiver record after a transfer call. */
export interface ReceiverView {
  id: string;
  state: EscalationState;
  /** Ids of the current round's files the parent holds. */
  transferredFileIds: string[];
}

export interface ReceiveCall {
  requestId: string;
  targetTenant: string;
  targetDepartment: string;
  sourceTenant: string;
  sourceEscalationId: string;
  case: EscalatedCase;
  files: Omit<EscalationFile, 'round' | 'transferred'>[];
  note: string;
  forwardedByName: string;
}

/**
 * The parent center's EscalationService as the lower side reaches it: the same deployment's use cases, or another
 * deployment over gRPC with a service account of the parent tenant (ADR 0052).
 */
export interface ParentCenter {
  receive(call: ReceiveCall): Promise<ReceiverView>;
  putFile(escalationId: string, fileId: string, content: Buffer): Promise<ReceiverView>;
  receiveResupply(call: {
    escalationId: string;
    round: number;
    note: string;
    files: Omit<EscalationFile, 'round' | 'transferred'>[];
    forwardedByName: string;
  }): Promise<ReceiverView>;
  withdraw(escalationId: string, reason: string): Promise<void>;
  /** A file the parent gave with an update of its record. */
  getFile(escalationId: string, fileId: string): Promise<{ fileName: string; contentType: string; content: Buffer }>;
  pullUpdates(
    targetTenant: string,
    sourceTenant: string,
    after: number,
    max: number,
  ): Promise<{ updates: (PulledUpdate & { sourceEscalationId: string })[]; lastSequence: number }>;
}

/** The parent center of a lower tenant (null: no parent reachable from this deployment). */
export interface ParentCenters {
  of(targetTenant: string): ParentCenter | null;
  /** The parent tenants this deployment sends to. */
  targets(): string[];
}

/** The lower tenant's cases service: the case as forwarded, its files' bytes, the outcome reported back. */
export interface EscalatedCases {
  snapshot(
    tenant: string,
    caseId: string,
  ): Promise<{
    case: Omit<EscalatedCase, 'promisedDueDate' | 'statutoryDueDate'>;
    files: Omit<EscalationFile, 'round' | 'transferred'>[];
  }>;
  fileContent(tenant: string, caseId: string, fileId: string): Promise<Buffer>;
  reportOutcome(escalation: Escalation): Promise<void>;
}

/** The cursor of the parent's updates mirrored so far, per (parent, lower tenant). */
export interface UpdateCursors {
  get(targetTenant: string, sourceTenant: string): Promise<number>;
  set(targetTenant: string, sourceTenant: string, sequence: number): Promise<void>;
}

/** Tenants as identity knows them: a tenant's parent and its center's name. */
export interface Tenants {
  parentOf(tenant: string): Promise<string>;
  centerName(tenant: string): Promise<string>;
}

/** Serializes a tenant's update writes so sequences are stored in the order they are given. */
export interface UpdateSequencer {
  next<T>(tenant: string, write: (sequence: number) => Promise<T>): Promise<T>;
}

export interface EscalationSettings {
  /** J3: working days the lower center's window has to forward (and to resupply). */
  forwardWorkingDays(tenant: string): Promise<number>;
  /** J3: the parent's department for a forwarding department ('' when there is none). */
  route(tenant: string, department: string, targetTenant: string): Promise<string>;
}

export interface EscalationDeps {
  escalations: EscalationRepository;
  files: EscalationFileStore;
  parents: ParentCenters;
  cases: EscalatedCases;
  cursors: UpdateCursors;
  tenants: Tenants;
  sequencer: UpdateSequencer;
  settings: EscalationSettings;
  duty: Duty;
  calendars: Calendars;
  clock: Clock;
  ids: IdGenerator;
  /** Tenants this deployment hosts (GOVHALL_TENANTS; empty: any, see `hostsTenant`). */
  hosted: ReadonlySet<string>;
}

/** Whether the deployment hosts the tenant: GOVHALL_TENANTS names it, or names none (a deployment for any tenant). */
export function hostsTenant(hosted: ReadonlySet<string>, tenant: string): boolean {
  return hosted.size === 0 || hosted.has(tenant);
}
