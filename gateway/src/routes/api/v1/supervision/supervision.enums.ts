import { supervisionV1 } from '@govhall/proto';
import { enumMapping } from '../../../../lib/enum-map';

/* The enums of govhall.supervision.v1 ⇄ their REST spellings (lower_snake without the prefix). */
const mapping = <E extends Record<string, string | number>, const P extends string>(name: string, e: E, prefix: P) =>
  enumMapping('supervision', name, e, prefix);

export const matterKind = mapping('MatterKind', supervisionV1.MatterKind, 'MATTER_KIND_');
export const clockState = mapping('ClockState', supervisionV1.ClockState, 'CLOCK_STATE_');
export const signalLevel = mapping('SignalLevel', supervisionV1.SignalLevel, 'SIGNAL_LEVEL_');
export const violationKind = mapping('ViolationKind', supervisionV1.ViolationKind, 'VIOLATION_KIND_');
export const violationState = mapping('ViolationState', supervisionV1.ViolationState, 'VIOLATION_STATE_');
export const sanction = mapping('Sanction', supervisionV1.Sanction, 'SANCTION_');
export const accountabilityState = mapping(
  'AccountabilityState',
  supervisionV1.AccountabilityState,
  'ACCOUNTABILITY_STATE_',
);
export const accountabilityTarget = mapping(
  'AccountabilityTarget',
  supervisionV1.AccountabilityTarget,
  'ACCOUNTABILITY_TARGET_',
);
