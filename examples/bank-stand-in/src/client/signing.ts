import { randomBytes, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import type { BankPayload } from './types';

/** The channel's Ed25519 private key and the `kid` GovHall knows its public key by. */
export interface SigningKey {
  privateKey: KeyObject;
  kid: string;
}

export interface SignOptions {
  /** The clock `iat` is read from (default: the system clock). */
  now?: () => Date;
  /** Overrides for building deliberately bad messages in tests: a stale `iat`, a reused `nonce`. */
  iat?: number;
  nonce?: string;
}

/** A fresh nonce: 24 random bytes (192 bits), base64url, 32 characters. */
export function newNonce(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Signs one protocol message: a compact JWS (RFC 7515), `alg` EdDSA with the key's `kid`, whose payload is the
 * UTF-8 JSON `{type, iat, nonce, ...rest}`. `iat` comes from the clock and `nonce` is fresh unless overridden.
 */
export async function signMessage(payload: BankPayload, key: SigningKey, options: SignOptions = {}): Promise<string> {
  const now = options.now ?? (() => new Date());
  const { type, ...rest } = payload;
  const body = {
    type,
    iat: options.iat ?? Math.floor(now().getTime() / 1000),
    nonce: options.nonce ?? newNonce(),
    ...rest,
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .sign(key.privateKey);
}
