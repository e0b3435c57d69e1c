import { randomInt } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import {
  MongoClient,
  bearer,
  grpcFailure,
  stack,
  startEventReader,
  startIdentity,
  userToken,
  waitFor,
  type EventReader,
  type IdentityUnderTest,
} from '@govhall/testing';

// An administrator edits what the center already has: a department's name and a window's number, name,
// departments and location. The identity service runs as its own process on a fresh seeded database; events
// are read back from Kafka.
const TENANT_TOPIC = 'govhall.identity.tenant';

let identity: IdentityUnderTest;
let mongo: MongoClient;
let events: EventReader;

const unary =
  <Req, Res>(method: keyof identityV1.IdentityServiceClient) =>
  (req: Req, token: string) => {
    const client = identity.client as unknown as Record<string, (...args: unknown[]) => unknown>;
    return callUnary<Req, Res>(client[method]!.bind(identity.client) as never, req, bearer(token));
  };
const api = {
  createDepartment: unary<identityV1.CreateDepartmentRequest, identityV1.CreateDepartmentResponse>('createDepartment'),
  updateDepartment: unary<identityV1.UpdateDepartmentRequest, identityV1.UpdateDepartmentResponse>('updateDepartment'),
  createStaff: unary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>('createStaff'),
  listWindows: unary<identityV1.ListWindowsRequest, identityV1.ListWindowsResponse>('listWindows'),
  createWindow: unary<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>('createWindow'),
  updateWindow: unary<identityV1.UpdateWindowRequest, identityV1.UpdateWindowResponse>('updateWindow'),
};
const db = () => mongo.db(identity.db);

/** Waits for the event of an aggregate and for its document's outbox to be relayed. */
async function eventOf(collection: string, aggregateId: string, type: string) {
  await waitFor(async () => events.of(TENANT_TOPIC, aggregateId, type).length > 0, {
    timeoutMs: 30_000,
    what: `${type} of ${aggregateId}`,
  });
  await waitFor(
    async () =>
      ((await db().collection<{ _id: string; outbox: unknown[] }>(collection).findOne({ _id: aggregateId }))?.outbox
        .length ?? 1) === 0,
    { what: `an empty outbox of ${aggregateId}` },
  );
  return events.of(TENANT_TOPIC, aggregateId, type);
}

beforeAll(async () => {
  [identity, mongo, events] = await Promise.all([
    startIdentity(),
    MongoClient.connect(stack.mongoUri),
    startEventReader([{ topic: TENANT_TOPIC, partitions: 3 }]),
  ]);
}, 120_000);

afterAll(async () => {
  await events?.stop();
  await identity?.stop();
  if (identity) await db().dropDatabase();
  await mongo?.close();
});

