import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Principal, TokenVerifier } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import { jointReviewV1 } from '@govhall/proto';
import { GrpcServer } from './server';

/*
 * GrpcServer.serverStream on a real server on 127.0.0.1 (a streaming RPC of the contract, WatchTasks): the token is
 * verified first, what the handler yields arrives in order, a refusal ends the call with its status, and a shutdown
 * ends an open stream.
 */

const pb = jointReviewV1;
const system: Principal = {
  kind: 'service',
  subject: 's',
  username: 'service-account-s',
  tenant: '620300',
  roles: ['service'],
  department: '620300-XFJ',
  clientId: 's',
};

const verifier: TokenVerifier = {
  verify: () => Promise.reject(new Error('not used')),
  verifyHeader: async (header) => {
    if (header !== 'Bearer good') throw new ForbiddenError('ROLE_REQUIRED', '无权访问');
    return system;
  },
};

const beat = (sequence: number): jointReviewV1.WatchTasksResponse => ({
  sequence,
  change: pb.TaskChange.TASK_CHANGE_UNSPECIFIED,
  heartbeat: true,
});

let server: GrpcServer;
let client: jointReviewV1.DepartmentSystemServiceClient;
let stopped = false;

beforeAll(async () => {
  server = new GrpcServer({ logger: createLogger('grpc-stream-test', 'silent'), verifier, reflectionFiles: [] });
  server.addService('govhall.joint_review.v1.DepartmentSystemService', pb.DepartmentSystemServiceService, {
    watchTasks: server.serverStream<jointReviewV1.WatchTasksRequest, jointReviewV1.WatchTasksResponse>(
      'WatchTasks',
      async function* (req, ctx) {
        if (req.department === 'other') throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本部门');
        yield beat(req.afterSequence + 1);
        yield beat(req.afterSequence + 2);
        if (req.tenant === 'finite') return;
        // Until the call or the server ends.
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
      },
    ),
  });
  const port = await server.listen('127.0.0.1', 0);
  client = new pb.DepartmentSystemServiceClient(`127.0.0.1:${port}`, credentials.createInsecure());
});

afterAll(async () => {
  client.close();
  if (!stopped) await server.shutdown(1000);
});

function watch(req: Partial<jointReviewV1.WatchTasksRequest>, token = 'good') {
  const md = new Metadata();
  if (token) md.set('authorization', `Bearer ${token}`);
  const stream = client.watchTasks({ tenant: '', department: '', afterSequence: 0, kinds: [], ...req }, md);
  const received: number[] = [];
  stream.on('data', (r: jointReviewV1.WatchTasksResponse) => received.push(r.sequence));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return { received, ended };
}

describe('GrpcServer.serverStream', () => {
  it('writes what the handler yields, in order, and ends OK', async () => {
    const w = watch({ tenant: 'finite', afterSequence: 4 });
    await w.ended;
    expect(w.received).toEqual([5, 6]);
  });

  it('ends with the status of a refusal: the token’s, or the handler’s', async () => {
    await expect(watch({}, '').ended).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(watch({}, 'bad').ended).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const refused = (await watch({ department: 'other' }).ended.catch((e: unknown) => e)) as ServiceError;
    expect(refused.code).toBe(status.PERMISSION_DENIED);
    expect(refused.details).toContain('只能查看本部门');
  });

  it('ends an open stream when the server shuts down', async () => {
    const w = watch({});
    await new Promise<void>((resolve) => {
      const check = setInterval(() => w.received.length === 2 && (clearInterval(check), resolve()), 10);
    });
    stopped = true;
    await server.shutdown(5000);
    await w.ended;
    expect(w.received).toEqual([1, 2]);
  });
});
