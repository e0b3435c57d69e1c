import {
  ACCOUNTABILITY_STATE_NAMES as ACCOUNTABILITY_STATES,
  CLOCK_STATE_NAMES as CLOCK_STATES,
  MESSAGE_RELATION_NAMES,
  ORDER_STATE_NAMES as ORDER_STATES,
  ORDER_TARGET_KIND_NAMES as ORDER_TARGET_KINDS,
  SANCTION_NAMES as SANCTIONS,
  SIGNAL_LEVEL_NAMES,
  VIOLATION_KIND_LABELS,
  VIOLATION_STATE_NAMES as VIOLATION_STATES,
} from '@govhall/labels';
import { SIGNAL_COLORS as SHARED_SIGNAL_COLORS } from '../shared/labels';
import type { Accountability, Clock, Order, SignalLevel, Sanction, Violation, ViolationKind } from './types';

/*
 * What a supervisor reads for each code: the words of @govhall/labels (the same the supervision service prints in
 * its messages and PDFs), each typed by the generated client so that a code the gateway adds fails the web build
 * until it has a name there. Decision 5: 预警/黄牌/红牌 are signals, not sanctions.
 */
export const SIGNAL_NAMES: Readonly<Record<SignalLevel, string>> = SIGNAL_LEVEL_NAMES;
export const VIOLATION_KIND_NAMES: Readonly<Record<ViolationKind, string>> = VIOLATION_KIND_LABELS;
export const VIOLATION_STATE_NAMES: Readonly<Record<Violation['state'], string>> = VIOLATION_STATES;
export const SANCTION_NAMES: Readonly<Record<Sanction, string>> = SANCTIONS;
export const ACCOUNTABILITY_STATE_NAMES: Readonly<Record<Accountability['state'], string>> = ACCOUNTABILITY_STATES;
export const CLOCK_STATE_NAMES: Readonly<Record<Clock['state'], string>> = CLOCK_STATES;
export const ORDER_STATE_NAMES: Readonly<Record<Order['state'], string>> = ORDER_STATES;
export const ORDER_TARGET_KIND_NAMES: Readonly<Record<Order['targetKind'], string>> = ORDER_TARGET_KINDS;
export { MESSAGE_RELATION_NAMES };

/** Only the web shows colours. */
export const SIGNAL_COLORS: Readonly<Record<SignalLevel, string>> = SHARED_SIGNAL_COLORS;
export const ORDER_STATE_COLORS: Record<Order['state'], string> = {
  issued: 'blue',
  replied: 'cyan',
  returned: 'orange',
  closed: 'green',
};

/** How each kind of clock pause reads (ClockPause.kind). */
export const PAUSE_LABELS: Record<string, (procedure?: string) => string> = {
  suspension: (procedure) => `特别程序（${procedure ?? ''}）`,
  applicant: () => '等待申请人',
  sender: () => '等待下级中心补充材料',
};
