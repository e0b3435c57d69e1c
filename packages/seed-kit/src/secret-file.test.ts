import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSecretFile, writeServiceAccountsFile } from './secret-file';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seed-kit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the secret file a seed hands a service', () => {
  it('is readable by its owner only, and leaves no temporary file beside it', () => {
    const path = join(dir, 'payments-accounts');
    writeSecretFile(path, 'the secret\n');
    expect(readFileSync(path, 'utf8')).toBe('the secret\n');
    expect(mode(path)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['payments-accounts']);
  });

  it('replaces a file that was there with a looser mode', () => {
    const path = join(dir, 'payments-accounts');
    writeFileSync(path, 'old\n', { mode: 0o644 });
    writeServiceAccountsFile(path, [{ tenant: '620321', clientId: 'yc-payments', secret: 's3cr.et' }]);
    expect(readFileSync(path, 'utf8')).toBe('620321=yc-payments:s3cr.et\n');
    expect(mode(path)).toBe(0o600);
  });

  it('leaves nothing behind when the file cannot be written', () => {
    expect(() => writeSecretFile(join(dir, 'missing', 'file'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
