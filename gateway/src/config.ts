import { statSync } from 'node:fs';
import { isIP } from 'node:net';
import { common, loadConfig, z } from '@govhall/config';

/** proxy-addr's names for address ranges, accepted in TRUSTED_PROXIES besides addresses and CIDRs. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IPv4/IPv6 address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or one of proxy-addr's range names. */
export function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

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
  /**
   * How long a live introspection answer is trusted for the same token (ms). 0: every request asks Keycloak, and a
   * disabled login is refused on its very next request; above 0, within that time (ADR 0015, docs/benchmarks.md).
   */
  KEYCLOAK_INTROSPECTION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  CATALOGUE_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50051'),
  IDENTITY_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50050'),
  APPLICATIONS_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50053'),
  /** The supervision service (clocks, signals, violations, the live feed): SupervisionService and ViolationService. */
  SUPERVISION_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50057'),
  /** The joint-review service (联办件: reviews, department tasks, opinions, the lead's conclusion): JointReviewService. */
  JOINT_REVIEW_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50054'),
  /** The payments service (收缴分离: fee register, assessment, notices; the banks' signed messages). */
  PAYMENTS_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50055'),
  /** The complaints service (好差评 so far: the applicant's rating of a completed case): RatingService. */
  COMPLAINTS_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50056'),
  /** The live feed (GET /api/v1/supervision/live): a comment line this often keeps proxies from closing it (ms). */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(10).max(120_000).default(15_000),
  /**
   * Largest file one multipart part may carry on POST /cases/{id}/materials/{materialId}/files (bytes); the item's
   * own limit (maxSizeKb) is the service's to check. At most 7 MiB, so that a file and its request stay under the
   * 8 MiB gRPC message the services accept.
   */
  CASE_UPLOAD_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(7 * 1024 * 1024)
    .default(4 * 1024 * 1024),
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
  /** Self-registration (natural and legal persons): a limit of its own per client address, far below the global one. */
  REGISTRATION_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
  REGISTRATION_RATE_LIMIT_WINDOW: z.string().default('10 minutes'),
  /** What anyone may submit without signing in (a complaint, a 举报): a limit of its own per client address. */
  SUBMISSION_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(5),
  SUBMISSION_RATE_LIMIT_WINDOW: z.string().default('10 minutes'),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDRs, `loopback`…), comma-separated. Empty: nobody; the
   * client address is the socket's, so a forged header neither escapes the rate limit nor changes the logs.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isProxyAddress, 'each entry must be an IP address, a CIDR or loopback'))),
  /** Load shedding: 503 OVERLOADED while the event loop lags more than this (ms); 0 disables the check. */
  OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** Load shedding: 503 OVERLOADED while the V8 heap in use exceeds this (MiB); 0 disables the check. */
  OVERLOAD_HEAP_USED_MB: z.coerce.number().int().min(0).max(65_536).default(1_500),
  GRPC_DEADLINE_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  PUBLIC_URL: common.url.default('http://localhost:3000'),
  /**
   * The built web apps (web/dist: portal at /, workbench at /workbench/, admin at /admin/; ADR 0027). Empty: the
   * repository's web/dist when it exists, else no web apps are served. A directory that does not exist is refused.
   */
  WEB_ROOT: z
    .string()
    .default('')
    .refine((dir) => dir === '' || isDirectory(dir), 'must be an existing directory (the built web/dist)'),
  /** Keycloak's address as the browser reaches it (the apps log in there); empty: KEYCLOAK_URL. */
  KEYCLOAK_PUBLIC_URL: z.union([z.literal(''), common.url]).default(''),
  /** The public OIDC client the portal logs in with, and the one of the workbench and the admin console. */
  WEB_PORTAL_CLIENT_ID: z.string().min(1).default('govhall-portal'),
  WEB_WORKBENCH_CLIENT_ID: z.string().min(1).default('govhall-workbench'),
  /** Tenants this deployment serves (region codes); the portal offers them, the first by default. Empty: any. */
  GOVHALL_TENANTS: common.tenants,
};

export type GatewayConfig = Readonly<z.infer<z.ZodObject<typeof configShape>>>;

export const loadGatewayConfig = (): GatewayConfig => loadConfig('gateway', configShape);
