import { randomUUID } from 'node:crypto';
import { createAuthorizer } from '@govhall/auth';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { CatalogueCalendars } from './adapters/catalogue/catalogue-calendars';
import { CatalogueEditions } from './adapters/catalogue/catalogue-editions';
import { cryptoCodes } from './adapters/codes/secret-codes';
import { pdfCaseRenderer } from './adapters/documents/pdf-case-renderer';
import { StoredDocumentIssuer, type DocumentRenderer } from './adapters/documents/stored-documents';
import { IdentityActingAuthority } from './adapters/identity/identity-acting';
import { MongoCaseQueries } from './adapters/mongo/case.queries';
import { MongoCaseNumbers } from './adapters/mongo/case-numbers';
import { MongoCaseRepository } from './adapters/mongo/case.repository';
import { StoredHandlingSettings } from './adapters/mongo/case-settings.reader';
import { MongoLicenceLibrary } from './adapters/mongo/licence-library';
import type { CaseCore } from './usecases/deps';
import type { Clock } from './usecases/ports';

export interface ComposeOptions {
  connection: Connection;
  logger: Logger;
  hostedTenants: readonly string[];
  catalogueAddress: string;
  identityAddress: string;
  /** The service's clock; tests of timers pass a controllable one (see config CLOCK_*). */
  clock?: Clock;
  /** Base URL printed on documents and in their QR codes (progress query, licence verification). */
  publicUrl: string;
  /** Renders case documents as PDF; default the @govhall/pdf builders. */
  render?: DocumentRenderer;
}

/** Composition root shared by the server (main.ts), the seed and the tools: adapters and the core of the use cases. */
export function composeApplications(options: ComposeOptions) {
  const { connection, logger, hostedTenants } = options;
  const clock = options.clock ?? { now: () => new Date() };
  const cases = new MongoCaseRepository(connection);
  const caseNumbers = new MongoCaseNumbers(connection);
  const editions = new CatalogueEditions(connection, options.catalogueAddress);
  const calendars = new CatalogueCalendars(options.catalogueAddress, clock);
  const ids = { newId: randomUUID };
  const links = {
    progress: (caseNumber: string) => `${options.publicUrl}/progress?caseNumber=${caseNumber}`,
    verifyLicence: (code: string) => `${options.publicUrl}/api/v1/licences/verify/${code}`,
  };
  const render = options.render ?? pdfCaseRenderer({ editions, links });
  const documents = new StoredDocumentIssuer(connection, { editions, clock, ids, render });
  const licences = new MongoLicenceLibrary(connection);
  const acting = new IdentityActingAuthority(options.identityAddress);
  const core: CaseCore = {
    cases,
    queries: new MongoCaseQueries(cases.model),
    caseNumbers,
    editions,
    calendars,
    documents,
    clock,
    ids,
    authorizer: createAuthorizer(logger),
    hostedTenants,
    handling: { licences, codes: cryptoCodes, settings: new StoredHandlingSettings(connection), acting },
  };
  return {
    core,
    models: [
      cases.model,
      caseNumbers.model,
      editions.model,
      documents.model,
      documents.counters,
      licences.model,
      licences.counters,
    ],
    /** Collections whose documents carry outbox messages. */
    outboxCollections: [cases.model.collection],
    close: () => {
      editions.close();
      calendars.close();
      acting.close();
    },
  };
}
