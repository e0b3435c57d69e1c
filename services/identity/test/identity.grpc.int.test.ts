import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import {
  MongoClient,
  clientToken,
  grpcFailure,
  newCreditCode,
  newResidentIdNumber,
  stack,
  userToken,
  waitFor,
  startEventReader,
  type EventReader,
} from '@govhall/testing';
import { KeycloakDirectory } from '../src/adapters/keycloak/keycloak-directory';
import { bearer, IDENTITY_ADMIN_SECRET, startIdentity, type IdentityUnderTest } from '@govhall/testing';

// The identity service over gRPC as gateways and third-party department systems call it: its own process on a
// fresh database with the seeded tenant tree, real Keycloak tokens, events read back from Kafka.
const STAFF_TOPIC = 'govhall.identity.staff';
const SERVICE_ACCOUNT_TOPIC = 'govhall.identity.service-account';
const APPLICANT_TOPIC = 'govhall.identity.applicant';
const PASSWORD = 'Start2026x';
const DEPT_DEMO = { clientId: 'govhall-dept-demo', secret: 'govhall-dept-demo-secret' };

let identity: IdentityUnderTest;
let mongo: MongoClient;
let events: EventReader;
const directory = new KeycloakDirectory({
  baseUrl: stack.keycloakUrl,
  realm: stack.realm,
  clientId: 'govhall-identity',
  clientSecret: IDENTITY_ADMIN_SECRET,
  logger: { debug: () => undefined, warn: () => undefined },
});

const I = identityV1;
const options = (token?: string) => (token ? bearer(token) : { deadlineMs: 15_000 });
const client = () => identity.client;
const api = {
  createTenant: (req: identityV1.CreateTenantRequest, token?: string) =>
    callUnary<identityV1.CreateTenantRequest, identityV1.CreateTenantResponse>(
      client().createTenant.bind(client()),
      req,
      options(token),
    ),
  getTenant: (code: string) =>
    callUnary<identityV1.GetTenantRequest, identityV1.GetTenantResponse>(
      client().getTenant.bind(client()),
      { code },
      options(),
    ),
  createStaff: (req: identityV1.CreateStaffRequest, token?: string) =>
    callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      client().createStaff.bind(client()),
      req,
      options(token),
    ),
  getStaff: (id: string, token?: string) =>
    callUnary<identityV1.GetStaffRequest, identityV1.GetStaffResponse>(
      client().getStaff.bind(client()),
      { id },
      options(token),
    ),
  listStaff: (tenant: string, token?: string, department = '') =>
    callUnary<identityV1.ListStaffRequest, identityV1.ListStaffResponse>(
      client().listStaff.bind(client()),
      { tenant, department, page: { pageSize: 100, pageToken: '' } },
      options(token),
    ),
  disableStaff: (req: identityV1.DisableStaffRequest, token?: string) =>
    callUnary<identityV1.DisableStaffRequest, identityV1.DisableStaffResponse>(
      client().disableStaff.bind(client()),
      req,
      options(token),
    ),
  getMyProfile: (token?: string) =>
    callUnary<identityV1.GetMyProfileRequest, identityV1.GetMyProfileResponse>(
      client().getMyProfile.bind(client()),
      {},
      options(token),
    ),
  registerNaturalPerson: (req: identityV1.RegisterNaturalPersonRequest) =>
    callUnary<identityV1.RegisterNaturalPersonRequest, identityV1.RegisterNaturalPersonResponse>(
      client().registerNaturalPerson.bind(client()),
      req,
      options(),
    ),
  registerLegalPerson: (req: identityV1.RegisterLegalPersonRequest, token?: string) =>
    callUnary<identityV1.RegisterLegalPersonRequest, identityV1.RegisterLegalPersonResponse>(
      client().registerLegalPerson.bind(client()),
      req,
      options(token),
    ),
  listApplicants: (tenant: string, token?: string) =>
    callUnary<identityV1.ListApplicantsRequest, identityV1.ListApplicantsResponse>(
      client().listApplicants.bind(client()),
      { tenant, page: { pageSize: 100, pageToken: '' } },
      options(token),
    ),
  checkActingAuthority: (req: identityV1.CheckActingAuthorityRequest, token?: string) =>
    callUnary<identityV1.CheckActingAuthorityRequest, identityV1.CheckActingAuthorityResponse>(
      client().checkActingAuthority.bind(client()),
      req,
      options(token),
    ),
  createServiceAccount: (req: identityV1.CreateServiceAccountRequest, token?: string) =>
    callUnary<identityV1.CreateServiceAccountRequest, identityV1.CreateServiceAccountResponse>(
      client().createServiceAccount.bind(client()),
      req,
      options(token),
    ),
  rotateServiceAccountSecret: (req: identityV1.RotateServiceAccountSecretRequest, token?: string) =>
    callUnary<identityV1.RotateServiceAccountSecretRequest, identityV1.RotateServiceAccountSecretResponse>(
      client().rotateServiceAccountSecret.bind(client()),
      req,
      options(token),
    ),
  disableServiceAccount: (req: identityV1.DisableServiceAccountRequest, token?: string) =>
    callUnary<identityV1.DisableServiceAccountRequest, identityV1.DisableServiceAccountResponse>(
      client().disableServiceAccount.bind(client()),
      req,
      options(token),
    ),
  changeStaffRoles: (req: identityV1.ChangeStaffRolesRequest, token?: string) =>
    callUnary<identityV1.ChangeStaffRolesRequest, identityV1.ChangeStaffRolesResponse>(
      client().changeStaffRoles.bind(client()),
      req,
      options(token),
    ),
};

