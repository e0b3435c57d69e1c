import { randomBytes } from 'node:crypto';
import { callUnary } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { MongoClient, stack, userToken, waitFor } from '@govhall/testing';
import { KeycloakDirectory } from '../src/adapters/keycloak/keycloak-directory';
import { bearer, IDENTITY_ADMIN_SECRET, startIdentity, type IdentityUnderTest } from '@govhall/testing';

// ADR 0007: the process dies half-way through creating a member of staff (failpoints), comes back, and the
// reconciler leaves no orphan — neither a Keycloak login without a record nor a record without a login.
let identity: IdentityUnderTest;
let mongo: MongoClient;
const directory = new KeycloakDirectory({
  baseUrl: stack.keycloakUrl,
  realm: stack.realm,
  clientId: 'govhall-identity',
  clientSecret: IDENTITY_ADMIN_SECRET,
  logger: { debug: () => undefined, warn: () => undefined },
});

beforeAll(async () => {
  identity = await startIdentity({ RECONCILE_INTERVAL_MS: '1000', RECONCILE_AFTER_MS: '1000' });
  mongo = await MongoClient.connect(stack.mongoUri);
}, 120_000);

afterAll(async () => {
  await identity?.stop();
  await mongo?.close();
});

const staffRequest = (username: string): identityV1.CreateStaffRequest => ({
  tenant: '620321',
  department: '620321-SCJG',
  username,
  displayName: '吴十',
  phone: '13912345678',
  roles: ['window_clerk'],
  initialPassword: 'Start2026x',
  permanentPassword: true,
});

const records = (username: string) => mongo.db(identity.db).collection('staff').find({ username }).toArray();

async function createAndCrash(failpoint: string, username: string) {
  await identity.restart({ GOVHALL_FAILPOINTS: failpoint });
  const admin = await userToken('yc-admin');
  const call = callUnary(identity.client.createStaff.bind(identity.client), staffRequest(username), bearer(admin));
  await expect(call).rejects.toMatchObject({ code: expect.any(Number) });
  await waitFor(async () => identity.process.child.exitCode !== null || identity.process.child.signalCode !== null, {
    what: 'identity to die at the failpoint',
  });
  expect(identity.process.child.signalCode).toBe('SIGKILL');
  // Dead mid-flow: the record is still an intent.
  const [pending] = await records(username);
  expect(pending).toMatchObject({ status: 'provisioning' });
  return pending!;
}

it('a crash after Keycloak created the login: the reconciler adopts it and activates the record', async () => {
  const username = `saga-a-${randomBytes(3).toString('hex')}`;
  const pending = await createAndCrash('staff.after-directory-create', username);
  // Keycloak has the login, tagged with the record it belongs to.
  expect((await directory.findUserByUsername(username))?.attributes.govhall_ref).toBe(`staff:${String(pending._id)}`);
  await identity.restart({});

  const active = await waitFor(async () => (await records(username)).find((r) => r.status === 'active'), {
    timeoutMs: 30_000,
    what: 'the reconciler to activate the record',
  });
  const user = await directory.findUserByUsername(username);
  expect(user?.attributes.govhall_ref).toBe(`staff:${String(active._id)}`);
  expect(active.subject).toBe(user?.id);
  expect(await records(username)).toHaveLength(1);
  // The person can log in with the password given in the interrupted request.
  await expect(userToken(username, { password: 'Start2026x' })).resolves.toEqual(expect.any(String));
}, 90_000);

it('a crash before Keycloak was called: the reconciler removes the record, no login exists', async () => {
  const username = `saga-b-${randomBytes(3).toString('hex')}`;
  await createAndCrash('staff.after-record', username);
  expect(await directory.findUserByUsername(username)).toBeUndefined();
  await identity.restart({});
  await waitFor(async () => (await records(username)).length === 0, {
    timeoutMs: 30_000,
    what: 'the reconciler to remove the orphan record',
  });
  expect(await directory.findUserByUsername(username)).toBeUndefined();

  // The administrator repeats the request and it succeeds.
  const admin = await userToken('yc-admin');
  const res = await callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
    identity.client.createStaff.bind(identity.client),
    staffRequest(username),
    bearer(admin),
  );
  expect(res.staff?.status).toBe(identityV1.StaffStatus.STAFF_STATUS_ACTIVE);
}, 90_000);
