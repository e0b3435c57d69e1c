// Imported first by server.ts so http, grpc and fastify are instrumented before they load.
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { startTelemetry } from '@govhall/telemetry';

export const fastifyOtel = new FastifyOtelInstrumentation({ registerOnInitialization: true });
export const telemetry = startTelemetry({
  serviceName: 'gateway',
  defaultMetricsPort: 9470,
  extraInstrumentations: [fastifyOtel],
});