describe('editing departments and windows against the real stack', () => {
  it('renames a department (code kept, DepartmentUpdated once); a bad name or a stale version changes nothing', async () => {
    const admin = await userToken('yc-admin');
    const abbreviation = `T${randomInt(100000, 999999)}`;
    const created = (await api.createDepartment({ tenant: '620321', abbreviation, name: '永昌县测试局' }, admin))
      .department!;

    const bad = await grpcFailure(api.updateDepartment({ code: created.code, name: '局', expectedVersion: 1 }, admin));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations).toEqual([expect.objectContaining({ path: 'name' })]);
    expect(bad.violations[0]!.message).toMatch(/\p{Script=Han}/u);

    const renamed = (
      await api.updateDepartment({ code: created.code, name: '永昌县测试管理局', expectedVersion: 1 }, admin)
    ).department!;
    expect(renamed).toMatchObject({ code: created.code, name: '永昌县测试管理局', version: 2 });
    expect(
      await db()
        .collection('departments')
        .findOne({ _id: created.code as never }),
    ).toMatchObject({
      name: '永昌县测试管理局',
      version: 2,
    });

    const stale = await grpcFailure(
      api.updateDepartment({ code: created.code, name: '永昌县另一个名字', expectedVersion: 1 }, admin),
    );
    expect(stale.code).toBe(status.ABORTED);
    const clerk = await grpcFailure(
      api.updateDepartment(
        { code: created.code, name: '永昌县另一个名字', expectedVersion: 2 },
        await userToken('yc-clerk'),
      ),
    );
    expect(clerk.code).toBe(status.PERMISSION_DENIED);
    expect(
      await db()
        .collection('departments')
        .findOne({ _id: created.code as never }),
    ).toMatchObject({
      name: '永昌县测试管理局',
      version: 2,
    });
    const updated = await eventOf('departments', created.code, 'govhall.identity.v1.DepartmentUpdated');
    expect(updated).toHaveLength(1);
    expect(identityV1.DepartmentUpdated.decode(updated[0]!.envelope.payload).department).toMatchObject({
      name: '永昌县测试管理局',
    });
  });

  it('changes a window, keeps its posts; a department its people are not in, or a taken number, changes nothing', async () => {
    const admin = await userToken('yc-admin');
    const clerk = async () =>
      (
        await api.createStaff(
          {
            tenant: '620321',
            department: '620321-SCJG',
            username: `edit-${randomInt(1e9, 1e10 - 1)}`,
            displayName: '测试窗口员',
            phone: `139${randomInt(1e7, 1e8 - 1)}`,
            roles: ['window_clerk'],
            initialPassword: 'Start2026x',
            permanentPassword: true,
          },
          admin,
        )
      ).staff!;
    const [a, b] = [await clerk(), await clerk()];
    const seeded = { department: '620321-SCJG', aPostStaffId: a.id, bPostStaffId: b.id };
    const number = `C${randomInt(100, 999)}`;
    const window = (
      await api.createWindow(
        {
          tenant: '620321',
          number,
          name: '测试窗口',
          kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
          department: seeded.department,
          servesDepartments: [],
          aPostStaffId: seeded.aPostStaffId,
          bPostStaffId: seeded.bPostStaffId,
          location: '二楼',
        },
        admin,
      )
    ).window!;
    const base: identityV1.UpdateWindowRequest = {
      windowId: window.id,
      number: window.number,
      name: window.name,
      kind: window.kind,
      department: window.department,
      servesDepartments: window.servesDepartments,
      location: window.location,
      expectedVersion: 1,
    };

    const moved = await grpcFailure(
      api.updateWindow({ ...base, department: '620321-RSJ', servesDepartments: ['620321-RSJ'] }, admin),
    );
    expect(moved.code).toBe(status.INVALID_ARGUMENT);
    expect(moved.violations.map((v) => [v.path, v.reason])).toEqual([
      ['department', 'DEPARTMENT_MISMATCH'],
      ['department', 'DEPARTMENT_MISMATCH'],
    ]);
    const other = `D${randomInt(100, 999)}`;
    await api.createWindow({ ...base, tenant: '620321', number: other, aPostStaffId: b.id, bPostStaffId: a.id }, admin);
    const taken = await grpcFailure(api.updateWindow({ ...base, number: other }, admin));
    expect(taken.code).toBe(status.ALREADY_EXISTS);
    expect(taken.reason).toBe('WINDOW_NUMBER_TAKEN');
    expect(
      await db()
        .collection('windows')
        .findOne({ _id: window.id as never }),
    ).toMatchObject({
      number,
      department: seeded.department,
      version: 1,
    });

    const changed = (
      await api.updateWindow(
        {
          ...base,
          name: '综合测试窗口',
          kind: identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE,
          servesDepartments: [seeded.department, '620321-RSJ'],
          location: '二楼东侧',
        },
        admin,
      )
    ).window!;
    expect(changed).toMatchObject({
      number,
      name: '综合测试窗口',
      kind: identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE,
      servesDepartments: [seeded.department, '620321-RSJ'],
      aPostStaffId: seeded.aPostStaffId,
      bPostStaffId: seeded.bPostStaffId,
      location: '二楼东侧',
      version: 2,
    });
    const listed = (await api.listWindows({ tenant: '620321' }, admin)).windows.find((w) => w.id === window.id);
    expect(listed).toMatchObject({ name: '综合测试窗口', version: 2 });
    expect(await eventOf('windows', window.id, 'govhall.identity.v1.WindowUpdated')).toHaveLength(1);
  });
});
