import { trace, context } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { maskLogLine, redactKeys } from './redact';

export { maskEmail, maskIdNumber, maskPhone, maskText } from '@govhall/identifiers';
export { REDACTED, SENSITIVE_KEY_FRAGMENTS, isSensitiveKey, maskLogLine, redactKeys } from './redact';
export type { Logger };

/**
 * pino JSON logger for one service. Every line carries trace_id/span_id of the active span so logs and
 * traces join up.
 *
 * Personal data and secrets: fields whose names say what they hold (redact.ts SENSITIVE_KEY_FRAGMENTS: ID numbers,
 * phone numbers, tokens, secrets, passwords, cookies) are replaced at any depth of the logged object and of the
 * root bindings (pino does not format child bindings); then every finished line is masked by value (resident ID numbers, mobile numbers, JWTs, bearer
 * credentials), which also covers messages, errors and serializer output.
 */
export function createLogger(
  service: string,
  level = 'info',
  options: LoggerOptions = {},
  destination?: DestinationStream,
): Logger {
  const { formatters, hooks, ...rest } = options;
  const settings: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Serialized request headers (fastify's req serializer leaves them out; a custom one may not).
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    mixin() {
      const span = trace.getSpan(context.active());
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    ...rest,
    formatters: {
      ...formatters,
      bindings: (bindings) => redactKeys(formatters?.bindings ? formatters.bindings(bindings) : bindings),
      log: (object) => redactKeys(formatters?.log ? formatters.log(object) : object),
    },
    hooks: {
      ...hooks,
      streamWrite: (line) => maskLogLine(hooks?.streamWrite ? hooks.streamWrite(line) : line),
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}
