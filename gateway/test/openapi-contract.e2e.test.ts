import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { callUnary } from '@govhall/grpc';
import type { identityV1 } from '@govhall/proto';
import {
  REPO_ROOT,
  bearer,
  clientToken,
  freePort,
  stack,
  startIdentity,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  type IdentityUnderTest,
  type RunningProcess,
} from '@govhall/testing';

const run = promisify(execFile);

/*
 * The OpenAPI document against the live gateway: schemathesis (PyPI, provisioned by deploy/stack/provision.sh into
 * the GovHall cache) generates requests from /openapi.json and checks every answer against it — no server error,
 * every status, content type, header and body as documented, 405 for undeclared methods, and schema-valid input
 * accepted where validity is a matter of shape (gateway/test/schemathesis.toml says where it is not).
 *
 * identity, the catalogue and the cases service run on fresh databases (identity with the seeded tenant tree), so what
 * fuzzing creates stays there. Besides the realm's logins, the run creates the staff roles the cases routes admit
 * (reviewer, approver, department head of 620321-SCJG) through identity, and runs as each, and joint-review's center account
 * of 620321 (disabled after the run). Operations that would create Keycloak principals in the shared realm (staff, service accounts,
 * self-registration) get schema-invalid requests only, which the gateway refuses before any service is called.
 */

const CONFIG = path.join(__dirname, 'schemathesis.toml');
const CREATES_PRINCIPALS = [
  'POST /api/v1/identity/staff',
  'POST /api/v1/identity/tenants/{code}/service-accounts',
  'POST /api/v1/identity/natural-persons',
];

let processes: RunningProcess[] = [];
let identity: IdentityUnderTest | undefined;
/** joint-review's center account of 620321 for this run (ADR 0053), disabled after it. */
let centerAccountId = '';
let gatewayUrl = '';
const PASSWORD = 'Contract2026x';
/** Logins of the cases routes' staff roles, created through identity for this run. */
const caseStaff: Record<'reviewer' | 'approver' | 'department_head', string> = {
  reviewer: '',
  approver: '',
  department_head: '',
};
let schemathesis = '';
let workDir = '';

async function provisionSchemathesis(): Promise<string> {
  const { stderr } = await run('bash', [path.join(REPO_ROOT, 'deploy/stack/provision.sh'), 'schemathesis'], {
    env: process.env,
  });
  const home = /\b(?:in|into) (\/\S+schemathesis-[\d.]+)/.exec(stderr)?.[1]; // "already installed in" or "installing … into"
  if (!home) throw new Error(`provision.sh schemathesis did not say where it is:\n${stderr}`);
  return path.join(home, 'bin', 'schemathesis');
}

