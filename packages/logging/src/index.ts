import { trace, context } from '@opentelemetry/api';
import pino, { type Logger, type LoggerOptions } from 'pino';

export { maskIdNumber, maskPhone, maskText } from '@govhall/identifiers';
export type { Logger };

/** Field names that never reach a log line in clear text. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.clientSecret',
  '*.idNumber',
  '*.phone',
];

/**
 * pino JSON logger for one service. Every line carries trace_id/span_id of the active span so logs and
 * traces join up.
 */
export function createLogger(service: string, level = 'info', options: LoggerOptions = {}): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const span = trace.getSpan(context.active());
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    ...options,
  });
}
