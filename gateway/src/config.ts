import { common, loadConfig, z } from '@govhall/config';

export const configShape = {
  HOST: z.string().default('0.0.0.0'),
  PORT: common.port.default(3000),
  LOG_LEVEL: common.logLevel,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  /** Confidential client the gateway introspects user tokens with (ADR 0015); the audience of GovHall tokens. */
  KEYCLOAK_API_CLIENT_ID: z.string().min(1).default('govhall-api'),
  /** Its secret. Empty: no introspection, a disabled login keeps access until its token expires (a warning at boot). */
  KEYCLOAK_API_CLIENT_SECRET: z.string().default(''),
  CATALOGUE_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50051'),
  IDENTITY_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50050'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(6000),
  RATE_LIMIT_WINDOW: z.string().default('1 minute'),
  /** Load shedding: 503 OVERLOADED while the event loop lags more than this (ms); 0 disables the check. */
  OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  GRPC_DEADLINE_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  PUBLIC_URL: common.url.default('http://localhost:3000'),
};

export type GatewayConfig = Readonly<z.infer<z.ZodObject<typeof configShape>>>;

export const loadGatewayConfig = (): GatewayConfig => loadConfig('gateway', configShape);
