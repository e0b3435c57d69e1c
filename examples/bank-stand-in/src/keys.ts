import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { SigningKey } from './client/signing';

export interface LoadedKey extends SigningKey {
  publicKey: KeyObject;
  /** Whether it was generated just now (first start with no key configured). */
  generated: boolean;
}

const KEY_FILE = 'signing-key.pem';
const KID_FILE = 'signing-key.kid';

function ed25519(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the bank key must be an Ed25519 private key (PKCS#8 PEM)');
  return key;
}

function writePrivate(path: string, text: string): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, text, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
}

/**
 * The channel's signing key: BANK_PRIVATE_KEY (PEM text or a file path) with KID; otherwise the pair kept under
 * the state dir, generated on the first start (mode 600; the private key is never printed).
 */
export function loadSigningKey(options: {
  privateKey: string | undefined;
  kid: string | undefined;
  channel: string;
  stateDir: string;
}): LoadedKey {
  if (options.privateKey !== undefined) {
    const pem = options.privateKey.includes('-----BEGIN')
      ? options.privateKey
      : readFileSync(options.privateKey, 'utf8');
    const privateKey = ed25519(pem);
    return { privateKey, publicKey: createPublicKey(privateKey), kid: options.kid!, generated: false };
  }
  const keyPath = join(options.stateDir, KEY_FILE);
  const kidPath = join(options.stateDir, KID_FILE);
  if (existsSync(keyPath)) {
    const privateKey = ed25519(readFileSync(keyPath, 'utf8'));
    const kid = options.kid ?? readFileSync(kidPath, 'utf8').trim();
    return { privateKey, publicKey: createPublicKey(privateKey), kid, generated: false };
  }
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = options.kid ?? `${options.channel}-1`;
  writePrivate(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  writeFileSync(kidPath, `${kid}\n`);
  return { privateKey, publicKey, kid, generated: true };
}

/** GovHall's BANK_CHANNELS entry for this key: `<channel>=<kid>:<base64 SPKI DER>`. */
export function bankChannelsEntry(channel: string, key: { kid: string; publicKey: KeyObject }): string {
  return `${channel}=${key.kid}:${key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
}
