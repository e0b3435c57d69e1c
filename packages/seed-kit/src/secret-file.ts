import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { serviceAccountsValue, type CenterAccount } from './center-accounts';

/**
 * Writes `text` to `path` readable by its owner only (mode 600), whole or not at all: a temporary file beside it,
 * then a rename, so a reader (deploy/services.sh) never sees half a secret, and a file that was there with a looser
 * mode is replaced by one of 600.
 */
export function writeSecretFile(path: string, text: string): void {
  const partial = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, text, { mode: 0o600 });
    // The mode of writeFileSync is masked by the umask, and kept when the file already existed.
    chmodSync(partial, 0o600);
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** A service's SERVICE_ACCOUNTS value, one line, in the secret file deploy/services.sh starts it with. */
export function writeServiceAccountsFile(path: string, accounts: readonly CenterAccount[]): void {
  writeSecretFile(path, `${serviceAccountsValue(accounts)}\n`);
}
