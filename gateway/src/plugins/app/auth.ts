import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { hasAnyRole, type Principal, type Role, type TokenVerifier } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    /** onRequest hook: a valid bearer token is required (401 otherwise). */
    authenticate: onRequestAsyncHookHandler;
    /** onRequest hook: a token is verified when present; anonymous callers pass. */
    authenticateOptional: onRequestAsyncHookHandler;
    /** onRequest hook: a valid token with one of the roles (401 / 403 otherwise). */
    requireRoles(roles: readonly Role[]): onRequestAsyncHookHandler;
  }
}

/** Bearer-token authentication against Keycloak's JWKS, run as onRequest hooks so an unauthenticated caller
 * learns nothing about the body schema; role checks at the edge, scope checks in services. */
export default fp<{ verifier: TokenVerifier }>(
  async (app, { verifier }) => {
    const authenticate = async (request: FastifyRequest) => {
      request.principal = await verifier.verifyHeader(request.headers.authorization);
    };
    app.decorateRequest('principal', undefined);
    app.decorate('authenticate', authenticate);
    app.decorate('authenticateOptional', async (request: FastifyRequest) => {
      if (request.headers.authorization) await authenticate(request);
    });
    app.decorate('requireRoles', (roles: readonly Role[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
      await authenticate(request);
      if (!hasAnyRole(request.principal!, roles)) {
        request.log.warn(
          {
            principal: {
              sub: request.principal!.subject,
              tenant: request.principal!.tenant,
              roles: request.principal!.roles,
            },
            resource: request.routeOptions.url,
            needed: roles,
          },
          'access denied',
        );
        throw new ForbiddenError('ROLE_REQUIRED', `此操作需要以下角色之一：${roles.join('、')}`);
      }
    });
  },
  { name: 'auth' },
);
