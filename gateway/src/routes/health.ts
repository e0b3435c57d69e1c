import type { FastifyInstance } from 'fastify';

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
        .send({ status: 503, code: 'NOT_READY', title: '服务暂时不可用', detail: 'catalogue unreachable' });
    }
    return { status: 'ready' };
  });
}
