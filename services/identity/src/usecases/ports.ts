// Ports shared by every identity use case. Area-specific ports live next to them:
// tenancy.ports.ts (tenants, departments, windows), applicants.ports.ts (natural and legal persons, agents),
// staff.ports.ts (staff, service accounts), directory.port.ts (Keycloak), staff-facts.port.ts (what windows
// need to know about staff).

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

/** Today's date in the service center's time zone (Asia/Shanghai), YYYY-MM-DD. */
export { chinaDate as localDate } from '@govhall/identifiers';
