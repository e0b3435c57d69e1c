import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import type { Clock, RefundChannel, RefundInstruction } from '../../usecases/ports';

/** The platform's key for what it sends to banks. */
export interface PlatformKey {
  privateKey: KeyObject;
  kid: string;
}

/** Parses BANK_REFUND_URLS: "<channel>=<http(s) URL>" entries separated by commas. */
export function parseRefundUrls(value: string): Map<string, URL> {
  const urls = new Map<string, URL>();
  value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const m = /^([a-z0-9-]{1,32})=(https?:\/\/\S+)$/.exec(entry);
      if (!m) throw new Error(`BANK_REFUND_URLS entry ${i + 1} is not "<channel>=<http(s) URL>"`);
      urls.set(m[1]!, new URL(m[2]!));
    });
  return urls;
}

/** PLATFORM_SIGNING_KEY (base64 PKCS#8 DER Ed25519) with PLATFORM_KID; undefined when not configured. */
export function parsePlatformKey(key: string, kid: string): PlatformKey | undefined {
  if (!key && !kid) return undefined;
  if (!key || !kid) throw new Error('PLATFORM_SIGNING_KEY and PLATFORM_KID go together');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('PLATFORM_SIGNING_KEY is not a PKCS#8 private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('PLATFORM_SIGNING_KEY is not an Ed25519 key');
  return { privateKey, kid };
}

/**
 * Refund instructions over HTTP: a compact JWS (EdDSA, the platform's `kid`) of `{type: "REFUND_INSTRUCTION", iat,
 * nonce, refundId, paymentCode, bankTxnId, amountFen}` POSTed as application/jose to the channel's refund URL. A 2xx
 * means the bank took it.
 */
export class HttpRefundChannel implements RefundChannel {
  constructor(
    private readonly urls: Map<string, URL>,
    private readonly key: PlatformKey | undefined,
    private readonly clock: Clock,
    private readonly timeoutMs = 10_000,
  ) {}

  async instruct(channel: string, instruction: RefundInstruction): Promise<void> {
    const url = this.urls.get(channel);
    if (!url) throw new Error(`no refund URL for channel ${channel} (BANK_REFUND_URLS)`);
    if (!this.key) throw new Error('no platform signing key (PLATFORM_SIGNING_KEY)');
    const body = {
      type: 'REFUND_INSTRUCTION',
      iat: Math.floor(this.clock.now().getTime() / 1000),
      nonce: randomBytes(24).toString('base64url'),
      ...instruction,
    };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
      .setProtectedHeader({ alg: 'EdDSA', kid: this.key.kid })
      .sign(this.key.privateKey);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/jose' },
      body: jws,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`the bank answered ${response.status} to refund ${instruction.refundId}`);
  }
}
