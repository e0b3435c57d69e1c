// Namespaced re-exports of the generated contracts: one namespace per proto package.
import * as path from 'node:path';

export * as commonV1 from './common-v1';
export * as eventsV1 from './events-v1';
export * as catalogueV1 from './catalogue-v1';
export * as supervisionV1 from './supervision-v1';
export * as identityV1 from './identity-v1';
export * as applicationsV1 from './applications-v1';
export * as jointReviewV1 from './joint-review-v1';
export * as paymentsV1 from './payments-v1';
export * as complaintsV1 from './complaints-v1';
export * as googleRpc from './google-rpc';
export { Timestamp } from './gen/google/protobuf/timestamp';

/** Directory holding the .proto sources (used for gRPC server reflection). */
export const PROTO_ROOT = path.resolve(__dirname, '..');
export { enumCodec, enumSpelling, type EnumSpelling, type EnumSpellingOf } from './enum-spelling';
