/** What the gateway tells the apps at run time (`GET /web-config.json`, gateway/src/plugins/app/web-static.ts). */
export interface WebConfig {
  keycloakUrl: string;
  realm: string;
  clients: { portal: string; workbench: string; admin: string; supervision: string; screen: string; device: string };
  tenants: string[];
}

let loading: Promise<WebConfig> | undefined;

/** Loads /web-config.json once per page. */
export function loadWebConfig(): Promise<WebConfig> {
  loading ??= fetch('/web-config.json', { headers: { accept: 'application/json' } }).then(async (res) => {
    if (!res.ok) throw new Error(`web-config.json: ${res.status}`);
    return (await res.json()) as WebConfig;
  });
  return loading;
}
