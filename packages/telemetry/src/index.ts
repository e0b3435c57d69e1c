import { NodeSDK } from '@opentelemetry/sdk-node';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import type { Instrumentation } from '@opentelemetry/instrumentation';

export interface TelemetryOptions {
  serviceName: string;
  /** Port of the Prometheus /metrics endpoint; 0 disables it. Default: env METRICS_PORT or 9464. */
  metricsPort?: number;
  /** OTLP/HTTP base URL (traces go to <url>/v1/traces). Default: env OTEL_EXPORTER_OTLP_ENDPOINT; unset = no export. */
  otlpEndpoint?: string;
  extraInstrumentations?: Instrumentation[];
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK. Call it before the instrumented libraries (http, grpc, kafkajs, mongodb, pino)
 * are first required: each service's `instrumentation.ts` is the first import of its main.ts.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const metricsPort = options.metricsPort ?? Number(process.env.METRICS_PORT ?? 9464);
  const otlpEndpoint = options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '';
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    traceExporter: otlpEndpoint
      ? new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` })
      : undefined,
    metricReaders:
      metricsPort > 0
        ? [new PrometheusExporter({ port: metricsPort, host: process.env.METRICS_HOST ?? '0.0.0.0' })]
        : [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/metrics' }),
      new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] }),
      new KafkaJsInstrumentation(),
      new MongoDBInstrumentation(),
      new PinoInstrumentation({ disableLogSending: true }),
      new RuntimeNodeInstrumentation(),
      ...(options.extraInstrumentations ?? []),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
