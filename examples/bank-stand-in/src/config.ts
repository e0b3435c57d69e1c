import { join } from 'node:path';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './client/retry';

/** The stand-in's settings, all from the environment (README, "Configuration"). */
export interface StandInConfig {
  port: number;
  /** Listen address (default 127.0.0.1: the stand-in is local only). */
  host: string;
  govhallUrl: string;
  channel: string;
  /** Absent: `<channel>-1` for a generated key, and required with BANK_PRIVATE_KEY. */
  kid: string | undefined;
  /** PKCS#8 PEM text or a path to it; absent: the key pair under stateDir (generated once). */
  privateKey: string | undefined;
  stateDir: string;
  /** The province prefix of the receipt codes it issues. */
  receiptRegion: string;
  controls: boolean;
  retry: RetryPolicy;
}

const CHANNEL = /^[a-z0-9-]{1,32}$/;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv): StandInConfig {
  const channel = env.CHANNEL || 'stand-in';
  if (!CHANNEL.test(channel)) throw new Error('CHANNEL must be 1-32 characters of a-z, 0-9 and -');
  const govhallUrl = env.GOVHALL_URL || 'http://127.0.0.1:3000';
  if (!/^https?:\/\/[^\s]+$/.test(govhallUrl)) throw new Error('GOVHALL_URL must be an http(s) URL');
  const kid = env.KID || undefined;
  if (kid !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(kid)) {
    throw new Error('KID must be 1-64 characters of A-Za-z0-9._-');
  }
  const privateKey = env.BANK_PRIVATE_KEY || undefined;
  if (privateKey !== undefined && kid === undefined) throw new Error('BANK_PRIVATE_KEY needs KID (its key id)');
  const receiptRegion = env.RECEIPT_REGION || '11';
  if (!/^\d{2}$/.test(receiptRegion)) throw new Error('RECEIPT_REGION must be 2 digits');
  const stateDir =
    env.STATE_DIR ||
    (env.GOVHALL_STATE ? join(env.GOVHALL_STATE, 'bank-stand-in') : join(process.cwd(), '.stack', 'bank-stand-in'));
  return {
    port: integer(env, 'PORT', 3100, 0, 65535),
    host: env.HOST || '127.0.0.1',
    govhallUrl,
    channel,
    kid,
    privateKey,
    stateDir,
    receiptRegion,
    controls: env.STAND_IN_CONTROLS === '1',
    retry: {
      maxAttempts: integer(env, 'CALLBACK_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1, 20),
      baseDelayMs: integer(env, 'CALLBACK_BACKOFF_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 0, 60_000),
      maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
    },
  };
}
