import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { MongoClient, grpcFailure, stack, userToken } from '@govhall/testing';
import { KeycloakDirectory } from '../src/adapters/keycloak/keycloak-directory';
import { bearer, IDENTITY_ADMIN_SECRET, startIdentity, type IdentityUnderTest } from '@govhall/testing';

// The shared text rule (@govhall/identifiers checkText) as identity applies it, through its own process, gRPC API,
// real Keycloak tokens and its database: names that hide characters are refused with a Chinese reason and
// nothing is stored; a decomposed (NFD) name is stored composed (NFC).
let identity: IdentityUnderTest;
let mongo: MongoClient;
const directory = new KeycloakDirectory({
  baseUrl: stack.keycloakUrl,
  realm: stack.realm,
  clientId: 'govhall-identity',
  clientSecret: IDENTITY_ADMIN_SECRET,
  logger: { debug: () => undefined, warn: () => undefined },
});

const client = () => identity.client;
const createDepartment = (req: identityV1.CreateDepartmentRequest, token: string) =>
  callUnary<identityV1.CreateDepartmentRequest, identityV1.CreateDepartmentResponse>(
    client().createDepartment.bind(client()),
    req,
    bearer(token),
  );
const createStaff = (req: identityV1.CreateStaffRequest, token: string) =>
  callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
    client().createStaff.bind(client()),
    req,
    bearer(token),
  );
const departments = () => mongo.db(identity.db).collection<{ _id: string; name: string }>('departments');
/** A fresh abbreviation (upper-case letters), so runs do not collide. */
const abbreviation = () => `T${[...randomBytes(5)].map((b) => String.fromCharCode(65 + (b % 26))).join('')}`;

beforeAll(async () => {
  [identity, mongo] = await Promise.all([startIdentity(), MongoClient.connect(stack.mongoUri)]);
}, 120_000);

afterAll(async () => {
  await identity?.stop();
  if (identity) await mongo?.db(identity.db).dropDatabase();
  await mongo?.close();
});

describe('identity refuses names that hide characters and stores names in NFC', () => {
  it.each([
    [
      'a right-to-left override',
      '\u202E局理管督监场市',
      'BIDI_CONTROL',
      /部门名称不能包含文字方向控制字符，第1个字符是 U\+202E/,
    ],
    ['a control character', '市场监督\u0007管理局', 'CONTROL_CHARACTER', /部门名称不能包含控制字符/],
    ['a zero-width space', '市场\u200B监督管理局', 'INVISIBLE_CHARACTER', /部门名称不能包含零宽空格等不可见字符/],
    ['only invisible characters', '\u3000\u200D\u00AD\u3000\u200C', 'BLANK', /部门名称不能只包含空格或不可见字符/],
  ])('a department name with %s is refused and nothing is stored', async (_what, name, reason, message) => {
    const admin = await userToken('yc-admin');
    const before = await departments().countDocuments();
    const code = abbreviation();
    const refused = await grpcFailure(createDepartment({ tenant: '620321', abbreviation: code, name }, admin));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.reason).toBe('VALIDATION_FAILED');
    expect(refused.violations).toEqual([{ path: 'name', reason, message: expect.stringMatching(message) }]);
    expect(await departments().countDocuments()).toBe(before);
    expect(await departments().findOne({ _id: `620321-${code}` })).toBeNull();
  });

  it('a staff name with a bidi override is refused before any login is made', async () => {
    const admin = await userToken('yc-admin');
    const username = `t-${randomBytes(3).toString('hex')}-text`;
    const refused = await grpcFailure(
      createStaff(
        {
          tenant: '620321',
          department: '620321-SCJG',
          username,
          displayName: '张\u202E三',
          phone: '13912345678',
          roles: ['window_clerk'],
          initialPassword: 'Start2026x',
          permanentPassword: true,
        },
        admin,
      ),
    );
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.violations).toEqual([
      { path: 'displayName', reason: 'BIDI_CONTROL', message: expect.stringMatching(/^姓名不能包含文字方向控制字符/) },
    ]);
    expect(await mongo.db(identity.db).collection('staff').countDocuments({ username })).toBe(0);
    expect(await directory.findUserByUsername(username)).toBeUndefined();
  });

  it('a decomposed (NFD) department name is stored and answered composed (NFC)', async () => {
    const admin = await userToken('yc-admin');
    const code = abbreviation();
    // "Café" spelt with a combining acute accent, and U+F907, a compatibility ideograph equivalent to U+9F9C.
    const nfd = '\u3000Cafe\u0301服务\uF907窗口 ';
    const created = await createDepartment({ tenant: '620321', abbreviation: code, name: nfd }, admin);
    const nfc = 'Caf\u00e9服务\u9F9C窗口';
    expect(created.department?.name).toBe(nfc);
    const stored = await departments().findOne({ _id: `620321-${code}` });
    expect(stored?.name).toBe(nfc);
    expect(stored?.name.normalize('NFC')).toBe(stored?.name);
  });
});