const unique = (role: string) => `t-${randomBytes(3).toString('hex')}-${role}`;
const newPhone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
/** 13912345678 → 139****5678, written out rather than computed with the code under test. */
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
/** The payload of a JWT, unverified (the test only reads what Keycloak put in). */
const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

const staffRequest = (overrides: Partial<identityV1.CreateStaffRequest> = {}): identityV1.CreateStaffRequest => ({
  tenant: '620321',
  department: '620321-SCJG',
  username: unique('clerk'),
  displayName: '测试窗口员',
  phone: newPhone(),
  roles: ['window_clerk'],
  initialPassword: PASSWORD,
  permanentPassword: true,
  ...overrides,
});

const center = {
  name: '七里河区政务服务中心',
  address: '兰州市七里河区测试路1号',
  hours: '周一至周五 9:00-12:00 14:30-17:30',
  phones: ['0931-2345678'],
};

/** Keycloak's token endpoint answered as is (status and body), for grants userToken does not cover. */
async function tokenGrant(form: Record<string, string>) {
  const res = await fetch(`${stack.keycloakUrl}/realms/${stack.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'govhall-portal', ...form }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { access_token?: string; refresh_token?: string; error?: string },
  };
}

/** Waits for one event of an aggregate, then until the relay is done and the reader has read all there is. */
async function onlyEvent(topic: string, aggregateId: string, type: string) {
  await waitFor(async () => events.of(topic, aggregateId, type).length > 0, {
    timeoutMs: 30_000,
    what: `${type} of ${aggregateId} on ${topic}`,
  });
  const collection = { [STAFF_TOPIC]: 'staff', [APPLICANT_TOPIC]: 'natural_persons' }[topic] ?? 'service_accounts';
  await waitFor(
    async () => {
      const doc = await mongo
        .db(identity.db)
        .collection<{ _id: string; outbox: unknown[] }>(collection)
        .findOne({ _id: aggregateId });
      return doc !== null && doc.outbox.length === 0;
    },
    { what: `an empty outbox of ${aggregateId}` },
  );
  await events.caughtUp();
  const found = events.of(topic, aggregateId, type);
  expect(found).toHaveLength(1);
  return found[0]!.envelope;
}

/** Staff of the tenant in the database (the gRPC answers are checked against it). */
const staffCount = (tenant: string) => mongo.db(identity.db).collection('staff').countDocuments({ tenant });

// Shared read-only fixtures: a clerk of 620321-SCJG, and a natural person holding a legal person in 620321.
let clerk: identityV1.Staff;
let clerkPhone: string;
let holder: identityV1.NaturalPerson;
let legalPerson: identityV1.LegalPerson;
let holderToken: () => Promise<string>;

beforeAll(async () => {
  [identity, mongo, events] = await Promise.all([
    startIdentity(),
    MongoClient.connect(stack.mongoUri),
    startEventReader([
      { topic: STAFF_TOPIC, partitions: 3 },
      { topic: SERVICE_ACCOUNT_TOPIC, partitions: 3 },
      { topic: APPLICANT_TOPIC, partitions: 3 },
    ]),
  ]);
  clerkPhone = newPhone();
  clerk = (await api.createStaff(staffRequest({ phone: clerkPhone }), await userToken('yc-admin'))).staff!;

  const idNumber = newResidentIdNumber('620321');
  const password = 'Apply2026x';
  holder = (
    await api.registerNaturalPerson({ tenant: '620321', name: '张测试', idNumber, phone: newPhone(), password })
  ).person!;
  const applicant = await userToken(idNumber, { password });
  holderToken = () => userToken(idNumber, { password });
  legalPerson = (
    await api.registerLegalPerson(
      {
        tenant: '620321',
        name: '永昌县测试商店',
        creditCode: newCreditCode('620321'),
        legalRepresentativeName: '张测试',
        legalRepresentativeIdNumber: idNumber,
      },
      applicant,
    )
  ).legalPerson!;
}, 120_000);

afterAll(async () => {
  await events?.stop();
  await identity?.stop();
  if (identity) await mongo?.db(identity.db).dropDatabase();
  await mongo?.close();
});

describe('identity gRPC API against the real stack', () => {
  it('serves a department system with its own token, and nobody without a valid one of this realm', async () => {
    const dept = await clientToken(DEPT_DEMO.clientId, DEPT_DEMO.secret);
    const listed = await api.listStaff('620321', dept, '620321-SCJG');
    const seen = listed.staff.find((s) => s.id === clerk.id);
    expect(seen).toMatchObject({ username: clerk.username, phone: masked(clerkPhone) });
    expect(listed.page?.total).toBe(
      await mongo.db(identity.db).collection('staff').countDocuments({ tenant: '620321', department: '620321-SCJG' }),
    );

    const asHolder = await api.checkActingAuthority(
      { legalPersonId: legalPerson.id, department: '620321-SCJG', itemCode: '', agentSubject: holder.subject },
      dept,
    );
    expect(asHolder).toMatchObject({ allowed: true, reason: 'HOLDER' });
    const stranger = await api.checkActingAuthority(
      { legalPersonId: legalPerson.id, department: '620321-SCJG', itemCode: '', agentSubject: randomUUID() },
      dept,
    );
    expect(stranger).toMatchObject({ allowed: false, reason: 'NO_GRANT', grantId: '' });
    expect(stranger.message).not.toBe('');

    for (const anonymous of [
      api.listStaff('620321', undefined, '620321-SCJG'),
      api.checkActingAuthority({
        legalPersonId: legalPerson.id,
        department: '620321-SCJG',
        itemCode: '',
        agentSubject: holder.subject,
      }),
    ]) {
      const refused = await grpcFailure(anonymous);
      expect(refused.code).toBe(status.UNAUTHENTICATED);
      expect(refused.reason).toBe('TOKEN_MISSING');
    }

    const foreign = await userToken('stranger', { realm: 'elsewhere', clientId: 'govhall-portal' });
    const invalid = await grpcFailure(api.listStaff('620321', foreign));
    expect(invalid.code).toBe(status.UNAUTHENTICATED);
    expect(invalid.reason).toBe('TOKEN_INVALID');
  });

  it('a center administrator registers a department system whose token is bound to its tenant and department', async () => {
    const admin = await userToken('yc-admin');
    const request = {
      tenant: '620321',
      department: '620321-SCJG',
      clientId: unique('license-system'),
      description: '永昌县市场监管局许可审批系统（集成测试）',
    };
    const created = await api.createServiceAccount(request, admin);
    expect(created.serviceAccount).toMatchObject({
      tenant: '620321',
      department: '620321-SCJG',
      clientId: request.clientId,
      status: I.StaffStatus.STAFF_STATUS_ACTIVE,
    });
    expect(created.clientSecret.length).toBeGreaterThanOrEqual(16);

    const token = await clientToken(request.clientId, created.clientSecret);
    const payload = claims(token);
    expect(payload).toMatchObject({ tenant: '620321', department: '620321-SCJG', azp: request.clientId });
    expect(payload.roles).toContain('service');
    expect(payload.aud === 'govhall-api' || (Array.isArray(payload.aud) && payload.aud.includes('govhall-api'))).toBe(
      true,
    );

    const own = await api.listStaff('620321', token);
    expect(own.staff.map((s) => s.id)).toContain(clerk.id);
    const sibling = await grpcFailure(api.listStaff('620302', token));
    expect(sibling.code).toBe(status.PERMISSION_DENIED);
    expect(sibling.reason).toBe('TENANT_OUT_OF_SCOPE');

    const again = await api.createServiceAccount(request, admin);
    expect(again.serviceAccount?.id).toBe(created.serviceAccount!.id);
    expect(again.clientSecret).toBe(created.clientSecret);
    expect(
      await mongo.db(identity.db).collection('service_accounts').countDocuments({ clientId: request.clientId }),
    ).toBe(1);

    const event = await onlyEvent(
      SERVICE_ACCOUNT_TOPIC,
      created.serviceAccount!.id,
      'govhall.identity.v1.ServiceAccountCreated',
    );
    expect(event).toMatchObject({ tenant: '620321', aggregateVersion: 2 });
    expect(event.actor).toMatchObject({ username: 'yc-admin', subject: claims(admin).sub });
    expect(I.ServiceAccountCreated.decode(event.payload).serviceAccount).toMatchObject({
      id: created.serviceAccount!.id,
      clientId: request.clientId,
      department: '620321-SCJG',
      status: I.StaffStatus.STAFF_STATUS_ACTIVE,
    });
  });

  it('rotating a system’s secret refuses the old one at once; disabling refuses every token, and a repeat, a rotation or a re-creation changes nothing', async () => {
    const admin = await userToken('yc-admin');
    const request = {
      tenant: '620321',
      department: '620321-SCJG',
      clientId: unique('exchange-system'),
      description: '永昌县市场监管局数据交换系统（集成测试）',
    };
    const created = await api.createServiceAccount(request, admin);
    const id = created.serviceAccount!.id;
    await clientToken(request.clientId, created.clientSecret);

    const rotated = await api.rotateServiceAccountSecret({ serviceAccountId: id }, admin);
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    await expect(clientToken(request.clientId, created.clientSecret)).rejects.toThrow(/401|400/);
    expect(claims(await clientToken(request.clientId, rotated.clientSecret))).toMatchObject({ azp: request.clientId });
    const rotation = await onlyEvent(SERVICE_ACCOUNT_TOPIC, id, 'govhall.identity.v1.ServiceAccountSecretRotated');
    expect(Buffer.from(rotation.payload).toString('latin1')).not.toContain(rotated.clientSecret);

    const short = await grpcFailure(api.disableServiceAccount({ serviceAccountId: id, reason: '停' }, admin));
    expect(short.code).toBe(status.INVALID_ARGUMENT);
    expect(short.violations).toEqual([expect.objectContaining({ path: 'reason' })]);
    await clientToken(request.clientId, rotated.clientSecret); // still works: the refusal changed nothing

    const { serviceAccount: disabled } = await api.disableServiceAccount(
      { serviceAccountId: id, reason: '系统已下线' },
      admin,
    );
    expect(disabled).toMatchObject({ status: I.StaffStatus.STAFF_STATUS_DISABLED });
    await expect(clientToken(request.clientId, rotated.clientSecret)).rejects.toThrow(/401|400/);
    const repeat = await api.disableServiceAccount({ serviceAccountId: id, reason: '再次停用' }, admin);
    expect(repeat.serviceAccount).toEqual(disabled);
    const rotateDisabled = await grpcFailure(api.rotateServiceAccountSecret({ serviceAccountId: id }, admin));
    expect(rotateDisabled).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'SERVICE_ACCOUNT_DISABLED' });
    const recreate = await grpcFailure(api.createServiceAccount(request, admin));
    expect(recreate).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'SERVICE_ACCOUNT_DISABLED' });
    await expect(clientToken(request.clientId, rotated.clientSecret)).rejects.toThrow(/401|400/);
    const event = await onlyEvent(SERVICE_ACCOUNT_TOPIC, id, 'govhall.identity.v1.ServiceAccountDisabled');
    expect(
      await mongo.db(identity.db).collection('service_accounts').findOne({ clientId: request.clientId }),
    ).toMatchObject({ status: 'disabled', version: event.aggregateVersion });
  });

  it('changing a member of staff’s roles takes effect at the next login; a stale version and one’s own roles are refused', async () => {
    const admin = await userToken('yc-admin');
    const request = staffRequest({ roles: ['window_clerk'] });
    const { staff } = await api.createStaff(request, admin);
    expect(claims(await userToken(request.username, { password: PASSWORD })).roles).toContain('window_clerk');

    const stale = await grpcFailure(
      api.changeStaffRoles(
        { staffId: staff!.id, roles: ['reviewer'], department: '620321-SCJG', expectedVersion: staff!.version - 1 },
        admin,
      ),
    );
    expect(stale.code).toBe(status.ABORTED);
    const none = await grpcFailure(
      api.changeStaffRoles(
        { staffId: staff!.id, roles: [], department: '620321-SCJG', expectedVersion: staff!.version },
        admin,
      ),
    );
    expect(none.code).toBe(status.INVALID_ARGUMENT);
    expect(none.violations).toEqual([expect.objectContaining({ path: 'roles' })]);
    const secondAdmin = staffRequest({ roles: ['center_admin'], department: '' });
    const { staff: adminRecord } = await api.createStaff(secondAdmin, admin);
    const own = await grpcFailure(
      api.changeStaffRoles(
        {
          staffId: adminRecord!.id,
          roles: ['center_admin', 'supervisor'],
          department: '',
          expectedVersion: adminRecord!.version,
        },
        await userToken(secondAdmin.username, { password: PASSWORD }),
      ),
    );
    expect(own).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'CANNOT_CHANGE_OWN_ROLES' });
    expect((await api.getStaff(staff!.id, admin)).staff).toMatchObject({
      roles: ['window_clerk'],
      version: staff!.version,
    });

    const { staff: changed } = await api.changeStaffRoles(
      {
        staffId: staff!.id,
        roles: ['reviewer', 'approver'],
        department: '620321-SCJG',
        expectedVersion: staff!.version,
      },
      admin,
    );
    expect(changed).toMatchObject({ roles: ['reviewer', 'approver'], version: staff!.version + 1 });
    const roles = claims(await userToken(request.username, { password: PASSWORD })).roles as string[];
    expect(roles).toEqual(expect.arrayContaining(['reviewer', 'approver']));
    expect(roles).not.toContain('window_clerk');
    const event = await onlyEvent(STAFF_TOPIC, staff!.id, 'govhall.identity.v1.StaffRolesChanged');
    expect(I.StaffRolesChanged.decode(event.payload)).toMatchObject({
      previousRoles: ['window_clerk'],
      staff: { id: staff!.id, roles: ['reviewer', 'approver'], phone: masked(request.phone) },
    });
  });

  it('creates a member of staff: StaffCreated once with the phone masked, and the person logs in', async () => {
    const admin = await userToken('yc-admin');
    const request = staffRequest({ displayName: '吴十', roles: ['window_clerk', 'reviewer'] });
    const { staff } = await api.createStaff(request, admin);
    expect(staff).toMatchObject({
      tenant: '620321',
      department: '620321-SCJG',
      username: request.username,
      displayName: '吴十',
      phone: request.phone,
      status: I.StaffStatus.STAFF_STATUS_ACTIVE,
    });
    expect(staff!.subject).not.toBe('');

    const event = await onlyEvent(STAFF_TOPIC, staff!.id, 'govhall.identity.v1.StaffCreated');
    expect(event).toMatchObject({ tenant: '620321', aggregateVersion: staff!.version });
    expect(event.actor).toMatchObject({ username: 'yc-admin', subject: claims(admin).sub });
    const published = I.StaffCreated.decode(event.payload).staff!;
    expect(published).toMatchObject({
      id: staff!.id,
      username: request.username,
      subject: staff!.subject,
      phone: masked(request.phone),
      status: I.StaffStatus.STAFF_STATUS_ACTIVE,
    });
    expect(published.phone).not.toContain(request.phone.slice(3, 7));

    const own = await userToken(request.username, { password: PASSWORD });
    expect(claims(own).sub).toBe(staff!.subject);
    const profile = await api.getMyProfile(own);
    expect(profile.profile?.$case).toBe('staff');
    expect(profile.profile?.value).toMatchObject({ id: staff!.id, phone: request.phone, roles: request.roles });
  });

  it('disabling a member of staff ends their sessions and refuses new logins', async () => {
    const admin = await userToken('yc-admin');
    const request = staffRequest();
    const { staff } = await api.createStaff(request, admin);
    const login = await tokenGrant({
      grant_type: 'password',
      username: request.username,
      password: PASSWORD,
      scope: 'openid',
    });
    expect(login.status).toBe(200);
    expect(login.body.refresh_token).toEqual(expect.any(String));

    const { staff: disabled } = await api.disableStaff({ staffId: staff!.id, reason: '调离本中心' }, admin);
    expect(disabled).toMatchObject({ status: I.StaffStatus.STAFF_STATUS_DISABLED, disabledReason: '调离本中心' });

    const refresh = await tokenGrant({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! });
    expect(refresh.status).toBe(400);
    expect(refresh.body.error).toBe('invalid_grant');
    const relogin = await tokenGrant({
      grant_type: 'password',
      username: request.username,
      password: PASSWORD,
      scope: 'openid',
    });
    expect(relogin.status).toBe(400);
    expect(relogin.body.error).toBe('invalid_grant');
    expect(relogin.body.access_token).toBeUndefined();

    expect((await api.getStaff(staff!.id, admin)).staff).toMatchObject({
      status: I.StaffStatus.STAFF_STATUS_DISABLED,
      disabledReason: '调离本中心',
    });
    const event = await onlyEvent(STAFF_TOPIC, staff!.id, 'govhall.identity.v1.StaffDisabled');
    expect(event.aggregateVersion).toBe(disabled!.version);
    expect(I.StaffDisabled.decode(event.payload).staff).toMatchObject({
      id: staff!.id,
      status: I.StaffStatus.STAFF_STATUS_DISABLED,
      phone: masked(request.phone),
    });
  });

  it('disabling a natural person ends their sessions and refuses new logins; refusals change nothing; NaturalPersonDisabled once', async () => {
    const admin = await userToken('yc-admin');
    const idNumber = newResidentIdNumber('620321');
    const phone = newPhone();
    const password = 'Apply2026d';
    const { person } = await api.registerNaturalPerson({
      tenant: '620321',
      name: '停用测试',
      idNumber,
      phone,
      password,
    });
    const login = await tokenGrant({ grant_type: 'password', username: idNumber, password, scope: 'openid' });
    expect(login.status).toBe(200);
    const disable = (reason: string, token = admin) =>
      callUnary<identityV1.DisableNaturalPersonRequest, identityV1.DisableNaturalPersonResponse>(
        client().disableNaturalPerson.bind(client()),
        { personId: person!.id, reason },
        options(token),
      );

    const blank = await grpcFailure(disable('\u200b \u200b'));
    expect([blank.code, blank.reason, blank.violations.map((v) => v.path)]).toEqual([
      status.INVALID_ARGUMENT,
      'VALIDATION_FAILED',
      ['reason'],
    ]);
    const sibling = await grpcFailure(disable('冒用他人身份', await userToken('jc-admin')));
    expect([sibling.code, sibling.reason]).toEqual([status.NOT_FOUND, 'NATURAL_PERSON_NOT_FOUND']);
    const clerkRefused = await grpcFailure(disable('冒用他人身份', await userToken('yc-clerk')));
    expect([clerkRefused.code, clerkRefused.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    expect(
      await mongo
        .db(identity.db)
        .collection('natural_persons')
        .findOne({ _id: person!.id as never }),
    ).toMatchObject({ status: 'active', version: person!.version });

    const { person: disabled } = await disable('冒用他人身份');
    expect(disabled).toMatchObject({
      status: I.NaturalPersonStatus.NATURAL_PERSON_STATUS_DISABLED,
      disabledReason: '冒用他人身份',
      idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`,
      phone: masked(phone),
    });
    expect((await disable('再次停用')).person).toEqual(disabled);

    const refresh = await tokenGrant({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! });
    expect([refresh.status, refresh.body.error]).toEqual([400, 'invalid_grant']);
    const relogin = await tokenGrant({ grant_type: 'password', username: idNumber, password, scope: 'openid' });
    expect([relogin.status, relogin.body.access_token]).toEqual([400, undefined]);

    const event = await onlyEvent(APPLICANT_TOPIC, person!.id, 'govhall.identity.v1.NaturalPersonDisabled');
    expect(event.aggregateVersion).toBe(disabled!.version);
    expect(event.actor).toMatchObject({ username: 'yc-admin' });
    expect(I.NaturalPersonDisabled.decode(event.payload).person).toMatchObject({
      id: person!.id,
      status: I.NaturalPersonStatus.NATURAL_PERSON_STATUS_DISABLED,
      idNumber: disabled!.idNumber,
      phone: masked(phone),
    });
  });

  it('bad input over gRPC is reported field by field and changes nothing', async () => {
    const admin = await userToken('yc-admin');
    const before = await staffCount('620321');
    const totalBefore = (await api.listStaff('620321', admin)).page?.total;
    const request = staffRequest({
      displayName: '吴',
      phone: '123',
      roles: ['window_clerk', 'god'],
      department: '620302-SCJG',
      initialPassword: 'short',
    });
    const bad = await grpcFailure(api.createStaff(request, admin));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.reason).toBe('VALIDATION_FAILED');
    expect(bad.violations.map((v) => [v.path, v.reason]).sort()).toEqual(
      [
        ['department', 'TENANT_MISMATCH'],
        ['displayName', 'LENGTH'],
        ['initialPassword', 'WEAK_PASSWORD'],
        ['phone', 'PATTERN'],
        ['roles[1]', 'UNKNOWN_ROLE'],
      ].sort(),
    );
    expect(bad.violations.every((v) => /\p{Script=Han}/u.test(v.message))).toBe(true);
    expect(await staffCount('620321')).toBe(before);
    expect((await api.listStaff('620321', admin)).page?.total).toBe(totalBefore);
    expect(await directory.findUserByUsername(request.username)).toBeUndefined();

    // A child tenant is created by the parent's center administrator; 620103 (七里河区) is not under 金昌市.
    const cityAdmin = await userToken('jc-city-admin');
    const tenantsBefore = await mongo.db(identity.db).collection('tenants').countDocuments();
    const wrongParent = await grpcFailure(
      api.createTenant(
        {
          code: '620103',
          name: '七里河区',
          level: I.TenantLevel.TENANT_LEVEL_UNSPECIFIED,
          parentCode: '620300',
          center,
        },
        cityAdmin,
      ),
    );
    expect(wrongParent.code).toBe(status.INVALID_ARGUMENT);
    expect(wrongParent.violations).toEqual([expect.objectContaining({ path: 'parentCode', reason: 'PARENT' })]);
    expect((await grpcFailure(api.getTenant('620103'))).code).toBe(status.NOT_FOUND);

    const duplicate = await grpcFailure(
      api.createTenant(
        {
          code: '620321',
          name: '永昌县',
          level: I.TenantLevel.TENANT_LEVEL_COUNTY,
          parentCode: '620300',
          center: { ...center, name: '永昌县政务服务中心' },
        },
        cityAdmin,
      ),
    );
    expect(duplicate.code).toBe(status.ALREADY_EXISTS);
    expect(duplicate.reason).toBe('TENANT_EXISTS');
    expect(await mongo.db(identity.db).collection('tenants').countDocuments()).toBe(tenantsBefore);
    expect((await api.getTenant('620321')).tenant).toMatchObject({ parentCode: '620300', version: 1 });
  });

  it('scope: no sibling tenant; a city administrator reads its counties but does not write in them', async () => {
    const county = await userToken('yc-admin');
    const city = await userToken('jc-city-admin');

    const sibling = await grpcFailure(api.listStaff('620302', county));
    expect(sibling.code).toBe(status.PERMISSION_DENIED);
    expect(sibling.reason).toBe('TENANT_OUT_OF_SCOPE');
    const siblingApplicants = await grpcFailure(api.listApplicants('620302', county));
    expect(siblingApplicants.code).toBe(status.PERMISSION_DENIED);
    expect(siblingApplicants.reason).toBe('TENANT_OUT_OF_SCOPE');

    const read = await api.listStaff('620321', city);
    expect(read.staff.find((s) => s.id === clerk.id)).toMatchObject({ phone: masked(clerkPhone) });
    expect(read.page?.total).toBe(await staffCount('620321'));
    const applicants = await api.listApplicants('620321', city);
    expect(applicants.applicants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: holder.id, kind: 'natural' }),
        expect.objectContaining({ id: legalPerson.id, kind: 'legal', identifier: legalPerson.creditCode }),
      ]),
    );
    expect(applicants.applicants.find((a) => a.id === holder.id)?.identifier).toBe(
      `${holder.idNumber.slice(0, 4)}**********${holder.idNumber.slice(-4)}`,
    );

    const before = await staffCount('620321');
    const request = staffRequest();
    const write = await grpcFailure(api.createStaff(request, city));
    expect(write.code).toBe(status.PERMISSION_DENIED);
    expect(write.reason).toBe('TENANT_OUT_OF_SCOPE');
    expect(await staffCount('620321')).toBe(before);
    expect(await directory.findUserByUsername(request.username)).toBeUndefined();
  });

  it('says verified: false in both registration answers when only the format was checked (the default verifier)', () => {
    expect(holder.verification).toMatchObject({ method: 'format-only', verified: false });
    expect(holder.verification?.note).toContain('未与公安人口库核验');
    expect(legalPerson.verification).toMatchObject({ method: 'format-only', verified: false });
  });

  it('lets only the legal representative register a legal person: anyone else is refused in Chinese, nothing stored', async () => {
    const idNumber = newResidentIdNumber('620321');
    const password = 'Apply2026y';
    await api.registerNaturalPerson({ tenant: '620321', name: '赵职员', idNumber, phone: newPhone(), password });
    const creditCode = newCreditCode('620321');
    const refused = await grpcFailure(
      api.registerLegalPerson(
        {
          tenant: '620321',
          name: '永昌县别人的商店',
          creditCode,
          legalRepresentativeName: '张测试',
          legalRepresentativeIdNumber: holder.idNumber,
        },
        await userToken(idNumber, { password }),
      ),
    );
    expect([refused.code, refused.reason]).toEqual([status.PERMISSION_DENIED, 'NOT_LEGAL_REPRESENTATIVE']);
    expect(refused.message).toContain('只有法定代表人本人可以登记法人');
    expect(await mongo.db(identity.db).collection('legal_persons').countDocuments({ creditCode })).toBe(0);
  });

  it('authorises agents only for departments seated in the legal person’s tenant (identity’s own departments)', async () => {
    const agentId = newResidentIdNumber('620321');
    await api.registerNaturalPerson({
      tenant: '620321',
      name: '钱经办',
      idNumber: agentId,
      phone: newPhone(),
      password: 'Apply2026z',
    });
    const authorize = async (departments: string[]) =>
      callUnary<identityV1.AuthorizeAgentRequest, identityV1.AuthorizeAgentResponse>(
        client().authorizeAgent.bind(client()),
        {
          legalPersonId: legalPerson.id,
          agentIdNumber: agentId,
          scope: { allDepartments: false, departments, itemCodes: [] },
          validUntil: '',
        },
        bearer(await holderToken()),
      );
    const refused = await grpcFailure(authorize(['620321-SCJG', '620302-SCJG']));
    expect([refused.code, refused.reason]).toEqual([status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(refused.violations.map((v) => [v.path, v.reason])).toEqual([['scope.departments.1', 'UNKNOWN_DEPARTMENT']]);
    const stored = await mongo
      .db(identity.db)
      .collection('legal_persons')
      .findOne({ _id: legalPerson.id as never });
    expect(stored?.agents ?? []).toHaveLength(0);
    const granted = await authorize(['620321-SCJG']);
    expect(granted.grant?.scope?.departments).toEqual(['620321-SCJG']);
  });
});
