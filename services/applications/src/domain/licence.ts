import type { ApplicantKind } from './case';

/**
 * An e-licence (电子证照) in the library: the result of an approved case (fields of govhall.applications.v1.Licence,
 * plus what the library itself needs). Its type is the basic code (基本编码) of the item that issued it, so a
 * material's `satisfiedByLicenceType` names the item whose result it accepts (ADR 0025), e.g. 000117001000
 * (个体工商户设立登记) for a 营业执照.
 */
export interface Licence {
  id: string;
  /** <tenant>-<basic code>-<year>-<6-digit sequence>, e.g. 620321-000117001000-2026-000012. */
  licenceNumber: string;
  licenceType: string;
  /** The licence's name as printed, e.g. 食品经营许可证. */
  name: string;
  holderKind: ApplicantKind;
  holderName: string;
  /** 居民身份证号码 or 统一社会信用代码 (masked except to the holder). */
  holderIdCode: string;
  /** Identity's id of the natural or legal person holding it. */
  holderPersonId: string;
  /** Keycloak subject of the natural person holding it ('' for a legal person). */
  holderSubject: string;
  /** The agent who applied for a legal person (recorded, A2 / issue 10 item 1). */
  agentPersonId: string;
  agentName: string;
  tenant: string;
  itemId: string;
  itemName: string;
  caseId: string;
  caseNumber: string;
  issuingDepartment: string;
  issuingDepartmentName: string;
  /** The department's 行政审批专用章 (A30), as recorded on the licence. */
  seal: string;
  validFrom: string;
  /** '' = no expiry. */
  validUntil: string;
  /** 12 characters of Crockford base32 from a CSPRNG; anyone holding it may check the licence. */
  verificationCode: string;
  issuedAt: Date;
  issuedBy: string;
  revoked: boolean;
  /** The licence PDF and the decision behind it (case documents). */
  documentIds: string[];
}

/** A2 / A30: the seal every approval document of a department carries. */
export function approvalSeal(departmentName: string): string {
  return `${departmentName}行政审批专用章`;
}

/** The printed name of the result of an item: 食品经营许可 → 食品经营许可证; names that already say what they are stay. */
export function licenceName(itemName: string): string {
  return /(证|照|书|证明)$/.test(itemName) ? itemName : `${itemName}证`;
}

export function licenceNumber(tenant: string, basicCode: string, year: number, seq: number): string {
  return `${tenant}-${basicCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** Crockford's base32 (no I, L, O, U): easy to read aloud and to type; a reader's I/L/O are read as 1/1/0. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VERIFICATION_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** A verification code as typed (lower case, hyphens, spaces, I/L/O allowed) in its stored form, or undefined. */
export function normalizeVerificationCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return VERIFICATION_CODE.test(code) ? code : undefined;
}

/** Valid on `today` (YYYY-MM-DD): not revoked, started, and not past its last day. */
export function licenceValidOn(l: Pick<Licence, 'revoked' | 'validFrom' | 'validUntil'>, today: string): boolean {
  return !l.revoked && l.validFrom <= today && (l.validUntil === '' || l.validUntil >= today);
}
