import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '@govhall/identifiers';
import { applicationsV1, identityV1 } from '@govhall/proto';
import {
  DEMO_PASSWORD,
  MongoClient,
  bearer,
  freePort,
  newResidentIdNumber,
  runProcess,
  seedCatalogue,
  stack,
  startCatalogue,
  startIdentity,
  startProcess,
  uniqueSuffix,
  userToken,
  type CatalogueUnderTest,
  type IdentityUnderTest,
  type RunningProcess,
} from '@govhall/testing';

// The cases demo seed (src/seed/run-seed.ts) against the real stack: identity on a fresh database with the seeded
// tenant tree, staff, windows and demo people made for this run (the demo logins of the dev deployment belong to its
// own identity database), the seed catalogue published through the catalogue's API, the applications service, then
// the seed twice. Every planned state must be reached (read back with GetCase and ListQueue), and the second run
// must add nothing.

const pb = applicationsV1;
const TENANTS = { '620321': 'yc-admin', '620302': 'jc-admin', '620300': 'jc-city-admin' } as const;

let identity: IdentityUnderTest;
let catalogue: CatalogueUnderTest;
let applications: RunningProcess;
let client: applicationsV1.ApplicationsServiceClient;
let mongo: MongoClient;
const appDb = `govhall_applications_s${uniqueSuffix()}`;
const run = randomBytes(3).toString('hex');
/** Window numbers of this run (fresh identity database: any free number). */
const windowNumbers = ['A01', 'B01'];
/** Staff username prefix per tenant for this run (`<prefix>-clerk` …, as identity's seed names them). */
const prefixes: Record<string, string> = {};
let seedEnv: Record<string, string>;
let castFile: string;
const cast = {
  zhangSan: {
    idNumber: newResidentIdNumber('620321'),
    name: '张三',
    phone: '13909350001',
    email: 'zhangsan@example.cn',
  },
  liSi: { idNumber: newResidentIdNumber('620321'), name: '李四', phone: '13909350002', email: 'lisi@example.cn' },
  wangWu: { idNumber: newResidentIdNumber('620302'), name: '王五', phone: '13909350003', email: 'wangwu@example.cn' },
  company: { name: '永昌县金川河商贸有限公司', creditCode: '', address: '甘肃省金昌市永昌县城关镇北海子路18号' },
};

async function idCall<Res>(rpc: string, request: object, token?: string): Promise<Res> {
  const c = identity.client as unknown as Record<string, (...args: unknown[]) => unknown>;
  return callUnary<object, Res>(c[rpc]!.bind(identity.client) as never, request, token ? bearer(token) : {});
}

async function staff(tenant: string, slug: string, role: string): Promise<identityV1.Staff> {
  const admin = await userToken(TENANTS[tenant as keyof typeof TENANTS]);
  const { staff: s } = await idCall<identityV1.CreateStaffResponse>(
    'createStaff',
    {
      tenant,
      department: `${tenant}-SCJG`,
      username: `${prefixes[tenant]}-${slug}`,
      displayName: `演示${slug}`,
      phone: '13909359999',
      roles: [role],
      initialPassword: DEMO_PASSWORD,
      permanentPassword: true,
    },
    admin,
  );
  return s!;
}

