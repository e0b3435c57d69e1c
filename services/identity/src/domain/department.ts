import type { Violation } from '@govhall/errors';
import { normalizeText, parseRegionCode, textViolations } from '@govhall/identifiers';

/** A department seated in a center (进驻部门). */
export interface Department {
  /** `${tenant}-${abbreviation}`, e.g. "620321-SCJG" (市场监督管理局). */
  code: string;
  tenant: string;
  name: string;
  version: number;
  createdAt: Date;
}

export interface NewDepartmentInput {
  tenant: string;
  /** Upper-case abbreviation, e.g. "SCJG". */
  abbreviation: string;
  name: string;
}

export type DepartmentEvent =
  | { type: 'DepartmentCreated'; department: Department }
  | { type: 'DepartmentUpdated'; department: Department; at: Date };

const ABBREVIATION = /^[A-Z][A-Z0-9]{1,11}$/;

export function departmentCode(tenant: string, abbreviation: string): string {
  return `${tenant.trim()}-${abbreviation.trim()}`;
}

/** Checks a new department's own fields (the use case checks that its tenant exists). */
export function validateNewDepartment(input: NewDepartmentInput): Violation[] {
  const v: Violation[] = [];
  const tenant = parseRegionCode(input.tenant);
  if (!tenant.ok) v.push({ path: 'tenant', ...tenant.violation });
  if (!ABBREVIATION.test(input.abbreviation.trim())) {
    v.push({
      path: 'abbreviation',
      reason: 'PATTERN',
      message: '部门简称应为2至12位大写字母或数字，并以字母开头，如 SCJG',
    });
  }
  v.push(...departmentNameViolations(input.name));
  return v;
}

/** A department's name: 2-50 characters, the shared text rule. */
export function departmentNameViolations(name: string): Violation[] {
  return textViolations('name', name, { label: '部门名称', min: 2, max: 50 });
}

/** Renames a department (name already validated); its code stays, as staff, windows and items refer to it. */
export function renameDepartment(
  current: Department,
  name: string,
  now: Date,
): { department: Department; events: DepartmentEvent[] } {
  const department: Department = { ...current, name: normalizeText(name), version: current.version + 1 };
  return { department, events: [{ type: 'DepartmentUpdated', department, at: now }] };
}

/** Creates a department from input already validated by validateNewDepartment. */
export function createDepartment(
  input: NewDepartmentInput,
  now: Date,
): { department: Department; events: DepartmentEvent[] } {
  const department: Department = {
    code: departmentCode(input.tenant, input.abbreviation),
    tenant: input.tenant.trim(),
    name: normalizeText(input.name),
    version: 1,
    createdAt: now,
  };
  return { department, events: [{ type: 'DepartmentCreated', department }] };
}
