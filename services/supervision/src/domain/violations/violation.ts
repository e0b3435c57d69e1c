/** A violation (违规) as supervision keeps it: what was wrong, where, who, and the facts that show it. */
export type ViolationKind =
  | 'decision_past_limit'
  | 'step_past_budget'
  | 'notice_late'
  | 'refusal_without_reasons'
  | 'approval_without_licence_check'
  | 'outside_system'
  | 'hosted_item_without_cases'
  | 'payment_marked_by_staff'
  | 'rectification_late'
  | 'inspection_finding'
  | 'fee_outside_center'
  | 'slip_unconfirmed'
  | 'complaint_late'
  | 'complaint_justified';

export const VIOLATION_KINDS: readonly ViolationKind[] = [
  'decision_past_limit',
  'step_past_budget',
  'notice_late',
  'refusal_without_reasons',
  'approval_without_licence_check',
  'outside_system',
  'hosted_item_without_cases',
  'payment_marked_by_staff',
  'rectification_late',
  'inspection_finding',
  'fee_outside_center',
  'slip_unconfirmed',
  'complaint_late',
  'complaint_justified',
];

export type ViolationState = 'open' | 'proposed' | 'decided' | 'dismissed';

/** One labelled fact (label in Chinese) and where it comes from: an event id or a stored file. */
export interface Evidence {
  label: string;
  value: string;
  eventId: string;
  fileId: string;
}

export interface Violation {
  id: string;
  tenant: string;
  kind: ViolationKind;
  state: ViolationState;
  matterId: string;
  caseNumber: string;
  itemName: string;
  department: string;
  windowId: string;
  person: string;
  /** YYYY-MM-DD in the tenant's calendar (China Standard Time). */
  occurredDate: string;
  recordedAt: Date;
  summary: string;
  evidence: Evidence[];
  /** 'automatic' or the inspector's username. */
  recordedBy: string;
  inspectionId: string;
  accountabilityId: string;
  dismissedReason: string;
  version: number;
}

export const AUTOMATIC = 'automatic';

/** The parts of a violation a detector or an inspection decides; the rest starts empty. */
export type NewViolation = Pick<Violation, 'id' | 'tenant' | 'kind' | 'summary' | 'evidence' | 'occurredDate'> &
  Partial<
    Pick<Violation, 'matterId' | 'caseNumber' | 'itemName' | 'department' | 'windowId' | 'person' | 'inspectionId'>
  >;

export function openViolation(v: NewViolation, recordedBy: string, recordedAt: Date): Violation {
  return {
    matterId: '',
    caseNumber: '',
    itemName: '',
    department: '',
    windowId: '',
    person: '',
    inspectionId: '',
    ...v,
    state: 'open',
    recordedAt,
    recordedBy,
    accountabilityId: '',
    dismissedReason: '',
    version: 1,
  };
}

export const evidence = (label: string, value: string, eventId = '', fileId = ''): Evidence => ({
  label,
  value,
  eventId,
  fileId,
});
