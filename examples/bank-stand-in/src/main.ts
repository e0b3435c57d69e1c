import { createBankClient } from './client/bank-client';
import { loadConfig } from './config';
import { bankChannelsEntry, loadSigningKey } from './keys';
import { TransactionStore } from './store';
import { parsePlatformKeys } from './platform-keys';
import { RefundStore } from './refund-store';
import { resendPendingRefunds } from './web/refunds';
import { createStandInServer, resendPending } from './web/server';

/** Starts the stand-in: `node dist/main.js` (README, "Configuration"). */
function main(): void {
  const log = (line: string) => process.stdout.write(`[bank-stand-in] ${line}\n`);
  const config = loadConfig(process.env);
  const key = loadSigningKey(config);
  // The public half only: GovHall's BANK_CHANNELS entry for this channel and key.
  log(`${key.generated ? 'generated a key pair; ' : ''}BANK_CHANNELS entry: ${bankChannelsEntry(config.channel, key)}`);
  const now = () => new Date();
  const client = createBankClient({
    govhallUrl: config.govhallUrl,
    channel: config.channel,
    key,
    now,
    retry: config.retry,
  });
  const store = new TransactionStore(config.stateDir);
  const refunds = {
    client,
    store,
    refunds: new RefundStore(config.stateDir),
    platformKeys: parsePlatformKeys(process.env.PLATFORM_KEYS),
    now,
    log,
  };
  const deps = { client, store, now, controls: config.controls, receiptRegion: config.receiptRegion, log, refunds };
  const server = createStandInServer(deps);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log(
      `listening on http://${config.host}:${port} (GovHall ${config.govhallUrl}, channel ${config.channel}, kid ${key.kid}${config.controls ? ', test controls on' : ''})`,
    );
    resendPending(deps)
      .then(() => resendPendingRefunds(refunds))
      .catch((error: unknown) =>
        log(`resending pending callbacks failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

try {
  main();
} catch (error) {
  process.stderr.write(`[bank-stand-in] cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
