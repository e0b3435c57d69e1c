import type { SignalLevel } from '../signals/signal-level';
import type { LegKind, MatterKind } from './matter-kind';

/** The clock of a matter as supervision computed it for a day (mirrors govhall.supervision.v1.MatterClock). */
export type ClockState = 'not_started' | 'running' | 'paused' | 'stopped';

export interface LimitClock {
  limitWorkingDays: number;
  extensionWorkingDays: number;
  startDate: string;
  dueDate: string;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  pausedWorkingDays: number;
  provisional: boolean;
  explanation: string[];
}

export interface StepClock {
  index: number;
  name: string;
  role: string;
  department: string;
  budgetWorkingDays: number;
  startedDate: string;
  dueDate: string;
  finishedDate: string;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  overdue: boolean;
  handledBy: string;
}

export interface ClockPauseView {
  kind: string;
  procedure: string;
  reason: string;
  startedDate: string;
  endedDate: string;
  workingDays: number;
}

export interface MatterClock {
  matterId: string;
  kind: MatterKind;
  /** A leg's kind, as its matter has it. */
  legKind?: LegKind;
  tenant: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  department: string;
  windowId: string;
  responsible: string;
  responsibleRole: string;
  applicantName: string;
  status: string;
  state: ClockState;
  receivedDate: string;
  acceptedDate: string;
  promised: LimitClock;
  statutory: LimitClock;
  steps: StepClock[];
  pauses: ClockPauseView[];
  signal: SignalLevel;
  imported: boolean;
  noticeDueDate: string;
  channel: string;
  lastEventId: string;
  lastEventAt: Date;
  asOfDate: string;
  endedDate: string;
  onTime: boolean;
}
