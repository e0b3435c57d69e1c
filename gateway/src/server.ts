import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { buildApp } from './app';
import { loadGatewayConfig } from './config';

async function main() {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const verifier = createTokenVerifier({
    keycloakUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
    ...(config.KEYCLOAK_API_CLIENT_SECRET
      ? {
          introspection: {
            clientId: config.KEYCLOAK_API_CLIENT_ID,
            clientSecret: config.KEYCLOAK_API_CLIENT_SECRET,
            liveCacheMs: config.KEYCLOAK_INTROSPECTION_CACHE_MS,
          },
        }
      : {}),
  });
  if (!config.KEYCLOAK_API_CLIENT_SECRET) {
    logger.warn('KEYCLOAK_API_CLIENT_SECRET is not set: disabled logins keep access until their tokens expire');
  }
  const app = await buildApp({ config, verifier, logger });
  await app.listen({ host: config.HOST, port: config.PORT });

  stopOnSignals(logger, [
    ['http server', () => app.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('gateway'));
