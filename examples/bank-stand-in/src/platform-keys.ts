import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * PLATFORM_KEYS: GovHall's public keys the stand-in checks refund instructions with, "<kid>:<base64 SPKI DER
 * Ed25519>" entries separated by commas (the public half of GovHall's PLATFORM_SIGNING_KEY).
 */
export function parsePlatformKeys(value: string | undefined): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const m = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/=]+)$/.exec(entry);
      if (!m) throw new Error(`PLATFORM_KEYS entry ${i + 1} is not "<kid>:<base64 SPKI>"`);
      const key = createPublicKey({ key: Buffer.from(m[2]!, 'base64'), format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'ed25519') throw new Error(`PLATFORM_KEYS entry ${i + 1} is not an Ed25519 key`);
      keys.set(m[1]!, key);
    });
  return keys;
}
