import { mkdir, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDENTITY_ADMIN_SECRET } from './identity-process';
import { stack } from './stack';
import { clientToken } from './tokens';

/**
 * A gateway started by a browser test serves the web apps on a loopback port of its own. Keycloak lets their login
 * come back to any loopback port (RFC 8252, the realm's `http://127.0.0.1/*` redirect URIs), but it answers the
 * code exchange and the token renewal — requests the page makes itself — only to the origins listed in the client's
 * web origins, which cannot hold a port wildcard (keycloak#39880). So the test lists its origin on the web apps'
 * public clients for as long as it runs, as an operator lists a tenant portal's domain (ADR 0028).
 */

export const WEB_CLIENTS = ['govhall-portal', 'govhall-workbench'] as const;

interface ClientRepresentation {
  id: string;
  clientId: string;
  webOrigins?: string[];
  attributes?: Record<string, string>;
}

const LOGOUT_URIS = 'post.logout.redirect.uris';

/** The realm's clients are edited by read-modify-write: one editor at a time on this machine. */
async function withRealmLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(tmpdir(), `govhall-keycloak-clients-${stack.realm}.lock`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a killed test run is taken over after 30 s.
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 30_000 || Date.now() > deadline) {
        await rmdir(lock).catch(() => undefined);
        continue;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

async function adminFetch(token: string, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  if (!res.ok) throw new Error(`Keycloak admin ${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

async function editWebClients(edit: (client: ClientRepresentation) => ClientRepresentation): Promise<void> {
  const token = await clientToken('govhall-identity', IDENTITY_ADMIN_SECRET);
  const base = `${stack.keycloakUrl}/admin/realms/${encodeURIComponent(stack.realm)}/clients`;
  await withRealmLock(async () => {
    for (const clientId of WEB_CLIENTS) {
      const found = (await (
        await adminFetch(token, `${base}?clientId=${encodeURIComponent(clientId)}`)
      ).json()) as ClientRepresentation[];
      const client = found[0];
      if (!client) throw new Error(`client ${clientId} is not in realm ${stack.realm}`);
      await adminFetch(token, `${base}/${client.id}`, { method: 'PUT', body: JSON.stringify(edit(client)) });
    }
  });
}

const splitUris = (value: string | undefined) => (value ? value.split('##').filter(Boolean) : []);

/** Adds `origin` to the web apps' clients (web origin, logout return); the returned function removes it again. */
export async function allowWebOrigin(origin: string): Promise<() => Promise<void>> {
  const normalised = new URL(origin).origin;
  await editWebClients((client) => {
    const logout = splitUris(client.attributes?.[LOGOUT_URIS]);
    return {
      ...client,
      webOrigins: [...new Set([...(client.webOrigins ?? []), normalised])],
      attributes: { ...client.attributes, [LOGOUT_URIS]: [...new Set([...logout, `${normalised}/*`])].join('##') },
    };
  });
  return () =>
    editWebClients((client) => ({
      ...client,
      webOrigins: (client.webOrigins ?? []).filter((o) => o !== normalised),
      attributes: {
        ...client.attributes,
        [LOGOUT_URIS]: splitUris(client.attributes?.[LOGOUT_URIS])
          .filter((u) => u !== `${normalised}/*`)
          .join('##'),
      },
    }));
}
