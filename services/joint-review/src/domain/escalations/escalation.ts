import { PreconditionError, type Violation } from '@govhall/errors';
import { maskText, normalizeText, textViolations, type TextRule } from '@govhall/identifiers';
import type { Leg } from '../legs/leg';
import type { Attachment, DecisionOutcome, Task, WorkSource } from '../tasks/task';
import type { ApplicantBase } from '../cases/shared-case';

export type { ApplicantBase };

/**
 * Escalated cases (上报件, J3/J4; escalation.proto, ADR 0052). Each side keeps its own record in its own tenant: the
 * SENDER record at the lower tenant (forwarding legs, follow-up, the parent's updates mirrored), the RECEIVER record
 * at the parent (handling leg, the ESCALATION_DECISION task, the updates that flow back down).
 */
export type EscalationSide = 'sender' | 'receiver';
export type EscalationState =
  'awaiting_forward' | 'transferring' | 'in_handling' | 'returned' | 'decided' | 'concluded' | 'withdrawn';
export type EscalationUpdateKind =
  | 'received'
  | 'claimed'
  | 'returned'
  | 'progress'
  | 'special_procedure_started'
  | 'special_procedure_ended'
  | 'decided';

export interface EscalatedMaterial {
  materialId: string;
  name: string;
  fileIds: string[];
  licenceNumber: string;
}

/** The case as forwarded: everything the parent needs without asking the lower center. */
export interface EscalatedCase {
  caseId: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  applicant: ApplicantBase;
  formData: string;
  materials: EscalatedMaterial[];
  acceptedAt?: Date;
  promisedLimitWorkingDays: number;
  statutoryLimitWorkingDays: number;
  promisedDueDate: string;
  statutoryDueDate: string;
  sourceDepartment: string;
  sourceWindowId: string;
  sourceCenterName: string;
}

export interface EscalationFile {
  id: string;
  materialId: string;
  materialName: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Receiver: the bytes arrived; sender: the parent acknowledged them. */
  transferred: boolean;
  round: number;
}

export interface TaskDecision {
  outcome: DecisionOutcome;
  reasons: string[];
  remedies: string[];
  documentNumber: string;
  attachments: Attachment[];
  decidedBy: string;
  handlerName: string;
  decidedAt: Date;
  source: WorkSource;
}

export interface EscalationUpdate {
  /** Receiver's sequence within its tenant (the PullEscalationUpdates cursor). */
  sequence: number;
  kind: EscalationUpdateKind;
  text: string;
  reasons: string[];
  procedure: string;
  plannedWorkingDays: number;
  decision?: TaskDecision;
  attachments: Attachment[];
  by: string;
  at: Date;
  /** Sender: when the update reached the lower center. */
  mirroredAt?: Date;
}

export interface FollowUp {
  text: string;
  contact: string;
  by: string;
  at: Date;
}

export interface Escalation {
  id: string;
  side: EscalationSide;
  /** The tenant owning this record: the lower tenant (sender) or the parent (receiver). */
  tenant: string;
  sourceTenant: string;
  targetTenant: string;
  counterpartId: string;
  /** Sender: the forwarding department; receiver: the handling department (the target). */
  department: string;
  targetDepartment: string;
  state: EscalationState;
  case: EscalatedCase;
  files: EscalationFile[];
  round: number;
  legs: Leg[];
  /** Receiver: the department's ESCALATION_DECISION task. */
  task?: Task;
  updates: EscalationUpdate[];
  decision?: TaskDecision;
  followUps: FollowUp[];
  followUpBy: string;
  transferError: string;
  note: string;
  forwardedBy: string;
  /** Receiver: the lower center's forwarder's name (no username crosses deployments). */
  forwardedByName: string;
  forwardedAt?: Date;
  receivedAt?: Date;
  decidedAt?: Date;
  concludedAt?: Date;
  withdrawnReason: string;
  /** Receiver: the idempotency key of ReceiveEscalation (source tenant and source record id). */
  sourceKey: string;
  /** Receiver: the highest update sequence on the record (query copy for PullEscalationUpdates). */
  lastSequence: number;
  /** Sender, WITHDRAWN: the parent (which holds or may hold the case) has not been told yet. */
  withdrawPending?: boolean;
  /** Sender: the decision reported to the cases service (ConcludeJointReview accepted it). */
  reportedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type EscalationEvent =
  | { type: 'EscalationOpened'; escalation: Escalation }
  | { type: 'EscalationForwarded'; escalation: Escalation }
  | { type: 'EscalationReceived'; escalation: Escalation }
  | { type: 'EscalationReturned'; escalation: Escalation; update: EscalationUpdate }
  | { type: 'EscalationStatusReported'; escalation: Escalation; update: EscalationUpdate }
  | { type: 'EscalationDecided'; escalation: Escalation; update: EscalationUpdate }
  | { type: 'EscalationConcluded'; escalation: Escalation }
  | { type: 'EscalationWithdrawn'; escalation: Escalation }
  | { type: 'FollowUpRecorded'; escalation: Escalation }
  | { type: 'TaskOpened'; task: Task }
  | { type: 'TaskClaimed'; task: Task }
  | { type: 'TaskCompleted'; task: Task }
  | { type: 'TaskCancelled'; task: Task; reason: string }
  | { type: 'LegStarted'; leg: Leg }
  | { type: 'LegPaused'; leg: Leg }
  | { type: 'LegResumed'; leg: Leg }
  | { type: 'LegFinished'; leg: Leg };

export interface EscalationChange {
  escalation: Escalation;
  events: EscalationEvent[];
}

export const STATE_NAMES: Record<EscalationState, string> = {
  awaiting_forward: '待报送',
  transferring: '报送中',
  in_handling: '上级办理中',
  returned: '退回补充',
  decided: '上级已决定',
  concluded: '已办结',
  withdrawn: '已撤回',
};

export function wrongState(e: Escalation): PreconditionError {
  return new PreconditionError('WRONG_STATE', `上报件当前状态为“${STATE_NAMES[e.state]}”，不能执行此操作`, {
    currentState: e.state,
  });
}

export function requireState(e: Escalation, states: readonly EscalationState[]): void {
  if (!states.includes(e.state)) throw wrongState(e);
}

/** The leg of a kind that is not finished yet (the latest), if any. */
export function openLeg(e: Escalation, kind: Leg['kind']): Leg | undefined {
  return [...e.legs].reverse().find((l) => l.kind === kind && l.state !== 'finished');
}

export function replaceLeg(e: Escalation, leg: Leg): Leg[] {
  return e.legs.map((l) => (l.id === leg.id ? leg : l));
}

/** Every file of the round has arrived (a round without files is complete at once). */
export function roundComplete(e: Escalation, round: number): boolean {
  return e.files.filter((f) => f.round === round).every((f) => f.transferred);
}

/**
 * A person's free text on an escalation (notes, follow-ups, reports, reasons): checked by the shared safe-text rule
 * (ADR 0013), its problems added to `v` at `path`; answers the text as kept — normalised and masked of ID and phone
 * numbers.
 */
export function freeText(v: Violation[], path: string, input: string, rule: TextRule): string {
  v.push(...(textViolations(path, input, rule) as Violation[]));
  return maskText(normalizeText(input, rule.multiline));
}
