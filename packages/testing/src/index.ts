export * from './stack';
export * from './tokens';
export * from './processes';
export * from './otlp-receiver';
export { MongoClient } from 'mongodb';
export { grpcFailure } from './grpc-failure';
export { newCreditCode, newResidentIdNumber } from './identifiers';
export { startGroupAtTopicEnd } from './kafka-groups';
export { startEventReader, type EventReader, type ReadEvent } from './event-reader';
export { explainFind, expectIndexServed, type QueryPlan } from './explain';
export {
  bearer,
  IDENTITY_ADMIN_SECRET,
  identityEnv,
  seedTenancy,
  startIdentity,
  type IdentityUnderTest,
} from './identity-process';
export { seedCatalogue, startCatalogue, type CatalogueUnderTest } from './catalogue-process';
export {
  Mailbox,
  mailpitBinary,
  stackMailbox,
  startMailServer,
  type MailMessage,
  type MailSummary,
  type MailServerUnderTest,
} from './mail-server';
export {
  a11yFindings,
  CHROMIUM_FLAGS,
  chromiumLaunchOptions,
  chromiumPath,
  contextOptions,
  launchBrowser,
  ProblemLog,
  screenshotPath,
  screenshots,
  seriousFindings,
  VIEWPORTS,
  watchPage,
  type A11yFinding,
  type BrowserUnderTest,
  type PageProblem,
  type ProblemFilter,
  type ViewportName,
  type WatchedPage,
} from './browser';
export {
  authorizationRequest,
  codeChallenge,
  exchangeCode,
  jwtClaims,
  keycloakFieldError,
  keycloakLogin,
  submitKeycloakLogin,
  type AuthorizationRequest,
  type Credentials,
  type Tokens,
} from './browser-login';
export {
  currentTestFailed,
  describePageState,
  failurePath,
  pageState,
  recordPagesOnFailure,
  recordPageState,
  type DialogState,
  type PageState,
} from './browser-failure';
export { servePages, type PageServer, type ServedPage } from './browser-server';
export { allowWebOrigin, WEB_CLIENTS } from './keycloak-origins';
export type { Page, Locator } from 'playwright-core';
