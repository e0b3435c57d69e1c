import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary } from '@govhall/grpc';
import { toDocument } from '@govhall/mongo';
import { catalogueV1 } from '@govhall/proto';
import {
  grpcFailure,
  MongoClient,
  clientToken,
  stack,
  uniqueSuffix,
  userToken,
  startIdentity,
  startCatalogue,
  type CatalogueUnderTest,
  type IdentityUnderTest,
} from '@govhall/testing';
import type { Item } from '../src/domain/item';
import { validItemFixture } from '../src/domain/item.test-double';

// Catalogue over gRPC, as a third-party department system or another service calls it: its own process,
// the real database, Kafka and Keycloak.
let catalogue: CatalogueUnderTest;
// The guide names tenants and departments by asking identity (ADR 0017): a real one, with the seeded tenant tree.
let identity: IdentityUnderTest;
let client: catalogueV1.CatalogueServiceClient;
const db = `govhall_catalogue_g${uniqueSuffix()}`;

beforeAll(async () => {
  identity = await startIdentity();
  catalogue = await startCatalogue({
    name: 'catalogue-grpc',
    db,
    env: { GOVHALL_TENANTS: '620321,620302', IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}` },
  });
  client = catalogue.client;
});

afterAll(async () => {
  await catalogue?.stop();
  await identity?.stop();
});

const request = (overrides: Partial<catalogueV1.CreateDraftItemRequest> = {}): catalogueV1.CreateDraftItemRequest => ({
  idempotencyKey: `g-${randomBytes(8).toString('hex')}`,
  tenant: '620321',
  name: '药品零售企业许可',
  basicCode: '000125019000',
  kind: '01',
  handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
  department: '620321-SCJG',
  ...overrides,
});

const create = (req: catalogueV1.CreateDraftItemRequest, token?: string) =>
  callUnary<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
    client.createDraftItem.bind(client),
    req,
    { authorization: token ? `Bearer ${token}` : undefined },
  );

describe('catalogue gRPC API', () => {
  it('answers UNAUTHENTICATED without a token and PERMISSION_DENIED for a service account', async () => {
    expect((await grpcFailure(create(request()))).code).toBe(status.UNAUTHENTICATED);
    const dept = await clientToken('govhall-dept-demo', 'govhall-dept-demo-secret');
    const denied = await grpcFailure(create(request(), dept));
    expect(denied.code).toBe(status.PERMISSION_DENIED);
    expect(denied.reason).toBe('ROLE_REQUIRED');
  });

  it('reports every bad field as google.rpc.BadRequest and stores nothing', async () => {
    const token = await userToken('yc-admin');
    const bad = await grpcFailure(
      create(
        request({
          tenant: '6203',
          basicCode: 'x',
          handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_UNSPECIFIED,
          idempotencyKey: 'short',
        }),
        token,
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.reason).toBe('VALIDATION_FAILED');
    expect(bad.violations.map((v) => v.path)).toEqual(
      expect.arrayContaining(['tenant', 'basicCode', 'handlingCategory', 'idempotencyKey']),
    );
    const mongo = await MongoClient.connect(stack.mongoUri);
    try {
      expect(await mongo.db(db).collection('items').countDocuments()).toBe(0);
    } finally {
      await mongo.close();
    }
  });

  it('refuses a tenant the deployment does not host with FAILED_PRECONDITION', async () => {
    const token = await userToken('jc-city-admin'); // 金昌市 620300 is not in GOVHALL_TENANTS here
    const refused = await grpcFailure(create(request({ tenant: '620300', department: '620300-SCJG' }), token));
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.reason).toBe('TENANT_NOT_HOSTED');
  });

  it('shows a draft to staff of its tenant only (anonymous: UNAUTHENTICATED, a department system: NOT_FOUND)', async () => {
    const token = await userToken('yc-admin');
    const { item } = await create(request(), token);
    const get = (t?: string) =>
      callUnary<catalogueV1.GetItemRequest, catalogueV1.GetItemResponse>(
        client.getItem.bind(client),
        { id: item!.id },
        { authorization: t ? `Bearer ${t}` : undefined },
      );
    expect((await get(token)).item?.status).toBe(catalogueV1.ItemStatus.ITEM_STATUS_DRAFT);
    expect((await grpcFailure(get())).code).toBe(status.UNAUTHENTICATED);
    const dept = await clientToken('govhall-dept-demo', 'govhall-dept-demo-secret');
    const denied = await grpcFailure(get(dept));
    expect([denied.code, denied.reason]).toEqual([status.NOT_FOUND, 'ITEM_NOT_FOUND']);
    const clerk = await userToken('yc-clerk');
    expect((await get(clerk)).item?.id).toBe(item!.id);
  });

  it('refuses a second item with a basic code the tenant has, even when the creates race (ALREADY_EXISTS)', async () => {
    const token = await userToken('yc-admin');
    const basicCode = `0001${String(Date.now()).slice(-8)}`;
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => create(request({ basicCode, name: `并发创建测试事项${i}` }), token)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        const failure = await grpcFailure(Promise.reject(r.reason));
        expect([failure.code, failure.reason]).toEqual([status.ALREADY_EXISTS, 'BASIC_CODE_TAKEN']);
        expect(failure.message).toContain('新建版本');
      }
    }
    const later = await grpcFailure(create(request({ basicCode, name: '另一个同编码事项' }), token));
    expect([later.code, later.reason]).toEqual([status.ALREADY_EXISTS, 'BASIC_CODE_TAKEN']);
    expect(later.violations).toEqual([{ path: 'basicCode', reason: 'BASIC_CODE_TAKEN', message: later.message }]);
    await withItems(async (items) => expect(await items.countDocuments({ tenant: '620321', basicCode })).toBe(1));
  });

  it('answers anonymous callers the public view of a published item: no author, editor, submitter or reviewer', async () => {
    const item = fixture('published', {
      createdBy: 'yc-admin',
      editedBy: ['yc-admin', 'yc-editor'],
      submittedBy: 'yc-editor',
      reviews: [{ approved: true, comments: '同意（审核人李四）', reviewer: 'yc-reviewer', at: new Date() }],
    });
    await withItems((items) =>
      items.insertOne(toDocument(item, { idempotencyKey: `fx-${item.id}`, outbox: [] }) as never),
    );
    const published = await callUnary<catalogueV1.GetPublishedItemRequest, catalogueV1.GetPublishedItemResponse>(
      client.getPublishedItem.bind(client),
      { id: item.id },
      {},
    );
    expect(published.item).toMatchObject({ id: item.id, createdBy: '', submittedBy: '', editedBy: [], reviews: [] });
    const guide = await callUnary<catalogueV1.GetGuideRequest, catalogueV1.GetGuideResponse>(
      client.getGuide.bind(client),
      { id: item.id },
      {},
    );
    expect(guide.guide?.item).toMatchObject({ createdBy: '', submittedBy: '', editedBy: [], reviews: [] });
    for (const answer of [published, guide]) {
      expect(JSON.stringify(answer)).not.toMatch(/yc-admin|yc-editor|yc-reviewer|李四/);
    }
    // Staff reading it through GetItem still see who wrote and reviewed it.
    const staff = await callUnary<catalogueV1.GetItemRequest, catalogueV1.GetItemResponse>(
      client.getItem.bind(client),
      { id: item.id },
      { authorization: `Bearer ${await userToken('yc-admin')}` },
    );
    expect(staff.item).toMatchObject({
      createdBy: 'yc-admin',
      submittedBy: 'yc-editor',
      editedBy: ['yc-admin', 'yc-editor'],
    });
  });

  it('answers anonymous callers which basic codes a tenant has a published item for (FindPublishedItemCodes)', async () => {
    const published = fixture('published', {});
    const draft = fixture('draft', {});
    const retired = fixture('retired', { retiredReason: '职能调整' });
    const ofTheDistrict = fixture('published', { tenant: '620302', department: '620302-SCJG' });
    await withItems((items) =>
      items.insertMany(
        [published, draft, retired, ofTheDistrict].map(
          (item) => toDocument(item, { idempotencyKey: `fx-${item.id}`, outbox: [] }) as never,
        ),
      ),
    );
    const find = (tenant: string, basicCodes: string[]) =>
      callUnary<catalogueV1.FindPublishedItemCodesRequest, catalogueV1.FindPublishedItemCodesResponse>(
        client.findPublishedItemCodes.bind(client),
        { tenant, basicCodes },
        {},
      );
    const codes = [ofTheDistrict.basicCode, retired.basicCode, published.basicCode, draft.basicCode];
    expect((await find('620321', codes)).basicCodes).toEqual([published.basicCode]);
    expect((await find('620302', codes)).basicCodes).toEqual([ofTheDistrict.basicCode]);
    const bad = await grpcFailure(find('620321', ['000117012000', 'abc']));
    expect([bad.code, bad.violations.map((v) => v.path)]).toEqual([status.INVALID_ARGUMENT, ['basicCodes.1']]);
  });

  it('four eyes: an administrator who edited a submitted edition may not approve it (FAILED_PRECONDITION SELF_REVIEW)', async () => {
    // Written by yc-admin and another administrator, submitted by the other one.
    const item = fixture('submitted', {
      createdBy: 'yc-other-admin',
      editedBy: ['yc-other-admin', 'yc-admin'],
      submittedBy: 'yc-other-admin',
      submittedAt: new Date(),
    });
    await withItems((items) =>
      items.insertOne(toDocument(item, { idempotencyKey: `fx-${item.id}`, outbox: [] }) as never),
    );
    const refused = await grpcFailure(
      callUnary<catalogueV1.ReviewItemRequest, catalogueV1.ReviewItemResponse>(
        client.reviewItem.bind(client),
        { id: item.id, expectedVersion: item.version, approve: true, comments: '' },
        { authorization: `Bearer ${await userToken('yc-admin')}` },
      ),
    );
    expect([refused.code, refused.reason]).toEqual([status.FAILED_PRECONDITION, 'SELF_REVIEW']);
    await withItems(async (items) =>
      expect(await items.findOne({ _id: item.id as never })).toMatchObject({
        status: 'submitted',
        version: item.version,
      }),
    );
  });
});

/** A complete item of 620321 with its own id and basic code, in the given state (stored straight as a fixture). */
function fixture(status: Item['status'], overrides: Partial<Item>): Item {
  const n = randomBytes(6).toString('hex');
  const id = `${n.slice(0, 8)}-0000-4000-8000-${n.slice(0, 4)}${randomBytes(4).toString('hex')}`;
  const basicCode = `0009${String(parseInt(n, 16) % 1e8).padStart(8, '0')}`;
  return validItemFixture({ id, seriesId: id, basicCode, status, version: 3, ...overrides });
}

async function withItems<T>(use: (items: ReturnType<ReturnType<MongoClient['db']>['collection']>) => Promise<T>) {
  const mongo = await MongoClient.connect(stack.mongoUri);
  try {
    return await use(mongo.db(db).collection('items'));
  } finally {
    await mongo.close();
  }
}
