/**
 * The 实施清单 elements of an item version (domain.md "Items (事项) and versions"), mirroring
 * proto govhall.catalogue.v1.ItemContent. Pure types; validation lives in item-validation.ts.
 */

export type ServiceObject = 'person' | 'enterprise' | 'both';
export type OnlineDepth = 'fully_online' | 'online_pre_review' | 'disclosure_only';
export type DeliveryOption = 'window_pickup' | 'post' | 'electronic';
export type TimeUnit = 'working_day' | 'natural_day';
export type MaterialForm = 'original' | 'copy' | 'original_and_copy' | 'electronic';
export type RuleKind =
  'field_compare' | 'field_resident_id' | 'field_credit_code' | 'material_present' | 'licence_valid';
export type CompareOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'not_in' | 'matches' | 'present' | 'absent';

export interface TimeLimit {
  days: number;
  unit: TimeUnit;
}

export interface LegalBasis {
  law: string;
  article: string;
  text: string;
}

export interface Material {
  /** Stable within the item; rules refer to it. */
  id: string;
  name: string;
  required: boolean;
  /** When not required: when it is needed. */
  condition: string;
  form: MaterialForm;
  originalCount: number;
  copyCount: number;
  formats: string[];
  maxSizeKb: number;
  blankFormFileId: string;
  sampleFileId: string;
  notes: string;
  /** Licence type from the shared library that satisfies it ('' when none). */
  satisfiedByLicenceType: string;
}

export interface ApplicationForm {
  /** JSON Schema (2020-12) as text. */
  jsonSchema: string;
  /** UI schema as text ('' allowed). */
  uiSchema: string;
}

export interface PreReviewRule {
  id: string;
  kind: RuleKind;
  /** Dotted path into the form data (field rules). */
  field: string;
  op: CompareOp | '';
  /** JSON literal (field_compare). */
  value: string;
  materialId: string;
  licenceType: string;
  /** Shown to the applicant when the rule fails. */
  message: string;
}

export interface SpecialProcedure {
  name: string;
  planned: TimeLimit;
  legalBasis: string;
}

export interface FeeLine {
  name: string;
  legalBasis: string;
  /** Integer fen ≥ 0; 0 when `formula` gives the amount. */
  amountFen: number;
  formula: string;
  reductions: string;
  /** The fee register entry (payments, P11); '' until registered. */
  feeCode: string;
}

export interface WorkflowStep {
  name: string;
  role: string;
  budgetWorkingDays: number;
  responsibleName: string;
  responsiblePhone: string;
}

export interface ServiceLocation {
  windowLocation: string;
  hours: string;
  consultationPhone: string;
  complaintPhone: string;
}

export interface Faq {
  question: string;
  answer: string;
}

export interface ItemContent {
  /** 实施编码: credit code (18) + level (1) + basic code (12). */
  implementationCode: string;
  localCodes: string[];
  /** 1 national … 4 county, 5 town, 6 village. */
  level: number;
  serviceObject: ServiceObject;
  legalBases: LegalBasis[];
  acceptanceConditions: string[];
  materials: Material[];
  form: ApplicationForm;
  preReviewRules: PreReviewRule[];
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  /** Required when the promise exceeds 70% of the statutory limit (non-immediate items). */
  promiseExceptionReason: string;
  /** Visits to the center: 0, 1 or 2. */
  visits: number;
  specialProcedures: SpecialProcedure[];
  fees: FeeLine[];
  workflow: WorkflowStep[];
  location: ServiceLocation;
  onlineDepth: OnlineDepth;
  deliveryOptions: DeliveryOption[];
  faq: Faq[];
  /** 协办部门 of a joint item. */
  coDepartments: string[];
}

export interface Review {
  approved: boolean;
  comments: string;
  reviewer: string;
  at: Date;
}

/** An empty content, the starting point of a new draft. */
export function emptyContent(): ItemContent {
  return {
    implementationCode: '',
    localCodes: [],
    level: 0,
    serviceObject: 'both',
    legalBases: [],
    acceptanceConditions: [],
    materials: [],
    form: { jsonSchema: '', uiSchema: '' },
    preReviewRules: [],
    statutoryLimit: { days: 0, unit: 'working_day' },
    promisedLimit: { days: 0, unit: 'working_day' },
    promiseExceptionReason: '',
    visits: 0,
    specialProcedures: [],
    fees: [],
    workflow: [],
    location: { windowLocation: '', hours: '', consultationPhone: '', complaintPhone: '' },
    onlineDepth: 'disclosure_only',
    deliveryOptions: [],
    faq: [],
    coDepartments: [],
  };
}

/** A value with every string in NFC and every line break as LF, as the shared text rule stores texts. */
function normalizedStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC').replace(/\r\n?/g, '\n') as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => normalizedStrings(entry)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizedStrings(v)])) as T;
  }
  return value;
}

/**
 * A copy of the content as it is stored: every text in NFC (a decomposed letter or a compatibility ideograph
 * becomes the character people mean) with LF line breaks. Leading and trailing spaces are kept as entered.
 */
export function normalizedContent(content: ItemContent): ItemContent {
  return normalizedStrings(content);
}
