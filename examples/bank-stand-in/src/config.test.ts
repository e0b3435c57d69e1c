import { loadConfig } from './config';

describe('loadConfig', () => {
  it('has the documented defaults, controls off', () => {
    expect(loadConfig({ GOVHALL_STATE: '/state' })).toEqual({
      port: 3100,
      host: '127.0.0.1',
      govhallUrl: 'http://127.0.0.1:3000',
      channel: 'stand-in',
      kid: undefined,
      privateKey: undefined,
      stateDir: '/state/bank-stand-in',
      receiptRegion: '11',
      controls: false,
      retry: { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 4000 },
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '3101',
        GOVHALL_URL: 'http://gw:3000',
        CHANNEL: 'icbc-yc',
        KID: 'icbc-2026',
        BANK_PRIVATE_KEY: '/keys/bank.pem',
        STATE_DIR: '/s',
        RECEIPT_REGION: '62',
        STAND_IN_CONTROLS: '1',
        CALLBACK_MAX_ATTEMPTS: '2',
        CALLBACK_BACKOFF_MS: '10',
      }),
    ).toMatchObject({
      port: 3101,
      govhallUrl: 'http://gw:3000',
      channel: 'icbc-yc',
      kid: 'icbc-2026',
      privateKey: '/keys/bank.pem',
      stateDir: '/s',
      receiptRegion: '62',
      controls: true,
      retry: { maxAttempts: 2, baseDelayMs: 10 },
    });
  });

  it.each([
    [{ CHANNEL: 'Stand_In' }, /CHANNEL/],
    [{ BANK_PRIVATE_KEY: '/k.pem' }, /KID/],
    [{ PORT: 'x' }, /PORT/],
    [{ CALLBACK_MAX_ATTEMPTS: '0' }, /CALLBACK_MAX_ATTEMPTS/],
    [{ GOVHALL_URL: 'ftp://x' }, /GOVHALL_URL/],
    [{ RECEIPT_REGION: '1' }, /RECEIPT_REGION/],
    [{ STAND_IN_CONTROLS: 'yes' }, null],
  ])('%j', (env, error) => {
    if (error) expect(() => loadConfig(env)).toThrow(error);
    else expect(loadConfig(env).controls).toBe(false);
  });
});
