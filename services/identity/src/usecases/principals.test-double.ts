import { createAuthorizer, type Principal, type Role } from '@govhall/auth';
import type { NaturalPerson } from '../domain/natural-person';

// Principals, clock, ids and authorizer for identity's use-case unit tests.

/** A member of staff's token (workbench client). */
export function principal(username: string, tenant: string, roles: Role[], department?: string): Principal {
  return {
    kind: 'user',
    subject: `sub-${username}`,
    username,
    tenant,
    roles,
    ...(department ? { department } : {}),
    clientId: 'govhall-workbench',
  };
}

/** A department system's client-credentials token. */
export function serviceAccount(clientId: string, tenant: string, department?: string): Principal {
  return {
    kind: 'service',
    subject: `sub-${clientId}`,
    username: `service-account-${clientId}`,
    tenant,
    roles: ['service'],
    ...(department ? { department } : {}),
    clientId,
  };
}

/** The token a registered person gets from Keycloak (username = ID number, lower-case). */
export function applicantOf(person: NaturalPerson): Principal {
  return {
    kind: 'user',
    subject: person.subject!,
    username: person.idNumber.toLowerCase(),
    tenant: person.tenant,
    roles: ['applicant'],
    clientId: 'govhall-portal',
  };
}

/** A clock that stands still at `start` (10:00 on 2026-03-02 in Asia/Shanghai) until advanced. */
export function testClock(start: Date = new Date('2026-03-02T02:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** UUID-shaped ids 00000000-0000-4000-8000-000000000001, …2, … */
export function sequentialIds() {
  let n = 0;
  return { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

/** The real authorizer, its denials collected in `denials`. */
export function collectingAuthorizer() {
  const denials: object[] = [];
  return { authorizer: createAuthorizer({ warn: (obj) => denials.push(obj) }), denials };
}

/** One of each for a test file's own use cases (staff tests). */
export const { authorizer, denials } = collectingAuthorizer();
export const clock = testClock();
export const ids = sequentialIds();
