import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { bankChannelsEntry, loadSigningKey } from './keys';

/**
 * The keys of the bank protocol in the local demo (deploy/services.sh), each made once and kept under the state dir:
 * - the stand-in's signing pair, as its own first start would make it (loadSigningKey), so payments can start with
 *   its BANK_CHANNELS entry before the stand-in ever ran;
 * - GovHall's platform pair for refund instructions: the private key, base64 of the PKCS#8 DER (payments'
 *   PLATFORM_SIGNING_KEY), in a file of mode 600 that deploy/services.sh reads, never printed; its public half is
 *   the stand-in's PLATFORM_KEYS entry.
 * Outside the demo GovHall's key is a Secret of the payments chart, and a bank's public key comes from the bank.
 */

export const PLATFORM_KEY_FILE = 'signing-key.b64';
const PLATFORM_KID_FILE = 'signing-key.kid';
/** The key id the demo's platform key is known by. */
export const DEMO_PLATFORM_KID = 'govhall-demo-1';

export interface PlatformKey {
  kid: string;
  publicKey: KeyObject;
  /** The file holding the private key (base64 PKCS#8 DER, mode 600). */
  keyFile: string;
  generated: boolean;
}

function privateKeyOf(base64: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the platform key must be an Ed25519 private key');
  return key;
}

/** The platform pair under `dir`: loaded when there, else generated (the directory 700, the private key 600). */
export function ensurePlatformKey(dir: string, kid = DEMO_PLATFORM_KID): PlatformKey {
  const keyFile = join(dir, PLATFORM_KEY_FILE);
  const kidFile = join(dir, PLATFORM_KID_FILE);
  if (existsSync(keyFile)) {
    const privateKey = privateKeyOf(readFileSync(keyFile, 'utf8').trim());
    const storedKid = existsSync(kidFile) ? readFileSync(kidFile, 'utf8').trim() : kid;
    return { kid: storedKid, publicKey: createPublicKey(privateKey), keyFile, generated: false };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const partial = `${keyFile}.partial`;
  writeFileSync(partial, `${privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')}\n`, {
    mode: 0o600,
  });
  chmodSync(partial, 0o600);
  renameSync(partial, keyFile);
  writeFileSync(kidFile, `${kid}\n`);
  return { kid, publicKey, keyFile, generated: true };
}

/** The stand-in's PLATFORM_KEYS entry for it: `<kid>:<base64 SPKI DER>`. */
export function platformKeysEntry(key: { kid: string; publicKey: KeyObject }): string {
  return `${key.kid}:${key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
}

/**
 * Both pairs made if missing, and the public values the demo starts the two processes with, as `NAME=value` lines:
 * BANK_CHANNELS (for payments), PLATFORM_KID, PLATFORM_KEYS (for the stand-in) and PLATFORM_SIGNING_KEY_FILE, the
 * path of the private key. No private key is in them.
 */
export function demoKeyLines(options: {
  channel: string;
  kid: string | undefined;
  standInStateDir: string;
  platformKeyDir: string;
}): string[] {
  const bank = loadSigningKey({
    privateKey: undefined,
    kid: options.kid,
    channel: options.channel,
    stateDir: options.standInStateDir,
  });
  const platform = ensurePlatformKey(options.platformKeyDir);
  return [
    `BANK_CHANNELS=${bankChannelsEntry(options.channel, bank)}`,
    `PLATFORM_KID=${platform.kid}`,
    `PLATFORM_KEYS=${platformKeysEntry(platform)}`,
    `PLATFORM_SIGNING_KEY_FILE=${platform.keyFile}`,
  ];
}
