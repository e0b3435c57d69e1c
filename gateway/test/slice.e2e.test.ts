import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import { REPO_ROOT, MongoClient, clientToken, stack, userToken, waitFor } from '@govhall/testing';
import { startSliceStack, type SliceStack } from './slice-stack';

let slice: SliceStack;
let supervision: supervisionV1.SupervisionServiceClient;
let serviceToken: string;

const draft = (overrides: Record<string, unknown> = {}) => ({
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: 'promised',
  department: '620321-SCJG',
  ...overrides,
});
const newKey = () => `it-${randomBytes(8).toString('hex')}`;

async function post(body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${slice.gatewayUrl}/api/v1/catalogue/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, any>,
  };
}

async function outboxOf(itemId: string): Promise<unknown[]> {
  const mongo = await MongoClient.connect(stack.mongoUri);
  try {
    const doc = await mongo
      .db(slice.catalogueDb)
      .collection('items')
      .findOne({ _id: itemId as never });
    return (doc?.outbox as unknown[]) ?? [];
  } finally {
    await mongo.close();
  }
}

async function recorded(aggregateId: string) {
  const res = await callUnary<supervisionV1.ListRecordedEventsRequest, supervisionV1.ListRecordedEventsResponse>(
    supervision.listRecordedEvents.bind(supervision),
    { aggregateId },
    { authorization: `Bearer ${serviceToken}` },
  );
  return res.events;
}

beforeAll(async () => {
  slice = await startSliceStack();
  supervision = createGrpcClient(supervisionV1.SupervisionServiceClient, slice.supervisionAddr, {
    serviceName: 'govhall.supervision.v1.SupervisionService',
    idempotentMethods: ['ListRecordedEvents'],
  });
  serviceToken = await clientToken('govhall-internal', 'govhall-internal-secret');
});

afterAll(async () => {
  supervision?.close();
  await slice?.stop();
});

