import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What the browser apps need to know at run time (`GET /web-config.json`), so that one build runs anywhere. */
export interface WebConfig {
  /** Keycloak as the browser reaches it; the apps log in at `<keycloakUrl>/realms/<realm>`. */
  keycloakUrl: string;
  realm: string;
  /** The public OIDC client (authorization code + PKCE) each app logs in with. */
  clients: { portal: string; workbench: string; admin: string; supervision: string; screen: string; device: string };
  /** Tenants this deployment serves (region codes), the portal's default first; empty: any. */
  tenants: string[];
}

export interface WebStaticOptions {
  /** The built apps (web/dist); undefined: no app is served, `/web-config.json` still is (for the dev server). */
  root: string | undefined;
  webConfig: WebConfig;
  /** Ask browsers to upgrade insecure requests (the public URL is https). */
  upgradeInsecureRequests: boolean;
}

/**
 * Apps below the portal, each with its own index.html and client-side routes (`/workbench/…`, `/admin/…`, the
 * supervisor's console `/supervision/…`, the hall's big screen `/screen/` and a window's rating device `/device/`).
 */
export const SUB_APPS = ['workbench', 'admin', 'supervision', 'screen', 'device'] as const;

/** Paths that are never a page: the API and the gateway's own endpoints keep their answers (404 problem+json…). */
const RESERVED = /^\/(?:api|docs|assets)(?:\/|$)|^\/(?:openapi\.json|healthz|readyz|metrics|web-config\.json)$/;

/** Vite names every file under assets/ by its content hash, so a cached copy never goes stale. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** Pages are revalidated on every load, so a new build's asset names reach the browser at once. */
export const PAGE_CACHE = 'no-cache';
/** Unhashed files beside the pages (favicon.svg): a day. */
const FILE_CACHE = 'public, max-age=86400';

/** The repository's web/dist, from gateway/src/plugins/app or gateway/dist/plugins/app alike. */
export const REPO_WEB_DIST = path.resolve(__dirname, '../../../../web/dist');

/** WEB_ROOT when set; else the repository's built web/dist if there is one; else nothing to serve. */
export function resolveWebRoot(configured: string): string | undefined {
  if (configured) return path.resolve(configured);
  return existsSync(path.join(REPO_WEB_DIST, 'index.html')) ? REPO_WEB_DIST : undefined;
}

/**
 * The pages' Content Security Policy: scripts and styles from the gateway only (antd writes its CSS-in-JS as
 * `<style>` elements, hence inline styles), API calls to the gateway, token calls to Keycloak.
 */
export function pageCsp(keycloakUrl: string, upgradeInsecureRequests: boolean): string {
  const keycloak = new URL(keycloakUrl).origin;
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${keycloak}`,
    `form-action 'self' ${keycloak}`,
    ...(upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const wantsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

/**
 * Serves the built web apps (ADR 0027): the portal at `/`, the workbench at `/workbench/`, the admin console at
 * `/admin/`, their hashed assets under `/assets/` (immutable, pre-compressed `.br`/`.gz` when the build wrote
 * them), and `/web-config.json`. A deep link into an app answers its index.html (client-side routes); a GET for
 * any other unknown path that asks for HTML answers the portal's. The API, `/openapi.json`, `/docs` and the health
 * routes are untouched: an unknown `/api/…` path stays a 404 problem+json.
 */
export default fp<WebStaticOptions>(
  async (app, opts) => {
    app.get('/web-config.json', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
      reply.header('cache-control', PAGE_CACHE);
      return opts.webConfig;
    });

    const root = opts.root;
    if (!root) {
      app.log.info(
        'web apps not served: WEB_ROOT is not set and web/dist is not built (pnpm --filter @govhall/web build)',
      );
      return;
    }
    const csp = pageCsp(opts.webConfig.keycloakUrl, opts.upgradeInsecureRequests);

    await app.register(fastifyStatic, {
      root: path.join(root, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      preCompressed: true,
      index: false,
      redirect: false,
      list: false,
      logLevel: 'warn',
    });

    /** Sends one of the apps' index.html, or the 404 problem+json when that app was not built. */
    const sendPage = (reply: FastifyReply, file: string) => {
      if (!existsSync(path.join(root, file))) return reply.callNotFound();
      reply.header('content-security-policy', csp).header('cache-control', PAGE_CACHE);
      return reply.sendFile(file, root, { cacheControl: false });
    };

    app.get('/', { schema: { hide: true } }, (_request, reply) => sendPage(reply, 'index.html'));
    for (const name of SUB_APPS) {
      app.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`, 301));
      app.get(`/${name}/`, { schema: { hide: true } }, (_request, reply) => sendPage(reply, `${name}/index.html`));
      app.get(`/${name}/*`, { schema: { hide: true } }, (_request, reply) => sendPage(reply, `${name}/index.html`));
    }
    // The files Vite copies from web/public (favicon.svg…), each at the top level.
    for (const file of readdirSync(root)) {
      if (file.endsWith('.html') || !statSync(path.join(root, file)).isFile() || RESERVED.test(`/${file}`)) continue;
      app.get(`/${file}`, { schema: { hide: true }, logLevel: 'warn' }, (_request, reply) =>
        reply.header('cache-control', FILE_CACHE).sendFile(file, root, { cacheControl: false }),
      );
    }

    // The portal's client-side routes (/items/…, /my/…, /progress): a browser asking for a page nobody else serves
    // gets the portal, whose router shows the page or its own "not found". Runs as the not-found route's hook.
    app.addHook('onRequest', async (request, reply) => {
      if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const urlPath = request.url.split('?', 1)[0]!;
      if (RESERVED.test(urlPath) || !wantsHtml(request) || !existsSync(path.join(root, 'index.html'))) return;
      return sendPage(reply, 'index.html');
    });
  },
  { name: 'web-static' },
);
