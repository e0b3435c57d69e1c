import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlatformKeys } from './platform-keys';
import { demoKeyLines, ensurePlatformKey, platformKeysEntry } from './demo-keys';
import { loadSigningKey } from './keys';

const fresh = () => mkdtempSync(join(tmpdir(), 'bank-stand-in-demo-keys-'));

/** What payments does with PLATFORM_SIGNING_KEY: base64 of a PKCS#8 DER Ed25519 key. */
const platformPrivateKey = (file: string) =>
  createPrivateKey({ key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), format: 'der', type: 'pkcs8' });

describe('the demo’s platform key', () => {
  it('is made once (directory 700, key 600), then the same pair is loaded', () => {
    const dir = join(fresh(), 'platform-key');
    const first = ensurePlatformKey(dir);
    const again = ensurePlatformKey(dir);
    expect(first).toMatchObject({ generated: true, kid: 'govhall-demo-1', keyFile: join(dir, 'signing-key.b64') });
    expect(again).toMatchObject({ generated: false, kid: 'govhall-demo-1' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(first.keyFile).mode & 0o777).toBe(0o600);
    expect(platformKeysEntry(again)).toBe(platformKeysEntry(first));
  });

  it('signs what its PLATFORM_KEYS entry verifies, as the stand-in reads the entry', () => {
    const key = ensurePlatformKey(fresh());
    const signature = sign(null, Buffer.from('refund'), platformPrivateKey(key.keyFile));
    const known = parsePlatformKeys(platformKeysEntry(key)).get('govhall-demo-1');
    expect(known && verify(null, Buffer.from('refund'), known, signature)).toBe(true);
  });
});

describe('demoKeyLines', () => {
  it('gives the public values only, for the stand-in’s own pair and the platform’s', () => {
    const standInStateDir = fresh();
    const platformKeyDir = fresh();
    const lines = demoKeyLines({ channel: 'stand-in', kid: undefined, standInStateDir, platformKeyDir });
    expect(lines.map((l) => l.slice(0, l.indexOf('=')))).toEqual([
      'BANK_CHANNELS',
      'PLATFORM_KID',
      'PLATFORM_KEYS',
      'PLATFORM_SIGNING_KEY_FILE',
    ]);
    // The stand-in, started later on the same state dir, signs with the key BANK_CHANNELS names.
    const bank = loadSigningKey({
      privateKey: undefined,
      kid: undefined,
      channel: 'stand-in',
      stateDir: standInStateDir,
    });
    const spki = bank.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(lines[0]).toBe(`BANK_CHANNELS=stand-in=stand-in-1:${spki}`);
    expect(lines[1]).toBe('PLATFORM_KID=govhall-demo-1');
    expect(lines[3]).toBe(`PLATFORM_SIGNING_KEY_FILE=${join(platformKeyDir, 'signing-key.b64')}`);
    // No private key, in any form, is printed.
    const platformSecret = readFileSync(join(platformKeyDir, 'signing-key.b64'), 'utf8').trim();
    const bankSecret = readFileSync(join(standInStateDir, 'signing-key.pem'), 'utf8');
    const text = lines.join('\n');
    expect(text).not.toContain(platformSecret);
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(bankSecret.split('\n')[1]);
    expect(demoKeyLines({ channel: 'stand-in', kid: undefined, standInStateDir, platformKeyDir })).toEqual(lines);
    expect(createPublicKey(bank.privateKey).asymmetricKeyType).toBe('ed25519');
  });
});
