// Imported first by main.ts: instrumentation must patch http, grpc, kafkajs and mongodb before they load.
import { startTelemetry } from '@govhall/telemetry';

export const telemetry = startTelemetry({
  serviceName: 'complaints',
  defaultMetricsPort: 9476,
});
