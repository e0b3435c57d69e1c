import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import {
  clientToken,
  freePort,
  stack,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  type RunningProcess,
} from '@govhall/testing';
import { startCatalogueStack, type CatalogueStack } from './catalogue-stack';

/*
 * Issue 13: every GovHall gRPC server is usable by a department's developer with nothing but grpcurl — the tool
 * docs/department-systems.md shows. Each real service process is asked with the real grpcurl (built from the Go
 * module proxy by deploy/stack/provision.sh grpcurl): `list` names the service, health and reflection; `describe`
 * resolves the service and an imported type (govhall.common.v1.PageRequest); the standard health service answers
 * SERVING; and a call with a department's service-account token (created through identity as a center
 * administrator does) is answered — or refused with details grpcurl decodes (google/rpc/status.proto is served too).
 */

const run = promisify(execFile);
// deploy/stack/env.sh exports it; the default is where provision.sh builds it.
const GRPCURL =
  process.env.GRPCURL_BIN ??
  path.join(process.env.GOVHALL_CACHE ?? path.join(homedir(), '.cache/govhall'), 'grpcurl-v1.9.3/grpcurl');
const TENANT = '620321';

async function grpcurl(...args: string[]): Promise<string> {
  const { stdout } = await run(GRPCURL, ['-plaintext', ...args], { timeout: 20_000 });
  return stdout;
}

let world: CatalogueStack;
let jointReview: RunningProcess;
let jointReviewAddr: string;
let serviceToken: string;

beforeAll(async () => {
  if (!existsSync(GRPCURL)) {
    throw new Error(`grpcurl is missing at "${GRPCURL}": run bash deploy/stack/provision.sh grpcurl`);
  }
  world = await startCatalogueStack({ applications: {}, supervision: {} });
  const suffix = uniqueSuffix();
  const [port, metrics] = await Promise.all([freePort(), freePort()]);
  const group = `joint-review-cases-e${suffix}`;
  await startGroupAtTopicEnd(group, ['govhall.applications.case']);
  jointReviewAddr = `127.0.0.1:${port}`;
  jointReview = await startProcess({
    name: 'joint-review-reflection',
    entry: 'services/joint-review/dist/main.js',
    readyPort: port,
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `govhall_joint_review_e${suffix}`,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_PORT: String(port),
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(metrics),
      CATALOGUE_GRPC_ADDR: world.catalogueAddr,
      IDENTITY_GRPC_ADDR: world.identityAddr,
      APPLICATIONS_GRPC_ADDR: world.applicationsAddr!,
      CASE_STREAM_GROUP_ID: group,
    },
  });
  // A department's own approval system, registered by the county's center administrator.
  const identity = createGrpcClient(identityV1.IdentityServiceClient, world.identityAddr, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: [],
  });
  const admin = await userToken('yc-admin');
  const clientId = `reflection-${suffix.slice(-8)}`;
  const created = await callUnary(
    identity.createServiceAccount.bind(identity),
    { tenant: TENANT, department: `${TENANT}-SCJG`, clientId, description: '反射测试用部门系统' },
    { authorization: `Bearer ${admin}`, deadlineMs: 10_000 },
  );
  identity.close();
  serviceToken = await clientToken(clientId, created.clientSecret);
}, 240_000);

afterAll(async () => {
  await jointReview?.stop();
  await world?.stop();
});

/** Each service: its address, its service name, an RPC a department's system may call, and its request. */
const services = () =>
  [
    ['identity', world.identityAddr, 'govhall.identity.v1.IdentityService', 'ListStaff', { tenant: TENANT }],
    [
      'catalogue',
      world.catalogueAddr,
      'govhall.catalogue.v1.CatalogueService',
      'GetCalendar',
      { tenant: TENANT, year: 2026 },
    ],
    // A department's system reads no case it has no part in: the cases service's own refusal, its details decoded.
    [
      'applications',
      world.applicationsAddr!,
      'govhall.applications.v1.ApplicationsService',
      'GetCase',
      { id: '00000000-0000-4000-8000-000000000000' },
    ],
    [
      'supervision',
      world.supervisionAddr!,
      'govhall.supervision.v1.SupervisionService',
      'ListClocks',
      { tenant: TENANT },
    ],
    ['joint-review', jointReviewAddr, 'govhall.joint_review.v1.JointReviewService', 'ListMyTasks', {}],
    // The same process's service for department systems (J15): the account's own department's tasks.
    ['joint-review-systems', jointReviewAddr, 'govhall.joint_review.v1.DepartmentSystemService', 'PullTasks', {}],
    // Escalations between deployments (上报件): a service account of the parent pulls the status its children follow.
    [
      'joint-review-escalations',
      jointReviewAddr,
      'govhall.joint_review.v1.EscalationService',
      'PullEscalationUpdates',
      { targetTenant: TENANT, sourceTenant: TENANT },
    ],
  ] as const;

it.each([
  'identity',
  'catalogue',
  'applications',
  'supervision',
  'joint-review',
  'joint-review-systems',
  'joint-review-escalations',
])(
  '%s: grpcurl lists, describes (imported types too), checks health and calls with a service-account token',
  async (name) => {
    const [, addr, service, rpc, request] = services().find(([n]) => n === name)!;
    const listed = (await grpcurl(addr, 'list')).trim().split('\n');
    expect(listed).toEqual(
      expect.arrayContaining([service, 'grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection']),
    );

    const described = await grpcurl(addr, 'describe', service);
    expect(described).toContain(`rpc ${rpc} (`);
    // Every request and response type resolves, the imported ones included (grpcurl fails on a missing import).
    for (const line of described.split('\n').filter((l) => l.includes('rpc '))) {
      const types = [...line.matchAll(/\(\s*(?:stream\s+)?\.?([\w.]+)\s*\)/g)].map((m) => m[1]!);
      for (const type of types)
        expect(await grpcurl(addr, 'describe', type)).toContain(`message ${type.split('.').pop()}`);
    }
    if (name !== 'catalogue') {
      expect(await grpcurl(addr, 'describe', 'govhall.common.v1.PageRequest')).toContain('message PageRequest');
    }

    expect(JSON.parse(await grpcurl(addr, 'grpc.health.v1.Health/Check'))).toEqual({ status: 'SERVING' });
    expect(JSON.parse(await grpcurl('-d', JSON.stringify({ service }), addr, 'grpc.health.v1.Health/Check'))).toEqual({
      status: 'SERVING',
    });

    const call = grpcurl(
      '-H',
      `authorization: Bearer ${serviceToken}`,
      '-d',
      JSON.stringify(request),
      addr,
      `${service}/${rpc}`,
    );
    if (name === 'applications') {
      await expect(call).rejects.toMatchObject({
        stderr: expect.stringMatching(
          /Code: NotFound[\s\S]*"@type": "type.googleapis.com\/google.rpc.ErrorInfo"[\s\S]*"reason": "CASE_NOT_FOUND"/,
        ),
      });
    } else {
      const answer = await call;
      expect(() => JSON.parse(answer)).not.toThrow();
    }
  },
  60_000,
);

it('a call without a token is refused UNAUTHENTICATED, not answered', async () => {
  const [, addr, service, rpc, request] = services().find(([n]) => n === 'joint-review')!;
  await expect(grpcurl('-d', JSON.stringify(request), addr, `${service}/${rpc}`)).rejects.toMatchObject({
    stderr: expect.stringContaining('Code: Unauthenticated'),
  });
});
