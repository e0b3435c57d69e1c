import type { Violation } from '@govhall/errors';
import {
  checkText,
  maskIdNumber,
  maskPhone,
  normalizeText,
  parseRegionCode,
  parseResidentIdNumber,
} from '@govhall/identifiers';

/** What a real-name verifier established about an applicant, kept with the record for clerks to see. */
export interface RealNameVerification {
  /** 'format-only' for the default verifier, otherwise the name of a register-backed verifier. */
  method: string;
  verified: boolean;
  /** What was and was not checked, in Chinese. */
  note: string;
  verifiedAt: Date;
}

export type NaturalPersonStatus = 'provisioning' | 'active' | 'disabled';

/** A natural person (自然人) registered as an applicant; their login is a Keycloak user named by the ID number. */
export interface NaturalPerson {
  id: string;
  /** Tenant whose portal the person registered at. */
  tenant: string;
  name: string;
  /** 居民身份证号码, normalized (18 characters, upper-case X). */
  idNumber: string;
  phone: string;
  /** Keycloak user id, set once the account exists. */
  subject?: string;
  status: NaturalPersonStatus;
  verification: RealNameVerification;
  /** Why and when a center administrator disabled the login (status 'disabled'). */
  disabledReason?: string;
  disabledAt?: Date;
  version: number;
  createdAt: Date;
  /** Last change or registration attempt; the reconciler leaves records touched recently alone. */
  updatedAt: Date;
}

export interface NaturalPersonInput {
  tenant: string;
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

export type NaturalPersonEvent =
  { type: 'NaturalPersonRegistered'; person: NaturalPerson } | { type: 'NaturalPersonDisabled'; person: NaturalPerson };

/** Chinese characters, Latin letters and the middle dot of transliterated names (e.g. 阿依古丽·买买提). */
const PERSON_NAME = /^[\p{Script=Han}A-Za-z·]{2,30}$/u;
const MOBILE = /^1[3-9]\d{9}$/;

/** A person's name: the shared text rule (NFC, no control, bidi or invisible characters), then its alphabet. */
export function personNameViolation(path: string, name: string): Violation | undefined {
  const text = checkText(name, { label: '姓名', min: 2, max: 30 });
  if (!text.ok) return { path, ...text.violation };
  if (PERSON_NAME.test(text.value)) return undefined;
  return { path, reason: 'PATTERN', message: '姓名应为2至30个汉字或字母，少数民族姓名可用“·”分隔' };
}

export function tenantViolation(tenant: string): Violation | undefined {
  const parsed = parseRegionCode(tenant);
  return parsed.ok ? undefined : { path: 'tenant', reason: parsed.violation.reason, message: parsed.violation.message };
}

/** A resident ID number's violation (path, identifier reason, Chinese message), or its normalized form. */
export function checkIdNumber(
  path: string,
  input: string,
  today: Date,
): { ok: true; normalized: string } | { ok: false; violation: Violation } {
  const parsed = parseResidentIdNumber(input, today);
  if (parsed.ok) return { ok: true, normalized: parsed.value.normalized };
  return { ok: false, violation: { path, reason: parsed.violation.reason, message: parsed.violation.message } };
}

/** Checks a self-registration; every problem is reported with its path, in Chinese. */
export function validateNaturalPerson(input: NaturalPersonInput, today: Date): Violation[] {
  const v: Violation[] = [];
  const tenant = tenantViolation(input.tenant);
  if (tenant) v.push(tenant);
  const name = personNameViolation('name', input.name);
  if (name) v.push(name);
  const id = checkIdNumber('idNumber', input.idNumber, today);
  if (!id.ok) v.push(id.violation);
  if (!MOBILE.test(input.phone.trim())) {
    v.push({ path: 'phone', reason: 'PATTERN', message: '手机号码应为11位，以1开头' });
  }
  const password = input.password;
  if (password.length < 8 || password.length > 64 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    v.push({ path: 'password', reason: 'WEAK_PASSWORD', message: '密码应为8至64位，且同时包含字母和数字' });
  }
  return v;
}

/** The record the saga starts with: provisioning, no Keycloak account yet. Input validated beforehand. */
export function newNaturalPerson(
  input: NaturalPersonInput,
  id: string,
  verification: RealNameVerification,
  now: Date,
): NaturalPerson {
  return {
    id,
    tenant: input.tenant,
    name: normalizeText(input.name),
    idNumber: input.idNumber.trim().toUpperCase(),
    phone: input.phone.trim(),
    status: 'provisioning',
    verification,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** True when a repeated registration is the same person retrying (the password is not stored, so not compared). */
export function sameRegistration(person: NaturalPerson, input: NaturalPersonInput): boolean {
  return (
    person.tenant === input.tenant && person.name === normalizeText(input.name) && person.phone === input.phone.trim()
  );
}

/** A retry touches the record so the reconciler does not remove it while the retry is under way. */
export function touchNaturalPerson(person: NaturalPerson, now: Date): NaturalPerson {
  return { ...person, version: person.version + 1, updatedAt: now };
}

/** Last step of the saga: the Keycloak account exists, the person is registered. */
export function activateNaturalPerson(
  person: NaturalPerson,
  subject: string,
  now: Date,
): { person: NaturalPerson; events: NaturalPersonEvent[] } {
  const next: NaturalPerson = { ...person, subject, status: 'active', version: person.version + 1, updatedAt: now };
  return { person: next, events: [{ type: 'NaturalPersonRegistered', person: next }] };
}

/**
 * The login is disabled (the use case has disabled it in Keycloak and ended its sessions first). Reason validated
 * beforehand with `disableReasonViolations` (the same rule as for staff).
 */
export function disableNaturalPerson(
  person: NaturalPerson,
  reason: string,
  now: Date,
): { person: NaturalPerson; events: NaturalPersonEvent[] } {
  const next: NaturalPerson = {
    ...person,
    status: 'disabled',
    disabledReason: normalizeText(reason),
    disabledAt: now,
    version: person.version + 1,
    updatedAt: now,
  };
  return { person: next, events: [{ type: 'NaturalPersonDisabled', person: next }] };
}

/** `govhall_ref` attribute of the Keycloak user that belongs to this record. */
export function naturalPersonRef(person: Pick<NaturalPerson, 'id'>): string {
  return `natural-person:${person.id}`;
}

/** Keycloak usernames are lower-case; the person logs in with their ID number (x or X alike). */
export function naturalPersonUsername(person: Pick<NaturalPerson, 'idNumber'>): string {
  return person.idNumber.toLowerCase();
}

/** The record as someone other than the person sees it: ID number masked. */
export function maskedNaturalPerson(person: NaturalPerson): NaturalPerson {
  return { ...person, idNumber: maskIdNumber(person.idNumber) };
}

/** The record as staff and event consumers see it: ID number and phone masked (they need neither). */
export function staffViewOfNaturalPerson(person: NaturalPerson): NaturalPerson {
  return { ...maskedNaturalPerson(person), phone: maskPhone(person.phone) };
}
