import type { DeliveryMethod, HandlingCategory } from './case';

/**
 * The parts of a published item edition (实施清单) a case needs, as the catalogue published them. A case pins its
 * edition by id; editions are immutable, so the service keeps a copy of each edition it has seen.
 */
export interface EditionMaterial {
  id: string;
  name: string;
  required: boolean;
  condition: string;
  /** original, copy, original_and_copy, electronic: an original on paper means the case waits for it (A24). */
  form: string;
  formats: string[];
  maxSizeKb: number;
  satisfiedByLicenceType: string;
}

export interface EditionRule {
  id: string;
  /** field_compare, field_resident_id, field_credit_code, material_present, licence_valid. */
  kind: string;
  field: string;
  op: string;
  value: string;
  materialId: string;
  licenceType: string;
  message: string;
}

export interface EditionStep {
  name: string;
  role: string;
  budgetWorkingDays: number;
  responsibleName: string;
}

/** A time limit as the item states it: working days (工作日), or natural days (自然日) for a few items. */
export interface TimeLimit {
  days: number;
  unit: 'working_day' | 'natural_day';
}

export interface Edition {
  id: string;
  tenant: string;
  name: string;
  basicCode: string;
  edition: number;
  /** published, superseded or retired when read back; a new case needs published. */
  status: string;
  handlingCategory: HandlingCategory;
  department: string;
  /** person, enterprise or both. */
  serviceObject: string;
  materials: EditionMaterial[];
  /** JSON Schema 2020-12 text; empty = no form. */
  formSchema: string;
  rules: EditionRule[];
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  visits: number;
  workflow: EditionStep[];
  deliveryOptions: DeliveryMethod[];
  coDepartments: string[];
  /** Names for documents and notices: the implementing department's and the tenant's (its center's). */
  departmentName: string;
  tenantName: string;
  /** 收费: whether any fee line exists (payments come with a later issue). */
  hasFees: boolean;
}
