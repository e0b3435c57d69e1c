import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { createTokenVerifier } from '@govhall/auth';
import { createLogger } from '@govhall/logging';
import { parseConfig } from '@govhall/config';
import { buildApp } from '../../app';
import { configShape, type GatewayConfig } from '../../config';
import webStatic, { ASSET_CACHE, PAGE_CACHE } from './web-static';

// The gateway serving a built web/dist (ADR 0027), through app.inject() with no service behind it. The dist is a
// small fixture written here: three apps' index.html, a hashed asset with its pre-compressed twin, a favicon.
let dist: string;
const SCRIPT = 'console.log("portal");'.repeat(50);

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'govhall-web-'));
  mkdirSync(path.join(dist, 'assets'));
  mkdirSync(path.join(dist, 'workbench'));
  mkdirSync(path.join(dist, 'admin'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(path.join(dist, 'workbench/index.html'), '<!doctype html><title>workbench</title>');
  writeFileSync(path.join(dist, 'admin/index.html'), '<!doctype html><title>admin</title>');
  writeFileSync(path.join(dist, 'assets/portal-Bx9k2LmQ.js'), SCRIPT);
  writeFileSync(path.join(dist, 'assets/portal-Bx9k2LmQ.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

async function app(env: Record<string, string> = {}) {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
    WEB_ROOT: dist,
    ...env,
  });
  if (!parsed.ok) throw new Error(`bad test config: ${JSON.stringify(parsed.errors)}`);
  const config = parsed.config as GatewayConfig;
  return buildApp({
    config,
    verifier: createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM }),
    logger: createLogger('gateway-test', 'silent'),
  });
}

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('web apps served by the gateway', () => {
  it('serves the portal at / as a page: html, no-cache, and a CSP that lets it reach Keycloak', async () => {
    const a = await app({ KEYCLOAK_PUBLIC_URL: 'https://login.example.gov.cn/auth' });
    const res = await a.inject({ url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>portal</title>');
    expect(res.headers['cache-control']).toBe(PAGE_CACHE);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' https://login.example.gov.cn");
    // http://localhost: no upgrade, or the browser would ask Keycloak over https.
    expect(csp).not.toContain('upgrade-insecure-requests');
    await a.close();
  });

  it('answers a deep link with its own app’s index.html (client-side routes)', async () => {
    const a = await app();
    const title = async (url: string) => {
      const res = await a.inject({ url, headers: HTML });
      return { url, status: res.statusCode, title: /<title>(\w+)<\/title>/.exec(res.body)?.[1] };
    };
    expect(await title('/items/0b7c9a52-7a5e-4c53-9b0e-3f0e6f3c1d2a')).toEqual({
      url: '/items/0b7c9a52-7a5e-4c53-9b0e-3f0e6f3c1d2a',
      status: 200,
      title: 'portal',
    });
    expect(await title('/my/cases?list=completed')).toMatchObject({ status: 200, title: 'portal' });
    expect(await title('/workbench/')).toMatchObject({ status: 200, title: 'workbench' });
    expect(await title('/workbench/queue/620321')).toMatchObject({ status: 200, title: 'workbench' });
    expect(await title('/workbench/callback?code=abc&state=xyz')).toMatchObject({ status: 200, title: 'workbench' });
    expect(await title('/admin/items/1')).toMatchObject({ status: 200, title: 'admin' });
    const bare = await a.inject({ url: '/workbench', headers: HTML });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/workbench/');
    // The sub-apps' pages carry the page headers too.
    const wb = await a.inject({ url: '/workbench/queue', headers: HTML });
    expect(wb.headers['cache-control']).toBe(PAGE_CACHE);
    expect(wb.headers['content-security-policy']).toContain("script-src 'self'");
    await a.close();
  });

  it('serves hashed assets immutable, pre-compressed when the client accepts it, and top-level files', async () => {
    const a = await app();
    const plain = await a.inject('/assets/portal-Bx9k2LmQ.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe(ASSET_CACHE);
    expect(plain.headers['content-type']).toContain('javascript');
    expect(plain.body).toBe(SCRIPT);
    const gz = await a.inject({ url: '/assets/portal-Bx9k2LmQ.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(SCRIPT.length);
    const icon = await a.inject('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    await a.close();
  });

  it('leaves the API and the gateway’s own routes alone: unknown API paths stay 404 problem+json', async () => {
    const a = await app();
    // Even when a browser asks for HTML.
    for (const url of ['/api/v1/nothing', '/api/v1/catalogue/nothing', '/assets/missing-123.js', '/docs/nothing']) {
      const res = await a.inject({ url, headers: HTML });
      expect({ url, status: res.statusCode, type: res.headers['content-type'] }).toEqual({
        url,
        status: 404,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    // A non-page request for an unknown path: 404 problem+json, as before.
    const json = await a.inject({ url: '/nothing', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    // Other methods on a page path are not pages.
    const post = await a.inject({ method: 'POST', url: '/items/1', headers: HTML, payload: {} });
    expect(post.statusCode).toBe(404);
    expect((await a.inject('/openapi.json')).json().openapi).toBe('3.1.0');
    expect((await a.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await a.inject({ url: '/api/v1/catalogue/published/x', headers: HTML })).statusCode).toBe(400);
    await a.close();
  });

  it('tells the browser apps where to log in: /web-config.json', async () => {
    const a = await app({
      KEYCLOAK_URL: 'http://keycloak:8080/',
      KEYCLOAK_REALM: 'govhall',
      GOVHALL_TENANTS: '620321,620302',
    });
    const res = await a.inject('/web-config.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(PAGE_CACHE);
    expect(res.json()).toEqual({
      keycloakUrl: 'http://keycloak:8080',
      realm: 'govhall',
      clients: {
        portal: 'govhall-portal',
        workbench: 'govhall-workbench',
        admin: 'govhall-workbench',
        supervision: 'govhall-workbench',
        screen: 'govhall-workbench',
        device: 'govhall-workbench',
      },
      tenants: ['620321', '620302'],
    });
    await a.close();
    const pub = await app({ KEYCLOAK_PUBLIC_URL: 'https://login.example.gov.cn', WEB_PORTAL_CLIENT_ID: 'hall' });
    expect((await pub.inject('/web-config.json')).json()).toMatchObject({
      keycloakUrl: 'https://login.example.gov.cn',
      clients: { portal: 'hall' },
      tenants: [],
    });
    await pub.close();
  });

  it('asks browsers to upgrade insecure requests when the public URL is https', async () => {
    const a = await app({ PUBLIC_URL: 'https://hall.example.gov.cn' });
    const res = await a.inject({ url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:1");
    expect(csp).toContain('upgrade-insecure-requests');
    await a.close();
  });
});

describe('web root', () => {
  it('refuses a WEB_ROOT that is not a directory', () => {
    const parsed = parseConfig(configShape, { KEYCLOAK_URL: 'http://127.0.0.1:1', WEB_ROOT: path.join(dist, 'nope') });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.variable)).toEqual(['WEB_ROOT']);
  });

  it('without a root serves no page, says so once, and still serves /web-config.json', async () => {
    const lines: string[] = [];
    const a = Fastify({
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    });
    await a.register(webStatic, {
      root: undefined,
      upgradeInsecureRequests: false,
      webConfig: {
        keycloakUrl: 'http://k',
        realm: 'r',
        clients: { portal: 'p', workbench: 'w', admin: 'w', supervision: 'w', screen: 'w', device: 'w' },
        tenants: [],
      },
    });
    expect((await a.inject({ url: '/', headers: HTML })).statusCode).toBe(404);
    expect((await a.inject({ url: '/workbench/', headers: HTML })).statusCode).toBe(404);
    expect((await a.inject('/web-config.json')).json()).toMatchObject({ realm: 'r' });
    const notServed = lines.filter((l) => l.includes('web apps not served'));
    expect(notServed).toHaveLength(1);
    expect(JSON.parse(notServed[0]!).level).toBe(30);
    await a.close();
  });
});
