import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { createLogger } from '@govhall/logging';
import { buildApp } from './app';
import { loadGatewayConfig } from './config';

async function main() {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const app = await buildApp({ config, verifier, logger });
  await app.listen({ host: config.HOST, port: config.PORT });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await telemetry.shutdown();
    process.exit(0);
  };
  const onSignal = (signal: string) =>
    stop(signal).catch((err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`gateway: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
