import type { FastifyInstance } from 'fastify';
import type { Client } from '@grpc/grpc-js';
import { TITLE_BY_HTTP, problem } from '../lib/problem';

function channelReady(client: Client): Promise<boolean> {
  return new Promise<boolean>((resolve) => client.waitForReady(new Date(Date.now() + 1_000), (err) => resolve(!err)));
}

/** Liveness (the process answers) and readiness (it can reach what it serves from). */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const downstream = [
      { name: '事项目录服务（catalogue）', client: app.grpc.catalogue },
      { name: '身份与租户服务（identity）', client: app.grpc.identity },
    ];
    const ready = await Promise.all(downstream.map((d) => channelReady(d.client)));
    const missing = downstream.filter((_d, i) => !ready[i]).map((d) => d.name);
    if (missing.length > 0) {
      return reply
        .status(503)
        .type('application/problem+json')
        .send(problem(503, 'NOT_READY', TITLE_BY_HTTP[503]!, `网关暂时无法连接${missing.join('、')}`));
    }
    return { status: 'ready' };
  });
}
