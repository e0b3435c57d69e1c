import { createPublicKey, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { UnauthenticatedError } from '@govhall/errors';
import type { BankKeys } from '../../usecases/ports';

const invalid = () => new UnauthenticatedError('SIGNATURE_INVALID', '报文签名无效');

/**
 * Parses BANK_CHANNELS: "<channel>=<kid>:<base64 SPKI DER Ed25519 public key>" entries separated by commas; a
 * channel may have several keys (rotation). A malformed entry is a start-up error naming its position.
 */
export function parseBankChannels(value: string): Map<string, Map<string, KeyObject>> {
  const channels = new Map<string, Map<string, KeyObject>>();
  value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const m = /^([a-z0-9-]{1,32})=([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/=]+)$/.exec(entry);
      if (!m) throw new Error(`BANK_CHANNELS entry ${i + 1} is not "<channel>=<kid>:<base64 SPKI>"`);
      let key: KeyObject;
      try {
        key = createPublicKey({ key: Buffer.from(m[3]!, 'base64'), format: 'der', type: 'spki' });
      } catch {
        throw new Error(`BANK_CHANNELS entry ${i + 1}: the key is not an SPKI public key`);
      }
      if (key.asymmetricKeyType !== 'ed25519') throw new Error(`BANK_CHANNELS entry ${i + 1}: the key is not Ed25519`);
      const keys = channels.get(m[1]!) ?? new Map<string, KeyObject>();
      keys.set(m[2]!, key);
      channels.set(m[1]!, keys);
    });
  return channels;
}

/** Compact JWS, EdDSA only, with the channel's key named by the header's `kid`; answers the JSON payload. */
export class ChannelKeys implements BankKeys {
  constructor(private readonly channels: Map<string, Map<string, KeyObject>>) {}

  async verify(channel: string, jws: string): Promise<unknown> {
    const keys = this.channels.get(channel);
    if (!keys) throw invalid();
    let kid: unknown;
    try {
      ({ kid } = decodeProtectedHeader(jws));
    } catch {
      throw invalid();
    }
    const key = typeof kid === 'string' ? keys.get(kid) : undefined;
    if (!key) throw invalid();
    try {
      const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown;
    } catch {
      throw invalid();
    }
  }
}