describe('the foundation slice: gateway → catalogue (gRPC, MongoDB outbox) → Kafka → supervision', () => {
  it('drafts an item, reads it back, and supervision records exactly one event in the same trace', async () => {
    const token = await userToken('yc-admin');
    const traceId = randomBytes(16).toString('hex');
    const created = await post(draft(), {
      authorization: `Bearer ${token}`,
      'idempotency-key': newKey(),
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '食品经营许可', status: 'draft', version: 1, tenant: '620321' });

    const read = await fetch(`${slice.gatewayUrl}/api/v1/catalogue/items/${created.body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: created.body.id, basicCode: '000172028000' });

    const events = await waitFor(
      async () => {
        const e = await recorded(created.body.id);
        return e.length > 0 && e;
      },
      { what: 'supervision to record the event' },
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'govhall.catalogue.v1.ItemDraftCreated',
      tenant: '620321',
      aggregateVersion: 1,
      topic: 'govhall.catalogue.item',
    });
    // Once Kafka acknowledged it, the event leaves the item's outbox (and is not sent again).
    await waitFor(async () => (await outboxOf(created.body.id)).length === 0, { what: 'the outbox to empty' });

    // The trace connects gateway → gRPC → Kafka → consumer.
    const services = await waitFor(
      async () => {
        const inTrace = slice.otlp.spans.filter((s) => s.traceId === traceId);
        const byService = new Set(inTrace.map((s) => s.service));
        const consumer = inTrace.some((s) => s.service === 'supervision' && s.kind === 5);
        const producer = inTrace.some((s) => s.service === 'catalogue' && s.kind === 4);
        return byService.has('gateway') && consumer && producer && inTrace;
      },
      { what: 'spans of gateway, catalogue producer and supervision consumer in one trace' },
    );
    const kinds = services.map((s) => `${s.service}:${s.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['gateway:2', 'catalogue:2', 'catalogue:4', 'supervision:5']));
  });

  it('answers a retried create with the same item and publishes one event', async () => {
    const token = await userToken('yc-admin');
    const key = newKey();
    const first = await post(draft({ name: '公共场所卫生许可', basicCode: '000117022000' }), {
      authorization: `Bearer ${token}`,
      'idempotency-key': key,
    });
    const second = await post(draft({ name: '公共场所卫生许可', basicCode: '000117022000' }), {
      authorization: `Bearer ${token}`,
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const reused = await post(draft({ name: '排污许可' }), {
      authorization: `Bearer ${token}`,
      'idempotency-key': key,
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await waitFor(async () => (await recorded(first.body.id)).length > 0, { what: 'event recorded' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await recorded(first.body.id)).toHaveLength(1);
  });

  it('rejects bad input with problem+json naming each field, and stores nothing', async () => {
    const token = await userToken('yc-admin');
    const mongo = await MongoClient.connect(stack.mongoUri);
    try {
      const items = mongo.db(slice.catalogueDb).collection('items');
      const before = await items.countDocuments();
      const bad = await post(draft({ basicCode: '12', kind: '99', handlingCategory: 'fast', extra: 1 }), {
        authorization: `Bearer ${token}`,
        'idempotency-key': newKey(),
      });
      expect(bad.status).toBe(400);
      expect(bad.type).toContain('application/problem+json');
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['basicCode', 'kind', 'handlingCategory', 'extra']));

      const noKey = await post(draft(), { authorization: `Bearer ${token}` });
      expect(noKey.status).toBe(400);
      expect(noKey.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'headers.idempotency-key' })]),
      );

      // The service validates again: a department of another tenant passes the edge's shape check only.
      const wrongDept = await post(draft({ department: '620302-SCJG' }), {
        authorization: `Bearer ${token}`,
        'idempotency-key': newKey(),
      });
      expect(wrongDept.status).toBe(400);
      expect(wrongDept.body.errors).toEqual([
        expect.objectContaining({ path: 'department', reason: 'TENANT_MISMATCH' }),
      ]);
      expect(await items.countDocuments()).toBe(before);
    } finally {
      await mongo.close();
    }
  });

  it('answers 401 for no token, an expired token and a token of another realm; 403 without the role or tenant', async () => {
    const body = draft();
    const none = await post(body, { 'idempotency-key': newKey() });
    expect(none.status).toBe(401);
    expect(none.type).toContain('application/problem+json');
    expect(none.body.code).toBe('TOKEN_MISSING');

    const shortLived = await userToken('yc-admin', { clientId: 'govhall-test-shortlived' });
    await new Promise((r) => setTimeout(r, 4_500));
    const expired = await post(body, { authorization: `Bearer ${shortLived}`, 'idempotency-key': newKey() });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');

    const foreign = await userToken('stranger', { realm: 'elsewhere', clientId: 'govhall-portal' });
    const other = await post(body, { authorization: `Bearer ${foreign}`, 'idempotency-key': newKey() });
    expect(other.status).toBe(401);
    expect(other.body.code).toBe('TOKEN_INVALID');

    const noRole = await post(body, {
      authorization: `Bearer ${await userToken('no-role')}`,
      'idempotency-key': newKey(),
    });
    expect(noRole.status).toBe(403);
    expect(noRole.type).toContain('application/problem+json');
    expect(noRole.body.code).toBe('ROLE_REQUIRED');

    // jc-admin is a center administrator of 金川区 (620302): not of 永昌县 (620321).
    const otherTenant = await post(body, {
      authorization: `Bearer ${await userToken('jc-admin')}`,
      'idempotency-key': newKey(),
    });
    expect(otherTenant.status).toBe(403);
    expect(otherTenant.body.code).toBe('TENANT_OUT_OF_SCOPE');
  });

  it('loses no event when the Kafka broker is down for 10 seconds mid-flow', async () => {
    const localBroker = `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
    if (stack.kafkaBrokers !== localBroker || process.env.GOVHALL_EXTERNAL?.includes('kafka')) {
      throw new Error(`this test stops the local broker (deploy/stack); KAFKA_BROKERS points at ${stack.kafkaBrokers}`);
    }
    const token = await userToken('yc-admin');
    const stackScript = (cmd: string) =>
      execFileSync('bash', [path.join(REPO_ROOT, 'deploy/stack', `${cmd}.sh`), 'kafka'], { stdio: 'pipe' });
    stackScript('stop');
    let created;
    try {
      created = await post(draft({ name: '个体工商户设立登记', basicCode: '000109001000', kind: '07' }), {
        authorization: `Bearer ${token}`,
        'idempotency-key': newKey(),
      });
      expect(created.status).toBe(201);
      await new Promise((r) => setTimeout(r, 10_000));
      expect(await outboxOf(created.body.id)).toHaveLength(1); // still waiting in the outbox, not lost
    } finally {
      stackScript('start');
    }
    const events = await waitFor(
      async () => {
        const e = await recorded(created.body.id);
        return e.length > 0 && e;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the event to arrive after the broker came back' },
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await recorded(created.body.id)).toHaveLength(1);
    expect(events[0]!.type).toBe('govhall.catalogue.v1.ItemDraftCreated');
    expect(await outboxOf(created.body.id)).toHaveLength(0);
  }, 180_000);
});
