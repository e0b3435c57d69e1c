import type { SignalRule } from './signal-causes';
import type { SignalLevel } from './signal-level';

/** A signal raised on a matter; it clears when its cause ends and stays in history (S14, S16). */
export interface Signal {
  id: string;
  matterId: string;
  tenant: string;
  level: SignalLevel;
  rule: SignalRule;
  reason: string;
  raisedAt: Date;
  clearedAt?: Date;
  clearedReason: string;
  caseNumber: string;
  itemName: string;
  department: string;
  windowId: string;
  responsible: string;
  /** Who was told: "responsible:<username>", "window_lead:…", "department_head:…", "supervisor:…". */
  notified: string[];
  stepIndex: number;
}

/** A signal's id: the matter, the rule (and step) and how many times that rule was raised on it before. */
export function signalId(matterId: string, rule: SignalRule, stepIndex: number, previousRaises: number): string {
  const step = rule === 'step.exceeded' ? `.${stepIndex}` : '';
  return `${matterId}.${rule}${step}.${previousRaises + 1}`;
}
