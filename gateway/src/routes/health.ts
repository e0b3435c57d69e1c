import type { FastifyInstance } from 'fastify';
import { TITLE_BY_HTTP, problem } from '../lib/problem';

/** Liveness (the process answers) and readiness (it can reach what it serves from). */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const ready = await new Promise<boolean>((resolve) =>
      app.grpc.catalogue.waitForReady(new Date(Date.now() + 1_000), (err) => resolve(!err)),
    );
    if (!ready) {
      return reply
        .status(503)
        .type('application/problem+json')
        .send(problem(503, 'NOT_READY', TITLE_BY_HTTP[503]!, '网关暂时无法连接事项目录服务（catalogue）'));
    }
    return { status: 'ready' };
  });
}
