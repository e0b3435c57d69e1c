import type { FastifyInstance, HTTPMethods } from 'fastify';
import { PROBLEM_JSON } from './error-responses';
import { problem } from './problem';

/**
 * A fixed path beside a parametric one (`/progress` beside `/{id}`): asked with a method only the parametric route
 * offers, the path would be taken for an id and answered 400. These hidden routes answer 405 with `Allow` instead, as
 * every other path does for a method it does not offer (plugins/app/method-not-allowed.ts).
 */
export function refuseShadowedMethods(
  app: FastifyInstance,
  path: string,
  methods: readonly HTTPMethods[],
  allow: string,
): void {
  app.route({
    method: [...methods],
    url: path,
    schema: { hide: true },
    config: { auth: 'public' },
    handler: async (request, reply) =>
      reply
        .status(405)
        .header('allow', allow)
        .type(PROBLEM_JSON)
        .send({
          ...problem(405, 'METHOD_NOT_ALLOWED', '不支持该请求方法', `此接口不支持 ${request.method}，可用：${allow}`),
          instance: request.url,
          requestId: request.id,
        }),
  });
}
