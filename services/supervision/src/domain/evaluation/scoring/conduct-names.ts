import { SANCTION_NAMES as SANCTIONS, VIOLATION_KIND_LABELS } from '@govhall/labels';
import type { Sanction } from '../../accountability/accountability';
import type { ViolationKind } from '../../violations/violation';

/** The names a deduction line reads: @govhall/labels' words, the same as the supervision console's. */
export const VIOLATION_KIND_NAMES: Readonly<Record<ViolationKind, string>> = VIOLATION_KIND_LABELS;
export const SANCTION_NAMES: Readonly<Record<Sanction, string>> = SANCTIONS;
