import { z } from 'zod';

export { z };

/** Common env fragments every service repeats. */
export const common = {
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  port: z.coerce.number().int().min(1).max(65535),
  url: z.url(),
  mongoUri: z.string().regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// URI'),
  brokers: z
    .string()
    .min(1)
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d{1,5}$/, 'each broker must be host:port')).min(1)),
  // How long a consumer's fetch waits at the broker when nothing is there; a stop waits for it to end.
  fetchWaitMs: z.coerce.number().int().min(10).max(30_000).default(5_000),
  tenants: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'each tenant must be a 6, 9 or 12 digit region code'))),
};

export type ConfigError = { variable: string; message: string };

/** Validates `env` against `shape`; returns the typed, frozen config or the list of problems. */
export function parseConfig<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined>,
): { ok: true; config: Readonly<z.infer<z.ZodObject<S>>> } | { ok: false; errors: ConfigError[] } {
  const result = z.object(shape).safeParse(env);
  if (result.success) return { ok: true, config: Object.freeze(result.data) };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({
      variable: String(i.path[0] ?? '(env)'),
      message: i.path.length > 1 ? `item ${i.path.slice(1).join('.')}: ${i.message}` : i.message,
    })),
  };
}

/**
 * Loads config from process.env. A bad value stops the process with one clear line on stderr, naming every
 * offending variable, before anything else starts.
 */
export function loadConfig<S extends z.ZodRawShape>(
  service: string,
  shape: S,
  env: Record<string, string | undefined> = process.env,
): Readonly<z.infer<z.ZodObject<S>>> {
  const parsed = parseConfig(shape, env);
  if (parsed.ok) return parsed.config;
  const detail = parsed.errors.map((e) => `${e.variable}: ${e.message}`).join('; ');
  process.stderr.write(`${service}: invalid configuration: ${detail}\n`);
  process.exit(78); // EX_CONFIG
}
