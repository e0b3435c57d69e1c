import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { newNonce, signMessage } from './signing';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key = { privateKey, kid: 'stand-in-2026' };
const at = new Date('2026-12-05T08:00:00.000Z');

async function verified(jws: string, pub = publicKey) {
  const { payload, protectedHeader } = await compactVerify(jws, pub, { algorithms: ['EdDSA'] });
  return { header: protectedHeader, body: JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown> };
}

describe('signMessage', () => {
  it('signs a compact JWS (EdDSA, kid) over {type, iat, nonce, …} that verifies with the public key', async () => {
    const jws = await signMessage({ type: 'PAYMENT_CODE_QUERY', paymentCode: '12345678901234567890' }, key, {
      now: () => at,
    });

    expect(jws.split('.')).toHaveLength(3);
    const { header, body } = await verified(jws);
    expect(header).toEqual({ alg: 'EdDSA', kid: 'stand-in-2026' });
    expect(Object.keys(body)).toEqual(['type', 'iat', 'nonce', 'paymentCode']);
    expect(body).toMatchObject({ type: 'PAYMENT_CODE_QUERY', iat: 1796457600, paymentCode: '12345678901234567890' });
    expect(body.nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('reads iat from the injected clock at signing time, in whole seconds', async () => {
    let now = new Date('2026-12-05T08:00:00.999Z');
    const first = await signMessage({ type: 'PAYMENT_CODE_QUERY', paymentCode: '1' }, key, { now: () => now });
    now = new Date('2026-12-05T08:05:01.000Z');
    const second = await signMessage({ type: 'PAYMENT_CODE_QUERY', paymentCode: '1' }, key, { now: () => now });

    expect((await verified(first)).body.iat).toBe(1796457600);
    expect((await verified(second)).body.iat).toBe(1796457901);
  });

  it('takes an overridden iat and nonce as given (stale or replayed messages for tests)', async () => {
    const jws = await signMessage({ type: 'PAYMENT_CODE_QUERY', paymentCode: '1' }, key, {
      now: () => at,
      iat: 1000,
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
    });

    expect((await verified(jws)).body).toMatchObject({ iat: 1000, nonce: 'AAAAAAAAAAAAAAAAAAAAAA' });
  });

  it('does not verify with another key, nor once the payload is altered', async () => {
    const jws = await signMessage({ type: 'PAYMENT', amountFen: 100 }, key, { now: () => at });
    const other = generateKeyPairSync('ed25519').publicKey;
    await expect(verified(jws, other)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });

    const [header, payload, signature] = jws.split('.');
    const altered = Buffer.from(
      Buffer.from(payload!, 'base64url').toString().replace('"amountFen":100', '"amountFen":1'),
    ).toString('base64url');
    expect(altered).not.toBe(payload);
    await expect(verified(`${header}.${altered}.${signature}`)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it('signs with the kid of the key it is given (a rotated key)', async () => {
    const next = generateKeyPairSync('ed25519');
    const jws = await signMessage(
      { type: 'PAYMENT_CODE_QUERY', paymentCode: '1' },
      { privateKey: next.privateKey, kid: 'k2' },
    );

    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', kid: 'k2' });
    await expect(verified(jws, next.publicKey)).resolves.toBeDefined();
  });
});

describe('newNonce', () => {
  it('is base64url of at least 128 random bits, 16-64 characters, and fresh every time', async () => {
    const nonces = Array.from({ length: 2000 }, () => newNonce());

    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(Buffer.from(nonce, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('gives two signatures of the same payload different nonces', async () => {
    const payload = { type: 'PAYMENT_CODE_QUERY', paymentCode: '1' } as const;
    const a = await verified(await signMessage(payload, key, { now: () => at }));
    const b = await verified(await signMessage(payload, key, { now: () => at }));

    expect(a.body.iat).toBe(b.body.iat);
    expect(a.body.nonce).not.toBe(b.body.nonce);
  });
});