/** A valid credit code of a company registered in 620321 (check characters computed). */
function companyCreditCode(): string {
  const org8 = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const first17 = `91620321${org8}${organizationCodeCheckCharacter(org8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

async function seedRun(): Promise<string> {
  const args = Object.entries(prefixes).flatMap(([t, p]) => ['--tenant', t, '--staff', `${t}=${p}`]);
  const { output } = await runProcess({
    name: 'applications-demo-seed',
    entry: 'services/applications/dist/seed/run-seed.js',
    args,
    env: { ...seedEnv, SEED_CAST_FILE: castFile },
    timeoutMs: 900_000,
  });
  return output;
}

/** `case <key> <status> <number> <id>` lines of the seed's output. */
const caseLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('case '))
    .map((l) => {
      const [, key, status, caseNumber, id] = l.split(' ');
      return { key: key!, status: status!, caseNumber: caseNumber!, id: id! };
    });

beforeAll(async () => {
  [identity, mongo] = await Promise.all([startIdentity(), MongoClient.connect(stack.mongoUri)]);
  for (const t of Object.keys(TENANTS)) prefixes[t] = `d${run}-${t}`;
  // Staff and windows as identity's seed lays them out: clerks, reviewer and approver in <tenant>-SCJG; a
  // comprehensive window (SCJG, RSJ, ZRZY) and the market regulation window, A and B posts crosswise.
  for (const t of Object.keys(TENANTS)) {
    const [a, b] = [await staff(t, 'clerk', 'window_clerk'), await staff(t, 'clerk-b', 'window_clerk')];
    await staff(t, 'reviewer', 'reviewer');
    await staff(t, 'approver', 'approver');
    const admin = await userToken(TENANTS[t as keyof typeof TENANTS]);
    for (const [number, kind, serves, aPost, bPost] of [
      [windowNumbers[0]!, identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE, ['SCJG', 'RSJ', 'ZRZY'], a, b],
      [windowNumbers[1]!, identityV1.WindowKind.WINDOW_KIND_DEPARTMENT, ['SCJG'], b, a],
    ] as const) {
      await idCall(
        'createWindow',
        {
          tenant: t,
          number,
          name: kind === identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE ? '综合窗口' : '市场监管窗口',
          kind,
          department: `${t}-SCJG`,
          servesDepartments: serves.map((d) => `${t}-${d}`),
          aPostStaffId: aPost.id,
          bPostStaffId: bPost.id,
          location: '一楼大厅',
        },
        admin,
      );
    }
  }

  // The demo people: registered, the company held by 张三, 李四 its agent for 620321-SCJG.
  for (const [tenant, p] of [
    ['620321', cast.zhangSan],
    ['620321', cast.liSi],
    ['620302', cast.wangWu],
  ] as const) {
    await idCall('registerNaturalPerson', {
      tenant,
      name: p.name,
      idNumber: p.idNumber,
      phone: p.phone,
      password: DEMO_PASSWORD,
    });
  }
  cast.company.creditCode = companyCreditCode();
  const holder = await userToken(cast.zhangSan.idNumber);
  const { legalPerson } = await idCall<identityV1.RegisterLegalPersonResponse>(
    'registerLegalPerson',
    {
      tenant: '620321',
      name: cast.company.name,
      creditCode: cast.company.creditCode,
      legalRepresentativeName: cast.zhangSan.name,
      legalRepresentativeIdNumber: cast.zhangSan.idNumber,
    },
    holder,
  );
  await idCall(
    'authorizeAgent',
    {
      legalPersonId: legalPerson!.id,
      agentIdNumber: cast.liSi.idNumber,
      scope: { allDepartments: false, departments: ['620321-SCJG'], itemCodes: [] },
      validUntil: '',
    },
    holder,
  );
  castFile = path.join(mkdtempSync(path.join(tmpdir(), 'govhall-cast-')), 'cast.json');
  writeFileSync(castFile, JSON.stringify(cast));

  // The seed catalogue, published as the catalogue's seed does (realm admins draft, this run's reviewers approve).
  catalogue = await startCatalogue({
    name: 'catalogue-demo-seed',
    env: { IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}` },
  });
  await seedCatalogue({
    name: 'catalogue-seed-demo-seed',
    catalogueAddr: `127.0.0.1:${catalogue.port}`,
    args: [
      ...Object.entries(TENANTS).flatMap(([t, admin]) => ['--admin', `${t}=${admin}`]),
      '--reviewer',
      `620321=${prefixes['620321']}-reviewer`,
      '--reviewer',
      `620302=${prefixes['620302']}-reviewer`,
      '--reviewer',
      `620300=${prefixes['620300']}-reviewer`,
    ],
    timeoutMs: 300_000,
  });

  const appPort = await freePort();
  applications = await startProcess({
    name: 'applications-demo-seed',
    entry: 'services/applications/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: appDb,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(appPort),
      METRICS_PORT: String(await freePort()),
      CATALOGUE_GRPC_ADDR: `127.0.0.1:${catalogue.port}`,
      IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
      OUTBOX_POLL_MS: '200',
    },
    readyPort: appPort,
  });
  client = createGrpcClient(pb.ApplicationsServiceClient, `127.0.0.1:${appPort}`, {
    serviceName: 'govhall.applications.v1.ApplicationsService',
    idempotentMethods: ['GetCase', 'ListQueue'],
  });
  seedEnv = {
    APPLICATIONS_GRPC_ADDR: `127.0.0.1:${appPort}`,
    IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
    CATALOGUE_GRPC_ADDR: `127.0.0.1:${catalogue.port}`,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
  };
}, 600_000);

