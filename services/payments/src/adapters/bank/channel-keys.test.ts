import { generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import { ChannelKeys, parseBankChannels } from './channel-keys';

const bank = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const spki = (k: typeof bank) => k.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

const keys = new ChannelKeys(parseBankChannels(`stand-in=k1:${spki(bank)},stand-in=k2:${spki(other)}`));
const sign = (payload: object, key = bank.privateKey, kid = 'k1') =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .sign(key);

describe('bank channel keys', () => {
  it('answers the payload of a message signed with the channel’s key named by kid (either of two)', async () => {
    await expect(keys.verify('stand-in', await sign({ a: 1 }))).resolves.toEqual({ a: 1 });
    await expect(keys.verify('stand-in', await sign({ a: 2 }, other.privateKey, 'k2'))).resolves.toEqual({ a: 2 });
  });

  it('refuses a forged or altered message, another kid, another channel and junk as SIGNATURE_INVALID', async () => {
    const jws = await sign({ amountFen: 100 });
    const [h, , s] = jws.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ amountFen: 1 })).toString('base64url')}.${s}`;
    const attempts: [string, string][] = [
      ['stand-in', await sign({ a: 1 }, other.privateKey, 'k1')],
      ['stand-in', altered],
      ['stand-in', await sign({ a: 1 }, bank.privateKey, 'k9')],
      ['other-bank', jws],
      ['stand-in', 'not.a.jws'],
    ];
    for (const [channel, message] of attempts) {
      await expect(keys.verify(channel, message)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    }
  });

  it('refuses a malformed BANK_CHANNELS entry naming its position, never the key', () => {
    expect(() => parseBankChannels('stand-in=k1:AAAA')).toThrow('entry 1');
    expect(() => parseBankChannels(`ok=k:${spki(bank)}, bad entry`)).toThrow('entry 2');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      parseBankChannels(`x=k:${rsa.publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`),
    ).toThrow('not Ed25519');
  });
});
