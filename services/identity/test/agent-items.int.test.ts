import { randomBytes, randomInt } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import {
  DEMO_PASSWORD,
  MongoClient,
  freePort,
  grpcFailure,
  newCreditCode,
  newResidentIdNumber,
  seedCatalogue,
  stack,
  startProcess,
  uniqueSuffix,
  userToken,
  type RunningProcess,
} from '@govhall/testing';
import { bearer, startIdentity, type IdentityUnderTest } from '@govhall/testing';

// Agent grants name only items the catalogue publishes in the legal person's tenant (ADR 0014): identity and the
// catalogue as their own processes on fresh databases, the seed catalogue published through the catalogue's API.
// Identity starts first, while the catalogue is not up yet: neither needs the other to start.

/** Published by 永昌县 (620321) in the seed catalogue. */
const FOOD_BUSINESS = '000117012000'; // 食品经营许可
/** Published by 金昌市 (620300), the parent of 永昌县, only. */
const FOOD_PRODUCTION_OF_THE_CITY = '000117011000'; // 食品生产许可
/** Published by 金川区 (620302), a sibling of 永昌县, only. */
const PHYSICIAN_OF_THE_DISTRICT = '000121010000'; // 医师执业注册
/** Well-formed, published nowhere. */
const UNKNOWN = '000199999000';
/** Realm-file center administrators of the tenants the seed catalogue covers. */
const SEED_TENANT_ADMINS: Record<string, string> = {
  '620300': 'jc-city-admin',
  '620302': 'jc-admin',
  '620321': 'yc-admin',
};

let identity: IdentityUnderTest;
let catalogue: RunningProcess | undefined;
let mongo: MongoClient;
const catalogueDb = `govhall_catalogue_a${uniqueSuffix()}`;
let holderToken: () => Promise<string>;
let legalPersonId: string;

const newPhone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
const client = () => identity.client;

async function registerPerson(name: string, password: string) {
  const idNumber = newResidentIdNumber('620321');
  await callUnary<identityV1.RegisterNaturalPersonRequest, identityV1.RegisterNaturalPersonResponse>(
    client().registerNaturalPerson.bind(client()),
    { tenant: '620321', name, idNumber, phone: newPhone(), password },
    { deadlineMs: 15_000 },
  );
  return idNumber;
}

/** A reviewer of `tenant` created through identity by the tenant's center administrator (password Demo@2026). */
async function createReviewer(tenant: string): Promise<string> {
  const username = `a${randomBytes(3).toString('hex')}-rev-${tenant}`;
  await callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
    client().createStaff.bind(client()),
    {
      tenant,
      department: `${tenant}-SCJG`,
      roles: ['reviewer'],
      displayName: '授权事项测试审核',
      phone: newPhone(),
      username,
      initialPassword: DEMO_PASSWORD,
      permanentPassword: true,
    },
    { ...bearer(await userToken(SEED_TENANT_ADMINS[tenant]!)), deadlineMs: 30_000 },
  );
  return username;
}

const authorize = async (agentIdNumber: string, itemCodes: string[], departments: string[] = []) =>
  callUnary<identityV1.AuthorizeAgentRequest, identityV1.AuthorizeAgentResponse>(
    client().authorizeAgent.bind(client()),
    { legalPersonId, agentIdNumber, scope: { allDepartments: false, departments, itemCodes }, validUntil: '' },
    bearer(await holderToken()),
  );

/** The grants stored on the legal person (read from identity's database). */
const storedGrants = async () => {
  const doc = await mongo
    .db(identity.db)
    .collection<{ _id: string; agents: { agentName: string; scope: { itemCodes: string[] } }[] }>('legal_persons')
    .findOne({ _id: legalPersonId });
  return doc?.agents ?? [];
};

