// Seeds demo draft items through the gateway's REST routes, as a center administrator would, with real Keycloak
// tokens of the realm file's center administrators (yc-admin, jc-admin); it never opens a service's database.
// Idempotent (fixed idempotency keys: a repeat answers the first draft), so a second run changes nothing.
// Run after the services (scripts/run.sh runs it after the identity and catalogue seeds).
const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 3000}`;
const keycloak = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8080';
const realm = process.env.KEYCLOAK_REALM ?? 'govhall';

const drafts = [
  {
    key: 'demo-620321-food-business',
    tenant: '620321',
    name: '食品经营许可',
    basicCode: '000172028000',
    kind: '01',
    handlingCategory: 'promised',
    department: '620321-SCJG',
  },
  {
    key: 'demo-620321-sole-trader',
    tenant: '620321',
    name: '个体工商户设立登记',
    basicCode: '000109001000',
    kind: '07',
    handlingCategory: 'immediate',
    department: '620321-SCJG',
  },
  {
    key: 'demo-620302-public-hygiene-wjw',
    tenant: '620302',
    name: '公共场所卫生许可',
    basicCode: '000117022000',
    kind: '01',
    handlingCategory: 'promised',
    department: '620302-WJW',
  },
];
const admins = { 620321: 'yc-admin', 620302: 'jc-admin' };

const tokens = new Map();

async function token(username) {
  if (!tokens.has(username)) tokens.set(username, login(username));
  return tokens.get(username);
}

async function login(username) {
  const res = await fetch(`${keycloak}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'govhall-workbench',
      username,
      password: 'Demo@2026',
    }),
  });
  if (!res.ok) throw new Error(`login of ${username} failed: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

async function main() {
  for (const { key, ...draft } of drafts) {
    const res = await fetch(`${gateway}/api/v1/catalogue/items`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await token(admins[draft.tenant])}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(draft),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`seeding ${draft.name} failed: ${res.status} ${JSON.stringify(body)}`);
    process.stdout.write(
      `seeded draft item ${body.name} (${draft.tenant}) ${gateway}/api/v1/catalogue/items/${body.id}\n`,
    );
  }
}

main().catch((err) => {
  process.stderr.write(`seed-demo: ${err.message}\n`);
  process.exit(1);
});