beforeAll(async () => {
  schemathesis = await provisionSchemathesis();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govhall-contract-'));
  const suffix = uniqueSuffix();
  // Twelve free ports, each once (freePort hands out each port once per file).
  const ports = async (n: number) => {
    const got: number[] = [];
    for (let i = 0; i < n; i++) got.push(await freePort());
    return got as [number, number, number, number, number, number, number];
  };
  const [cataloguePort, gatewayPort, applicationsPort, supervisionPort, jointReviewPort, paymentsPort, complaintsPort] =
    await ports(7);
  const [m2, m3, m4, m5, m6, m7, m8] = await ports(7);
  const common = {
    MONGODB_URI: stack.mongoUri,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    LOG_LEVEL: 'warn',
    METRICS_HOST: '127.0.0.1',
    GRPC_HOST: '127.0.0.1',
  };
  // identity with the seeded tenant tree (its agent grants naming items are checked against the catalogue below).
  identity = await startIdentity({ LOG_LEVEL: 'warn', CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}` });
  processes.push(
    await startProcess({
      name: 'catalogue-contract',
      entry: 'services/catalogue/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: `govhall_catalogue_c${suffix}`,
        GRPC_PORT: String(cataloguePort),
        METRICS_PORT: String(m2),
        // The guide names tenants and departments by asking identity (ADR 0017).
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
      },
      readyPort: cataloguePort,
    }),
  );
  processes.push(
    await startProcess({
      name: 'applications-contract',
      entry: 'services/applications/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: `govhall_applications_c${suffix}`,
        GRPC_PORT: String(applicationsPort),
        METRICS_PORT: String(m4),
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
        // Its own consumer group and no mail server: what fuzzing submits notifies nobody else's notifier.
        NOTIFIER_GROUP_ID: `applications-notifier-contract-${suffix}`,
        SMTP_PORT: '1',
        SERVICE_CLIENT_ID: 'govhall-dept-demo',
        SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret',
      },
      readyPort: applicationsPort,
    }),
  );
  processes.push(
    await startProcess({
      name: 'supervision-contract',
      entry: 'services/supervision/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: `govhall_supervision_c${suffix}`,
        GRPC_PORT: String(supervisionPort),
        METRICS_PORT: String(m5),
        // Its own groups (journal, clocks, violations derive from it), starting where a new group starts.
        KAFKA_GROUP_ID: `supervision-contract-${suffix}`,
      },
      readyPort: supervisionPort,
    }),
  );
  // joint-review asks identity about a project's investor and 代办员 with its center account of 620321 (ADR 0053).
  const center = await callUnary<identityV1.CreateServiceAccountRequest, identityV1.CreateServiceAccountResponse>(
    identity.client.createServiceAccount.bind(identity.client),
    { tenant: '620321', department: '', clientId: `jr-contract-${suffix}`, description: '联合审批服务（契约测试）' },
    bearer(await userToken('yc-admin')),
  );
  centerAccountId = center.serviceAccount!.id;
  // joint-review reads this run's cases only (its case-stream group placed at the topic's end).
  const jointReviewGroup = `joint-review-contract-${suffix}`;
  await startGroupAtTopicEnd(jointReviewGroup, ['govhall.applications.case']);
  processes.push(
    await startProcess({
      name: 'joint-review-contract',
      entry: 'services/joint-review/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: `govhall_joint_review_c${suffix}`,
        GRPC_PORT: String(jointReviewPort),
        METRICS_PORT: String(m6),
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
        APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
        CASE_STREAM_GROUP_ID: jointReviewGroup,
        SERVICE_ACCOUNTS: `620321=jr-contract-${suffix}:${center.clientSecret}`,
      },
      readyPort: jointReviewPort,
    }),
  );
  // payments reads cases with the same center account; its bank channel's key is this run's (no one else signs).
  const bankKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  processes.push(
    await startProcess({
      name: 'payments-contract',
      entry: 'services/payments/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: `govhall_payments_c${suffix}`,
        GRPC_PORT: String(paymentsPort),
        METRICS_PORT: String(m7),
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
        SERVICE_ACCOUNTS: `620321=jr-contract-${suffix}:${center.clientSecret}`,
        BANK_CHANNELS: `stand-in=contract:${bankKey}`,
      },
      readyPort: paymentsPort,
    }),
  );
  // complaints (ratings) reads who applied for a case and a rating invitation's window with the same center account,
  // and this run's cases only.
  const complaintsGroup = `complaints-contract-${suffix}`;
  await startGroupAtTopicEnd(complaintsGroup, ['govhall.applications.case']);
  await startGroupAtTopicEnd(`${complaintsGroup}-notifier`, ['govhall.complaints.complaint']);
  processes.push(
    await startProcess({
      name: 'complaints-contract',
      entry: 'services/complaints/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: `govhall_complaints_c${suffix}`,
        GRPC_PORT: String(complaintsPort),
        METRICS_PORT: String(m8),
        APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        SERVICE_ACCOUNTS: `620321=jr-contract-${suffix}:${center.clientSecret}`,
        // The one tenant it has a center account of: a filing about another region's case is refused at its
        // field, not answered 503 for want of an account there (a deployment lists the tenants it hosts).
        GOVHALL_TENANTS: '620321',
        CASE_STREAM_GROUP_ID: complaintsGroup,
        COMPLAINT_NOTIFIER_GROUP_ID: `${complaintsGroup}-notifier`,
      },
      readyPort: complaintsPort,
    }),
  );
  const admin = await userToken('yc-admin');
  for (const role of Object.keys(caseStaff) as (keyof typeof caseStaff)[]) {
    const username = `k${suffix.slice(-6)}-${role.replace('_', '')}`;
    await callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      identity.client.createStaff.bind(identity.client),
      {
        tenant: '620321',
        department: '620321-SCJG',
        username,
        displayName: '契约测试人员',
        phone: '13909359997',
        roles: [role],
        initialPassword: PASSWORD,
        permanentPassword: true,
      },
      bearer(admin),
    );
    caseStaff[role] = username;
  }
  processes.push(
    await startProcess({
      name: 'gateway-contract',
      entry: 'gateway/dist/server.js',
      env: {
        ...common,
        HOST: '127.0.0.1',
        PORT: String(gatewayPort),
        METRICS_PORT: String(m3),
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
        SUPERVISION_GRPC_ADDR: `127.0.0.1:${supervisionPort}`,
        JOINT_REVIEW_GRPC_ADDR: `127.0.0.1:${jointReviewPort}`,
        PAYMENTS_GRPC_ADDR: `127.0.0.1:${paymentsPort}`,
        COMPLAINTS_GRPC_ADDR: `127.0.0.1:${complaintsPort}`,
        RATE_LIMIT_MAX: '1000000',
        // A loaded test machine must not turn requests into 503 OVERLOADED.
        OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
        PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
      },
      readyPort: gatewayPort,
    }),
  );
  gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
}, 180_000);

afterAll(async () => {
  for (const p of processes.reverse()) await p.stop();
  processes = [];
  if (identity && centerAccountId) {
    await callUnary<identityV1.DisableServiceAccountRequest, identityV1.DisableServiceAccountResponse>(
      identity.client.disableServiceAccount.bind(identity.client),
      { serviceAccountId: centerAccountId, reason: '契约测试结束' },
      bearer(await userToken('yc-admin')),
    ).catch(() => undefined);
  }
  await identity?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** Runs schemathesis; resolves with its exit code and the end of its report. */
async function contract(token: string | undefined, args: string[]): Promise<{ code: number; report: string }> {
  const auth = token ? ['-H', `Authorization: Bearer ${token}`] : [];
  const argv = [
    '--config-file',
    CONFIG,
    'run',
    `${gatewayUrl}/openapi.json`,
    ...auth,
    // One worker: CPython 3.11 can raise a spurious SystemError parsing ASTs in threads (gh-106905).
    '--workers',
    '1',
    '--no-color',
    '--request-timeout',
    '30',
    ...args,
  ];
  try {
    const { stdout } = await run(schemathesis, argv, {
      maxBuffer: 64 * 1024 * 1024,
      // The hooks give it bodies of the media types it cannot make itself (application/jose).
      env: { PATH: process.env.PATH, SCHEMATHESIS_HOOKS: 'schemathesis_hooks', PYTHONPATH: __dirname },
      // Its cache goes to a scratch directory, not into the repository.
      cwd: workDir,
    });
    return { code: 0, report: stdout.slice(-2000) };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    // The failures section names each operation, check and a curl to reproduce it.
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    const failures = out.indexOf('FAILURES');
    return { code: err.code ?? -1, report: out.slice(failures >= 0 ? failures : -20_000).slice(0, 20_000) };
  }
}

/** Passes on exit code 0; otherwise fails showing schemathesis' failures (check, operation, curl to replay). */
function expectPassed(result: { code: number; report: string }): void {
  expect(result.code === 0 ? 'passed' : `exit ${result.code}\n${result.report}`).toBe('passed');
}

const excludePrincipalCreation = CREATES_PRINCIPALS.flatMap((name) => ['--exclude-name', name]);

/** Who a run logs in as: a realm login, a case staff login of this run, a service account, or nobody. */
type Caller = { login: string; password?: string } | { client: [string, string] } | undefined;

const tokenOf = (caller: Caller): Promise<string | undefined> =>
  caller === undefined
    ? Promise.resolve(undefined)
    : 'client' in caller
      ? clientToken(...caller.client)
      : userToken(caller.login, caller.password ? { password: caller.password } : {});

/**
 * The runs go two at a time (each schemathesis process is single-threaded: one worker, see `contract`), started
 * once the world is up; each test awaits its own. Tokens are fetched one after another, just before their run:
 * Keycloak refuses all but one of simultaneous password grants of one login, and a token fetched at the start would
 * expire while its run waits.
 */
const RUNS_AT_ONCE = 2;
let free = RUNS_AT_ONCE;
const waiting: (() => void)[] = [];
let tokens: Promise<unknown> = Promise.resolve();
const scheduled = new Map<string, Promise<{ code: number; report: string }>>();

function schedule(name: string, caller: Caller, args: string[]): void {
  const run = (async () => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      const token = tokens.then(() => tokenOf(caller));
      tokens = token.catch(() => undefined);
      return await contract(await token, args);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  })();
  // A run that fails before its test awaits it is reported by that test, not as an unhandled rejection.
  run.catch(() => undefined);
  scheduled.set(name, run);
}

/** Awaits a scheduled run; passes on exit code 0, else shows schemathesis' failures. */
async function expectRunPassed(name: string): Promise<void> {
  const run = scheduled.get(name);
  if (!run) throw new Error(`no run named ${name}`);
  expectPassed(await run);
}

// The administrator's run reaches every operation's rules (coverage phase, the configured examples); the other
// callers' runs check what each role reaches and is refused, for which two examples an operation are enough. Each
// run is CPU-bound generating examples: before this, the ten other fuzzing runs took 37-91 s each, 4 examples.
const FUZZ = ['--phases', 'fuzzing', '--max-examples', '2', ...excludePrincipalCreation];
// Fuzzing in negative mode sends only requests that break the schema (the coverage phase would also send valid
// ones), so nothing reaches Keycloak.
const NEGATIVE = ['--phases', 'fuzzing', '--mode', 'negative', '--exclude-checks', 'positive_data_acceptance'];
const include = (names: string[]) => names.flatMap((name) => ['--include-name', name]);
const [STAFF_OP, SERVICE_ACCOUNTS_OP, REGISTRATION_OP] = CREATES_PRINCIPALS as [string, string, string];
const REALM_ROLES: [string, string | undefined][] = [
  ['anonymous', undefined],
  ['applicant', 'zhang-san'],
  ['window_clerk', 'yc-clerk'],
  ['ops_admin', 'jc-city-ops'],
  ['no role', 'no-role'],
];
const CASE_ROLES = Object.keys(caseStaff) as (keyof typeof caseStaff)[];

beforeAll(() => {
  // The longest run first, so that the pair of slots stays busy to the end.
  schedule('admin', { login: 'yc-admin' }, ['--phases', 'coverage,fuzzing', ...excludePrincipalCreation]);
  for (const [role, login] of REALM_ROLES) schedule(role, login ? { login } : undefined, FUZZ);
  for (const role of CASE_ROLES) schedule(role, { login: caseStaff[role], password: PASSWORD }, FUZZ);
  schedule('service account', { client: ['govhall-dept-demo', 'govhall-dept-demo-secret'] }, FUZZ);
  schedule('creating logins as yc-admin', { login: 'yc-admin' }, [
    ...NEGATIVE,
    ...include([STAFF_OP, SERVICE_ACCOUNTS_OP]),
  ]);
  schedule('creating logins as jc-city-ops', { login: 'jc-city-ops' }, [
    ...NEGATIVE,
    ...include([STAFF_OP, SERVICE_ACCOUNTS_OP]),
  ]);
  schedule('registration', undefined, [...NEGATIVE, ...include([REGISTRATION_OP])]);
});

// Each test waits for its run, which may have queued behind others: the timeouts cover the whole file's runs.
const WHOLE_RUN_MS = 1_200_000;

describe('the OpenAPI document holds against the live gateway (schemathesis)', () => {
  it(
    'as a center administrator: edge cases of every parameter, fuzzed input and undeclared methods',
    () => expectRunPassed('admin'),
    WHOLE_RUN_MS,
  );

  it.each(REALM_ROLES.map(([role]) => role))('as %s: fuzzed input', (role) => expectRunPassed(role), WHOLE_RUN_MS);

  it.each(CASE_ROLES)(
    "as a %s of 620321-SCJG (the cases routes' handlers): fuzzed input",
    (role) => expectRunPassed(role),
    WHOLE_RUN_MS,
  );

  it('as a department system (service account): fuzzed input', () => expectRunPassed('service account'), WHOLE_RUN_MS);

  it(
    'operations that create logins: schema-invalid requests only, each refused as documented',
    async () => {
      await expectRunPassed('creating logins as yc-admin');
      await expectRunPassed('creating logins as jc-city-ops');
      await expectRunPassed('registration');
    },
    WHOLE_RUN_MS,
  );
});
