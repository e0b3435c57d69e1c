import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import {
  freePort,
  MongoClient,
  stack,
  startProcess,
  uniqueSuffix,
  userToken,
  type RunningProcess,
} from '@govhall/testing';

// The local store (FerretDB 1.x) applies a version-guarded update by reading, changing and writing back, so two
// processes writing one database both "win" the same version and one acknowledged change is silently lost
// (ADR 0006). Each service therefore claims its database: a second instance on the same local database is
// refused at start. Without that claim this test fails: both processes accept an update at the same version.
const db = `govhall_catalogue_w${uniqueSuffix()}`;
const clients: catalogueV1.CatalogueServiceClient[] = [];
const processes: RunningProcess[] = [];

const env = async (grpcPort: number) => ({
  MONGODB_URI: stack.mongoUri,
  MONGODB_DB: db,
  KAFKA_BROKERS: stack.kafkaBrokers,
  KEYCLOAK_URL: stack.keycloakUrl,
  GRPC_HOST: '127.0.0.1',
  GRPC_PORT: String(grpcPort),
  METRICS_PORT: String(await freePort()),
  GOVHALL_TENANTS: '620321',
});

const clientAt = (port: number) => {
  const client = createGrpcClient(catalogueV1.CatalogueServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['GetItem'],
  });
  clients.push(client);
  return client;
};

afterAll(async () => {
  for (const client of clients) client.close();
  for (const p of processes) await p.stop();
  const mongo = await MongoClient.connect(stack.mongoUri);
  await mongo.db(db).dropDatabase();
  await mongo.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('one writer per database on the local store', () => {
  it('refuses a second catalogue on the same database, and every update the first acknowledged is kept', async () => {
    const token = await userToken('yc-admin');
    const portA = await freePort();
    processes.push(
      await startProcess({
        name: 'catalogue-writer-a',
        entry: 'services/catalogue/dist/main.js',
        env: await env(portA),
        readyPort: portA,
      }),
    );
    const a = clientAt(portA);

    // The second instance, on the same database.
    const portB = await freePort();
    let refusal = '';
    try {
      processes.push(
        await startProcess({
          name: 'catalogue-writer-b',
          entry: 'services/catalogue/dist/main.js',
          env: await env(portB),
          readyPort: portB,
          timeoutMs: 15_000,
        }),
      );
    } catch (e) {
      refusal = fs.readFileSync(`${stack.logDir}/test-catalogue-writer-b.log`, 'utf8');
      expect(String(e)).toMatch(/exited during start/);
    }
    const b = clientAt(portB); // when refused, every call to it fails unacknowledged

    // Twenty drafts; then, five times over, each draft's current version updated through both endpoints at once.
    const get = async (id: string) =>
      (await callUnary<catalogueV1.GetItemRequest, catalogueV1.GetItemResponse>(a.getItem.bind(a), { id }, auth(token)))
        .item!;
    const drafts: catalogueV1.Item[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await callUnary<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
        a.createDraftItem.bind(a),
        {
          idempotencyKey: `w-${randomBytes(8).toString('hex')}`,
          tenant: '620321',
          name: `两个写入者测试事项${i}`,
          basicCode: `0001250190${String(i).padStart(2, '0')}`, // one item per basic code per tenant
          kind: '01',
          handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
          department: '620321-SCJG',
        },
        auth(token),
      );
      drafts.push(created.item!);
    }
    const update = (client: catalogueV1.CatalogueServiceClient, item: catalogueV1.Item, name: string) =>
      callUnary<catalogueV1.UpdateDraftItemRequest, catalogueV1.UpdateDraftItemResponse>(
        client.updateDraftItem.bind(client),
        {
          id: item.id,
          expectedVersion: item.version,
          name,
          basicCode: item.basicCode,
          kind: item.kind,
          handlingCategory: item.handlingCategory,
          department: item.department,
          content: item.content,
        },
        { ...auth(token), deadlineMs: 10_000 },
      ).then(
        (r) => ({ acknowledged: true as const, name, version: r.item!.version }),
        () => ({ acknowledged: false as const, name, version: 0 }),
      );

    const acknowledgedPerDraft = drafts.map(() => 0);
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        drafts.map(async (draft, i) => {
          const current = await get(draft.id);
          const pair = await Promise.all([
            update(a, current, `经甲更新${i}-${round}`),
            update(b, current, `经乙更新${i}-${round}`),
          ]);
          const acknowledged = pair.filter((o) => o.acknowledged);
          // At most one writer may win a version: two acknowledgements mean one change was silently lost.
          expect({ draft: i, round, acknowledged: acknowledged.length }).toEqual({ draft: i, round, acknowledged: 1 });
          acknowledgedPerDraft[i] = acknowledgedPerDraft[i]! + acknowledged.length;
          expect((await get(draft.id)).name).toBe(acknowledged[0]!.name);
        }),
      );
    }
    for (const [i, draft] of drafts.entries()) {
      expect((await get(draft.id)).version).toBe(draft.version + acknowledgedPerDraft[i]!);
    }

    // The second instance said why it would not start, and answers nothing.
    expect(refusal).toMatch(/database govhall_catalogue_w\S+ is already written by catalogue \(pid \d+/);
    expect(refusal).toMatch(/one writer process per database/);
    expect((await update(b, drafts[0]!, '不应写入')).acknowledged).toBe(false);
  });
});
