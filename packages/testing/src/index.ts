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
export { startCatalogue, type CatalogueUnderTest } from './catalogue-process';
export {
  Mailbox,
  mailpitBinary,
  stackMailbox,
  startMailServer,
  type MailMessage,
  type MailSummary,
  type MailServerUnderTest,
} from './mail-server';
