import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTokenVerifier } from '@govhall/auth';
import { parseConfig } from '@govhall/config';
import { createLogger } from '@govhall/logging';
import { buildApp } from './app';
import { configShape, type GatewayConfig } from './config';

/**
 * Writes the gateway's OpenAPI document to a file without any service behind it: the app is built as the unit
 * tests build it and asked for `/openapi.json` through `app.inject()`. The web build generates its typed API
 * client from this file (ADR 0027):
 *
 *   node gateway/dist/openapi-dump.js web/src/api/openapi.json
 */
/** The gateway's OpenAPI document as it serves it, from an app built with no service behind it. */
export async function openApiDocument(env: Record<string, string> = {}): Promise<OpenApiDocument> {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
    WEB_ROOT: '',
    ...env,
  });
  if (!parsed.ok) throw new Error(`bad config: ${JSON.stringify(parsed.errors)}`);
  const config = parsed.config as GatewayConfig;
  const app = await buildApp({
    config,
    verifier: createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM }),
    logger: createLogger('openapi-dump', 'silent'),
  });
  try {
    const res = await app.inject('/openapi.json');
    if (res.statusCode !== 200) throw new Error(`/openapi.json answered ${res.statusCode}`);
    return res.json() as OpenApiDocument;
  } finally {
    await app.close();
  }
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components?: any;
}

export async function dumpOpenApi(file: string): Promise<number> {
  const document = await openApiDocument();
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return Object.keys(document.paths).length;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node openapi-dump.js <output.json>\n');
    process.exit(64);
  }
  dumpOpenApi(file).then(
    (paths) => process.stdout.write(`openapi: ${paths} paths written to ${file}\n`),
    (err: unknown) => {
      process.stderr.write(`openapi: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
