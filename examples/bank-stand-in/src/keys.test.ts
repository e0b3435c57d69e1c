import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bankChannelsEntry, loadSigningKey } from './keys';

const fresh = () => mkdtempSync(join(tmpdir(), 'bank-stand-in-keys-'));

describe('loadSigningKey', () => {
  it('generates an Ed25519 pair once under the state dir (mode 600), then loads the same key', () => {
    const stateDir = fresh();

    const first = loadSigningKey({ privateKey: undefined, kid: undefined, channel: 'stand-in', stateDir });
    const again = loadSigningKey({ privateKey: undefined, kid: undefined, channel: 'stand-in', stateDir });

    expect(first).toMatchObject({ generated: true, kid: 'stand-in-1' });
    expect(again).toMatchObject({ generated: false, kid: 'stand-in-1' });
    expect(statSync(join(stateDir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(again.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      first.publicKey.export({ type: 'spki', format: 'der' }),
    );
  });

  it('takes a PKCS#8 PEM as text or as a path, with its KID', () => {
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const path = join(fresh(), 'bank.pem');
    writeFileSync(path, pem);

    for (const privateKey of [pem, path]) {
      const key = loadSigningKey({ privateKey, kid: 'bank-2026', channel: 'stand-in', stateDir: fresh() });
      expect(key).toMatchObject({ kid: 'bank-2026', generated: false });
      const signature = sign(null, Buffer.from('m'), key.privateKey);
      expect(verify(null, Buffer.from('m'), pair.publicKey, signature)).toBe(true);
    }
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });

    expect(() =>
      loadSigningKey({ privateKey: rsa.toString(), kid: 'k', channel: 'stand-in', stateDir: fresh() }),
    ).toThrow(/Ed25519/);
  });
});

describe('bankChannelsEntry', () => {
  it('is <channel>=<kid>:<base64 SPKI DER> of the public key, and carries no private key', () => {
    const stateDir = fresh();
    const key = loadSigningKey({ privateKey: undefined, kid: 'k1', channel: 'stand-in', stateDir });

    const entry = bankChannelsEntry('stand-in', key);

    const match = /^stand-in=k1:([A-Za-z0-9+/=]+)$/.exec(entry);
    expect(match).not.toBeNull();
    const decoded = createPublicKey({ key: Buffer.from(match![1]!, 'base64'), format: 'der', type: 'spki' });
    expect(decoded.asymmetricKeyType).toBe('ed25519');
    expect(decoded.equals(key.publicKey)).toBe(true);
    const secret = readFileSync(join(stateDir, 'signing-key.pem'), 'utf8').split('\n')[1]!;
    expect(entry).not.toContain(secret);
  });
});