afterAll(async () => {
  client?.close();
  await applications?.stop();
  await catalogue?.stop();
  await identity?.stop();
  for (const name of [appDb, catalogue?.db, identity?.db]) if (name) await mongo?.db(name).dropDatabase();
  await mongo?.close();
});

const getCase = async (id: string, as: string) =>
  (
    await callUnary<applicationsV1.GetCaseRequest, applicationsV1.GetCaseResponse>(
      client.getCase.bind(client),
      { id },
      bearer(await userToken(as)),
    )
  ).case!;

describe('the cases demo seed against the real stack', () => {
  it('leaves cases in every state the tenants allow, and a second run adds nothing', async () => {
    const first = await seedRun();
    const cases = caseLines(first);
    const states = (tenant: string) =>
      new Set(cases.filter((c) => c.key.startsWith(`demo-${tenant}-`)).map((c) => c.status));
    expect([...states('620321')].sort()).toEqual(
      [
        'draft',
        'returned',
        'pre_review',
        'supplement',
        'pre_review_passed',
        'awaiting_paper',
        'processing',
        'suspended',
        'joint_review',
        'approved',
        'completed',
        'delivered',
        'archived',
        'not_accepted',
        'voided',
        'withdrawn',
      ].sort(),
    );
    expect([...states('620302')].sort()).toEqual(['draft', 'pre_review', 'returned', 'voided', 'withdrawn']);
    expect([...states('620300')].sort()).toEqual(
      [
        'draft',
        'returned',
        'pre_review',
        'supplement',
        'pre_review_passed',
        'awaiting_paper',
        'processing',
        'suspended',
        'approved',
        'completed',
        'delivered',
        'archived',
        'not_accepted',
        'voided',
        'withdrawn',
      ].sort(),
    );
    expect(first).toContain('cases seed: 620321 no escalated:');

    // Read back: each case is where the seed says, seen by its applicant.
    for (const c of cases) {
      const filer = c.key.startsWith('demo-620302-')
        ? cast.wangWu.idNumber
        : c.key.startsWith('demo-620300-') || c.key.includes('on-the-spot')
          ? cast.zhangSan.idNumber
          : cast.liSi.idNumber;
      const stored = await getCase(c.id, filer);
      expect([c.key, pb.CaseStatus[stored.status]]).toEqual([c.key, `CASE_STATUS_${c.status.toUpperCase()}`]);
    }
    const onTheSpot = await getCase(cases.find((c) => c.key === 'demo-620321-on-the-spot')!.id, cast.zhangSan.idNumber);
    expect(onTheSpot).toMatchObject({ decidedOnTheSpot: true, channel: pb.Channel.CHANNEL_COUNTER });
    expect(onTheSpot.corrections).toHaveLength(1);
    const pickup = await getCase(cases.find((c) => c.key === 'demo-620321-delivered-pickup')!.id, cast.liSi.idNumber);
    expect(pickup.documents.map((d) => pb.DocumentKind[d.kind])).toEqual(
      expect.arrayContaining(['DOCUMENT_KIND_ACCEPTANCE_NOTICE', 'DOCUMENT_KIND_DECISION', 'DOCUMENT_KIND_LICENCE']),
    );

    // The window's pre-review queue shows the case waiting there.
    const waiting = await getCase(cases.find((c) => c.key === 'demo-620321-pre-review')!.id, cast.liSi.idNumber);
    const queue = await callUnary<applicationsV1.ListQueueRequest, applicationsV1.ListQueueResponse>(
      client.listQueue.bind(client),
      {
        tenant: '620321',
        windowId: waiting.windowId,
        department: '',
        role: '',
        kind: 0,
        page: { pageSize: 100, pageToken: '' },
      },
      bearer(await userToken(`${prefixes['620321']}-clerk`)),
    );
    expect(queue.cases.map((c) => c.id)).toContain(waiting.id);

    // Again: the same cases, no act.
    const second = await seedRun();
    expect(second).toMatch(/cases seed: 620321 \d+ demo cases \(0 acts this run\)/);
    expect(second).toMatch(/cases seed: 620302 \d+ demo cases \(0 acts this run\)/);
    expect(second).toMatch(/cases seed: 620300 \d+ demo cases \(0 acts this run\)/);
    expect(caseLines(second)).toEqual(cases);
  }, 1_200_000);
});
