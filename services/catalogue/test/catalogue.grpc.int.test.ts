import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import {
  grpcFailure,
  MongoClient,
  clientToken,
  freePort,
  stack,
  startProcess,
  uniqueSuffix,
  userToken,
  type RunningProcess,
} from '@govhall/testing';

// Catalogue over gRPC, as a third-party department system or another service calls it: its own process,
// the real database, Kafka and Keycloak.
let catalogue: RunningProcess;
let client: catalogueV1.CatalogueServiceClient;
const db = `govhall_catalogue_g${uniqueSuffix()}`;

beforeAll(async () => {
  const port = await freePort();
  catalogue = await startProcess({
    name: 'catalogue-grpc',
    entry: 'services/catalogue/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: db,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
      GOVHALL_TENANTS: '620321,620302',
    },
    readyPort: port,
  });
  client = createGrpcClient(catalogueV1.CatalogueServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['GetItem'],
  });
});

afterAll(async () => {
  client?.close();
  await catalogue?.stop();
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
});
