import { randomUUID } from 'node:crypto';
import { createAuthorizer, ServiceTokenSource } from '@govhall/auth';
import { CatalogueCalendars } from '@govhall/catalogue-calendars';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { CatalogueEditions } from './adapters/catalogue/catalogue-editions';
import { cryptoCodes } from './adapters/codes/secret-codes';
import { pdfCaseRenderer } from './adapters/documents/pdf-case-renderer';
import { StoredDocumentIssuer, type DocumentRenderer } from './adapters/documents/stored-documents';
import { IdentityDirectory } from './adapters/identity/identity-directory';
import { MongoCaseFiles } from './adapters/mongo/case-files';
import { MongoCaseSettings } from './adapters/mongo/case-settings.repository';
import { MongoCaseQueries } from './adapters/mongo/case.queries';
import { MongoCaseNumbers } from './adapters/mongo/case-numbers';
import { MongoCaseRepository } from './adapters/mongo/case.repository';
import { JsonSchemaFormValidator } from './adapters/forms/json-schema-form-validator';
import { MongoDeemedAcceptanceQueue } from './adapters/mongo/deemed-acceptance.query';
import type { WindowPorts } from './usecases/window.ports';
import { MongoLicenceLibrary } from './adapters/mongo/licence-library';
import { MongoNotificationInbox } from './adapters/mongo/site-notifications.repository';
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
  /** This service's own client credentials, for identity's staff-only GetWindowResponsible (ADR 0023). */
  serviceClient?: { keycloakUrl: string; realm: string; clientId: string; clientSecret: string };
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
  // identity, one client for every area (declaration, window, handling).
  const identity = new IdentityDirectory(
    options.identityAddress,
    options.serviceClient?.clientId ? new ServiceTokenSource(options.serviceClient) : undefined,
    logger,
  );
  const files = new MongoCaseFiles(connection);
  const settings = new MongoCaseSettings(connection);
  // The window area's ports (walk-in, pre-review, acceptance, deemed acceptance), read by its handler group.
  const window: WindowPorts = {
    windows: identity,
    applicants: identity,
    forms: new JsonSchemaFormValidator(),
    settings,
    deemedQueue: new MongoDeemedAcceptanceQueue(cases.model),
  };
  const licences = new MongoLicenceLibrary(connection);
  const inbox = new MongoNotificationInbox(connection);
  const core: CaseCore & { window: WindowPorts } = {
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
    window,
    handling: { licences, codes: cryptoCodes, settings, acting: identity },
  };
  return {
    core,
    links,
    /** Ports of declaration and settings beyond the core (declarationHandlers, settingsHandlers). */
    declaration: { applicants: identity, windows: identity, files, settings },
    /** The applicants' in-site notifications (notificationHandlers, the notifier). */
    inbox,
    models: [
      cases.model,
      caseNumbers.model,
      editions.model,
      documents.model,
      documents.counters.model,
      files.model,
      settings.model,
      licences.model,
      licences.counters.model,
      inbox.model,
    ],
    /** Collections whose documents carry outbox messages. */
    outboxCollections: [cases.model.collection],
    close: () => {
      editions.close();
      calendars.close();
      identity.close();
    },
  };
}
