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
import { mongoStatementShape } from './mongo-statement';

export interface TelemetryOptions {
  serviceName: string;
  /** Port of the Prometheus /metrics endpoint; 0 disables it. Default: env METRICS_PORT, else defaultMetricsPort. */
  metricsPort?: number;
  /** The service's own local default (each process on one machine needs its own). Default 9464. */
  defaultMetricsPort?: number;
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
  const metricsPort = options.metricsPort ?? Number(process.env.METRICS_PORT || (options.defaultMetricsPort ?? 9464));
  if (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535) {
    process.stderr.write(
      `${options.serviceName}: invalid configuration: METRICS_PORT: must be a port number (0 disables)\n`,
    );
    process.exit(78);
  }
  const otlpEndpoint = options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '';
  if (!otlpEndpoint) {
    // Without an endpoint the SDK would fall back to OTLP on localhost:4318; GovHall exports only when told to.
    process.env.OTEL_TRACES_EXPORTER ??= 'none';
    process.env.OTEL_LOGS_EXPORTER ??= 'none';
  }
  process.env.OTEL_METRICS_EXPORTER ??= 'none'; // metrics are scraped from the Prometheus endpoint
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
      new MongoDBInstrumentation({ dbStatementSerializer: mongoStatementShape }),
      new PinoInstrumentation({ disableLogSending: true }),
      new RuntimeNodeInstrumentation(),
      ...(options.extraInstrumentations ?? []),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
