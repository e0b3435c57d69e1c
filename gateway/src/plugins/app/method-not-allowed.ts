import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '../../lib/problem';
import { PROBLEM_JSON } from '../../lib/error-responses';

/** Methods a resource may offer; OPTIONS is left out (CORS answers it on every path). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * A known path asked with a method it does not offer answers 405 with `Allow` (RFC 9110 §15.5.6) and
 * problem+json, before any body is read; a path nobody serves stays 404. Runs as the not-found route's
 * onRequest hook, so declared routes pay nothing.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.is404) return;
      const path = request.url.split('?', 1)[0]!;
      const allowed = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
      if (allowed.length === 0) return;
      request.log.info({ code: 'METHOD_NOT_ALLOWED', status: 405 }, 'request rejected');
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .type(PROBLEM_JSON)
        .send({
          ...problem(
            405,
            'METHOD_NOT_ALLOWED',
            '不支持该请求方法',
            `此接口不支持 ${request.method}，可用：${allowed.join('、')}`,
          ),
          instance: request.url,
          requestId: request.id,
        });
    });
  },
  { name: 'method-not-allowed' },
);
