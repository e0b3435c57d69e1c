import { Writable } from 'node:stream';
import { createLogger, isSensitiveKey, maskLogLine, redactKeys } from './index';

const ID = '62032119900307123X';
const ID2 = '620321198506122049';
const MOBILE = '13912345678';
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIn0.eyJzdWIiOiJhYmMiLCJwcmVmZXJyZWRfdXNlcm5hbWUiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

/** A real pino logger (createLogger) writing into memory; returns the lines written. */
function capture(write: (logger: ReturnType<typeof createLogger>) => void): string {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  write(createLogger('redact-test', 'info', {}, stream));
  return out;
}

describe('createLogger: no personal data or secrets in a line', () => {
  it('redacts sensitive keys at any depth, in arrays, whatever their spelling', () => {
    const line = capture((log) =>
      log.info(
        {
          applicant: { person: { idNumber: ID, name: '张三' } },
          legalPerson: { legalRepresentativeIdNumber: ID2, representative_id_number: ID2 },
          contacts: [{ phone: '0935-1234567' }, { mobile: '0935 7654321', phones: ['0935-12345'] }],
          keycloak: { access_token: 'opaque-access', refresh_token: 'opaque-refresh', id_token: 'opaque-id' },
          headers: { Authorization: 'Basic dXNlcjpwYXNz', cookie: 'sid=abc' },
          client: { clientSecret: 'govhall-identity-secret', client_secret: 'another-secret' },
          command: { initialPassword: 'Secret@123', password: 'Demo@2026', token: 'opaque' },
          count: 3,
        },
        'registered',
      ),
    );
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({
      applicant: { person: { idNumber: '[redacted]', name: '张三' } },
      legalPerson: { legalRepresentativeIdNumber: '[redacted]', representative_id_number: '[redacted]' },
      contacts: [{ phone: '[redacted]' }, { mobile: '[redacted]', phones: '[redacted]' }],
      keycloak: { access_token: '[redacted]', refresh_token: '[redacted]', id_token: '[redacted]' },
      headers: { Authorization: '[redacted]', cookie: '[redacted]' },
      client: { clientSecret: '[redacted]', client_secret: '[redacted]' },
      command: { initialPassword: '[redacted]', password: '[redacted]', token: '[redacted]' },
      count: 3,
    });
    for (const secret of [
      ID,
      ID2,
      '0935-1234567',
      'opaque',
      'dXNlcjpwYXNz',
      'sid=abc',
      'govhall-identity-secret',
      'another-secret',
      'Demo@2026',
    ]) {
      expect(line).not.toContain(secret);
    }
  });

  it('masks child bindings by value (pino applies the bindings formatter to the root bindings only)', () => {
    const line = capture((log) => log.child({ request: { idNumber: ID, phone: MOBILE } }).info('child'));
    expect(line).not.toContain(ID);
    expect(line).not.toContain(MOBILE);
    expect(line).toContain('"idNumber":"6203**********123X"');
  });

  it('masks ID numbers, mobile numbers, JWTs and bearer credentials by value: messages, unknown keys, errors', () => {
    const line = capture((log) => {
      log.info(
        { note: `申请人${ID}，电话${MOBILE}`, who: ID2.toLowerCase(), header: `Bearer ${JWT}` },
        `login of ${ID}`,
      );
      log.warn({ err: new Error(`duplicate key { idNumber: "${ID}" }\n${MOBILE}`) }, 'insert failed');
      log.info(`token ${JWT} and Bearer opaque-credential-123`);
    });
    expect(line).not.toMatch(/\d{17}[\dXx]/);
    expect(line).not.toContain(MOBILE);
    expect(line).not.toContain(JWT);
    expect(line).not.toContain('opaque-credential-123');
    expect(line).toContain('申请人6203**********123X，电话139****5678');
    expect(line).toContain('login of 6203**********123X');
    expect(
      line
        .split('\n')
        .filter(Boolean)
        .every((l) => JSON.parse(l)),
    ).toBe(true);
  });

  it('leaves ordinary numbers, ids and trace ids alone', () => {
    const text = JSON.stringify({
      time: '2026-12-03T06:46:07.895Z',
      pid: 3684,
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      order: '20261203000123456789',
      epochMs: 1796280407123,
      tenant: '620321',
      creditCode: '91620321MA7H2K3L1W',
    });
    expect(maskLogLine(text)).toBe(text);
  });
});

describe('redactKeys', () => {
  it('returns the same object when nothing is sensitive (no copy), and never mutates its input', () => {
    const clean = { a: { b: [1, { c: 'x' }] } };
    expect(redactKeys(clean)).toBe(clean);
    const dirty = { a: { idNumber: ID } };
    expect(redactKeys(dirty)).toEqual({ a: { idNumber: '[redacted]' } });
    expect(dirty.a.idNumber).toBe(ID);
  });

  it('knows the names', () => {
    for (const k of ['idNumber', 'id_number', 'representativeIdNumber', 'PHONE', 'mobileNumber', 'authorization']) {
      expect(isSensitiveKey(k)).toBe(true);
    }
    for (const k of ['name', 'tenant', 'subject', 'id', 'number', 'creditCode', 'clientId']) {
      expect(isSensitiveKey(k)).toBe(false);
    }
  });
});