beforeAll(async () => {
  const cataloguePort = await freePort();
  [identity, mongo] = await Promise.all([
    startIdentity({ CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}` }),
    MongoClient.connect(stack.mongoUri),
  ]);
  catalogue = await startProcess({
    name: 'catalogue-agent-items',
    entry: 'services/catalogue/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: catalogueDb,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(cataloguePort),
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(await freePort()),
      IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
      OUTBOX_POLL_MS: '200',
    },
    readyPort: cataloguePort,
  });
  // The seed catalogue, through the catalogue's API: drafted by each tenant's center administrator, approved by a
  // reviewer of the tenant created for this run.
  const seedArgs: string[] = [];
  for (const [tenant, admin] of Object.entries(SEED_TENANT_ADMINS)) {
    seedArgs.push('--admin', `${tenant}=${admin}`, '--reviewer', `${tenant}=${await createReviewer(tenant)}`);
  }
  await seedCatalogue({
    name: 'catalogue-seed-agent-items',
    catalogueAddr: `127.0.0.1:${cataloguePort}`,
    args: seedArgs,
  });

  const password = 'Apply2026h';
  const holderId = await registerPerson('孙法人', password);
  holderToken = () => userToken(holderId, { password });
  const { legalPerson } = await callUnary<
    identityV1.RegisterLegalPersonRequest,
    identityV1.RegisterLegalPersonResponse
  >(
    client().registerLegalPerson.bind(client()),
    {
      tenant: '620321',
      name: '永昌县授权事项测试商店',
      creditCode: newCreditCode('620321'),
      legalRepresentativeName: '孙法人',
      legalRepresentativeIdNumber: holderId,
    },
    bearer(await holderToken()),
  );
  legalPersonId = legalPerson!.id;
}, 240_000);

afterAll(async () => {
  await catalogue?.stop();
  await identity?.stop();
  if (identity) await mongo?.db(identity.db).dropDatabase();
  await mongo?.db(catalogueDb).dropDatabase();
  await mongo?.close();
});

describe('agent grants name only published items of the legal person’s tenant (identity asks the catalogue)', () => {
  it('refuses an unknown code, the parent’s and a sibling’s items field by field, and stores nothing', async () => {
    const agent = await registerPerson('周经办', 'Apply2026i');
    const refused = await grpcFailure(
      authorize(agent, [FOOD_BUSINESS, FOOD_PRODUCTION_OF_THE_CITY, PHYSICIAN_OF_THE_DISTRICT, UNKNOWN]),
    );
    expect([refused.code, refused.reason]).toEqual([status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(refused.violations.map((v) => [v.path, v.reason])).toEqual([
      ['scope.itemCodes.1', 'UNKNOWN_ITEM'],
      ['scope.itemCodes.2', 'UNKNOWN_ITEM'],
      ['scope.itemCodes.3', 'UNKNOWN_ITEM'],
    ]);
    expect(refused.violations[0]!.message).toContain(`没有发布基本编码为“${FOOD_PRODUCTION_OF_THE_CITY}”的事项`);
    expect(await storedGrants()).toEqual([]);
  });

  it('grants a published item of the tenant', async () => {
    const agent = await registerPerson('吴经办', 'Apply2026j');
    const { grant } = await authorize(agent, [FOOD_BUSINESS], ['620321-SCJG']);
    expect(grant?.scope).toEqual({ allDepartments: false, departments: ['620321-SCJG'], itemCodes: [FOOD_BUSINESS] });
    expect((await storedGrants()).map((g) => [g.agentName, g.scope.itemCodes])).toEqual([['吴经办', [FOOD_BUSINESS]]]);
  });

  it('refuses a grant naming items as UNAVAILABLE while the catalogue is down, storing nothing; others go on', async () => {
    await catalogue!.stop();
    catalogue = undefined;
    const agent = await registerPerson('郑经办', 'Apply2026k');
    const before = await storedGrants();
    const refused = await grpcFailure(authorize(agent, [FOOD_BUSINESS]));
    expect([refused.code, refused.reason]).toEqual([status.UNAVAILABLE, 'CATALOGUE_UNAVAILABLE']);
    expect(refused.message).toBe('暂时无法核对事项目录，请稍后再试');
    expect(await storedGrants()).toEqual(before);
    // A grant of departments only does not ask the catalogue.
    const { grant } = await authorize(agent, [], ['620321-SCJG']);
    expect(grant?.scope?.itemCodes).toEqual([]);
  });
});
