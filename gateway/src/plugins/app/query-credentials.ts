import fp from 'fastify-plugin';
import { ValidationError } from '@govhall/errors';
import { credentialParameters } from '../../lib/request-url';

/**
 * A token belongs in the `authorization` header only. A query string that carries one (RFC 6750's `access_token`,
 * a `token` or `password` parameter, or any value shaped like a JWT) ends up in proxy logs, browser history and
 * referrers, so the request is refused with 400 `CREDENTIAL_IN_QUERY` before anything else looks at it.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      const names = credentialParameters(request.url);
      if (names.length === 0) return;
      throw new ValidationError(
        names.map((name) => ({
          path: `querystring.${name}`,
          reason: 'CREDENTIAL_IN_QUERY',
          message: '网址中不得携带登录凭证或密码，请放在 Authorization 请求头中',
        })),
        '网址中不得携带登录凭证或密码：令牌只能放在 Authorization 请求头中（Bearer），请更换已暴露的令牌',
        'CREDENTIAL_IN_QUERY',
      );
    });
  },
  { name: 'query-credentials' },
);
