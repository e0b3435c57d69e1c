import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError } from '@govhall/errors';
import { failpoint } from '@govhall/lifecycle';
import {
  activateNaturalPerson,
  naturalPersonRef,
  naturalPersonUsername,
  type NaturalPerson,
} from '../../domain/natural-person';
import type { NaturalPersonRepository } from '../applicants.ports';
import type { DirectoryUser, IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';

export interface ProvisionApplicantDeps {
  naturalPersons: NaturalPersonRepository;
  directory: IdentityDirectory;
  clock: Clock;
}

export type ProvisionOutcome =
  | { outcome: 'active'; person: NaturalPerson }
  /** The record was removed: no account of ours and no password to create one, or the username is someone else's. */
  | { outcome: 'removed'; why: 'NO_ACCOUNT' | 'FOREIGN_ACCOUNT' };

/** The person as the author of their own registration (events record them, with the ID number masked). */
export function applicantPrincipal(person: NaturalPerson): Principal {
  return {
    kind: 'user',
    subject: person.subject ?? '',
    username: naturalPersonUsername(person),
    tenant: person.tenant,
    roles: ['applicant'],
    clientId: '',
  };
}

/**
 * Steps 2 and 3 of the registration saga (step 1 inserted the record as `provisioning`): make sure the Keycloak
 * user named by the ID number exists and carries this record's reference, then mark the record active with
 * NaturalPersonRegistered in the same document write.
 *
 * - A user with this username and our reference is adopted (a crash or an outage after Keycloak created it).
 * - A user with this username and another reference (or none) is not ours: the record is removed and nothing
 *   is adopted — taking over a login whose password someone else chose would hand them this person's account.
 * - No user and no password (the reconciler): the record is removed; see complete-pending-registrations.
 * Directory errors (UnavailableError) propagate with the record left provisioning, for a retry or the reconciler.
 */
export async function provisionApplicantAccount(
  deps: ProvisionApplicantDeps,
  record: NaturalPerson,
  password: string | undefined,
): Promise<ProvisionOutcome> {
  failpoint('applicant.after-record');
  const ref = naturalPersonRef(record);
  const username = naturalPersonUsername(record);
  let user: DirectoryUser | undefined = await deps.directory.findUserByUsername(username);
  const adopted = user !== undefined;
  if (!user && password !== undefined) {
    try {
      const id = await deps.directory.createUser({
        username,
        displayName: record.name,
        attributes: { tenant: record.tenant, govhall_ref: ref },
        roles: ['applicant'],
        password,
        temporaryPassword: false,
      });
      user = { id, username, enabled: true, attributes: { tenant: record.tenant, govhall_ref: ref } };
    } catch (e) {
      // Two retries of the same registration raced to create the user: the loser adopts the winner's.
      if (!(e instanceof ConflictError && e.code === 'USERNAME_TAKEN')) throw e;
      user = await deps.directory.findUserByUsername(username);
    }
  }
  if (!user || user.attributes.govhall_ref !== ref) {
    // Refused when a retry touched the record meanwhile: that retry decides, not us.
    if (!(await deps.naturalPersons.removeProvisioning(record.id, record.version))) throw new ConcurrencyError();
    return { outcome: 'removed', why: user ? 'FOREIGN_ACCOUNT' : 'NO_ACCOUNT' };
  }
  if (adopted) {
    // A create that failed half-way (e.g. after the user, before its role) is completed here.
    await deps.directory.updateUser(user.id, {
      attributes: { tenant: record.tenant, govhall_ref: ref },
      roles: ['applicant'],
      displayName: record.name,
    });
  }
  failpoint('applicant.after-directory-create');

  const { person, events } = activateNaturalPerson(record, user.id, deps.clock.now());
  try {
    await deps.naturalPersons.update(person, record.version, events, applicantPrincipal(person));
    return { outcome: 'active', person };
  } catch (e) {
    if (!(e instanceof ConcurrencyError)) throw e;
    // A concurrent retry (or the reconciler) activated it first with the same user: same result.
    const now = await deps.naturalPersons.findById(record.id);
    if (now?.status === 'active' && now.subject === user.id) return { outcome: 'active', person: now };
    throw e;
  }
}
