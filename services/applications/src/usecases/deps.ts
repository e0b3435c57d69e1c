import type { Authorizer } from '@govhall/auth';
import type { HandlingPorts } from './handling.ports';
import type { CaseQueries } from './queries.ports';
import type { Calendars, CaseNumbers, CaseRepository, Clock, DocumentIssuer, Editions, IdGenerator } from './ports';

/**
 * What every case use case may use: the store, case numbers, the pinned editions, the tenants' calendars, the
 * clock and ids, and the authorizer. Areas add their own ports beside these (declaration, window, handling …).
 */
export interface CaseCore {
  cases: CaseRepository;
  /** The lists (applicant's, staff queues, ledger). */
  queries: CaseQueries;
  caseNumbers: CaseNumbers;
  editions: Editions;
  calendars: Calendars;
  documents: DocumentIssuer;
  clock: Clock;
  ids: IdGenerator;
  authorizer: Authorizer;
  /** Region codes this deployment hosts; empty = any. */
  hostedTenants: readonly string[];
  /** Handling, decisions, results and the e-licence library (handling.ports.ts). */
  handling?: HandlingPorts;
}
