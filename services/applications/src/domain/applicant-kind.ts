import { parseCreditCode } from '@govhall/identifiers';
import type { ApplicantKind } from './case';

/**
 * Identity records every organisation as a legal person (its LegalPerson has no kind); the 统一社会信用代码 tells
 * them apart (GB 32100-2015 机构类别): 个体工商户 (92), foreign and Hong Kong/Macao/Taiwan representative offices
 * (21, 61, 62) and bodies registered as 其他 (Y1) are other organisations (其他组织, A2); the rest are legal persons.
 * Partnerships and sole proprietorships share 91 with companies and are counted as legal persons (ADR 0023).
 */
const OTHER_ORGANISATIONS = new Set(['92', '21', '61', '62', 'Y1']);

export function applicantKindOf(creditCode: string): ApplicantKind {
  const parsed = parseCreditCode(creditCode);
  if (!parsed.ok) return 'legal_person';
  const type = parsed.value.registrationAuthority + parsed.value.entityType;
  return OTHER_ORGANISATIONS.has(type) ? 'other_organisation' : 'legal_person';
}

/** The item's service object (服务对象) admits this kind of applicant: person, enterprise or both. */
export function serviceObjectAdmits(serviceObject: string, kind: ApplicantKind): boolean {
  if (serviceObject === 'person') return kind === 'natural_person';
  if (serviceObject === 'enterprise') return kind !== 'natural_person';
  return true;
}

export const SERVICE_OBJECT_NAMES: Record<string, string> = {
  person: '自然人',
  enterprise: '法人和其他组织',
  both: '自然人、法人和其他组织',
};
