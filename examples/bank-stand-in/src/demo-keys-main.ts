import { loadConfig } from './config';
import { demoKeyLines } from './demo-keys';

/**
 * `node dist/demo-keys-main.js`: makes the local demo's bank and platform key pairs if missing and prints their
 * public values as NAME=value lines for deploy/services.sh (src/demo-keys.ts). The stand-in's pair goes where the
 * stand-in keeps it (STATE_DIR, else $GOVHALL_STATE/bank-stand-in); the platform's under PLATFORM_KEY_DIR.
 */
try {
  const config = loadConfig(process.env);
  const platformKeyDir = process.env.PLATFORM_KEY_DIR;
  if (!platformKeyDir) throw new Error('PLATFORM_KEY_DIR (where the platform key pair is kept) is required');
  const lines = demoKeyLines({
    channel: config.channel,
    kid: config.kid,
    standInStateDir: config.stateDir,
    platformKeyDir,
  });
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  process.stderr.write(`[bank-stand-in] demo keys: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
