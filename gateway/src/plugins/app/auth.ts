import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { DEVICE_ROLES, hasAnyRole, ROLE_NAMES, type Principal, type Role, type TokenVerifier } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';

/**
 * How a route authenticates, declared as route config: `config: { auth: 'public' }`.
 * - 'public': anonymous callers pass; a token, when sent, is verified (401 if invalid) and forwarded.
 * - 'token': a valid bearer token of a person or service is required (401 otherwise; a device account such as a
 *   hall's big screen, holding device roles alone, 403); the service decides scope.
 * - { roles }: a valid token holding one of the roles (401 / 403 otherwise).
 */
export type RouteAuth = 'public' | 'token' | { roles: readonly Role[] };

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
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

/** Holds device roles alone (a hall's big screen, a window's rating device): no person, no service. */
function isDeviceAccount(principal: Principal): boolean {
  return principal.roles.length > 0 && principal.roles.every((r) => (DEVICE_ROLES as readonly Role[]).includes(r));
}

/** Bearer-token authentication against Keycloak's JWKS, run as onRequest hooks so an unauthenticated caller
 * learns nothing about the body schema; role checks at the edge, scope checks in services.
 *
 * A route chooses its hook either directly (`onRequest: app.authenticate`) or declaratively with
 * `config.auth`, which also writes the route's OpenAPI `security`. A route under /api/ that does neither is
 * refused at startup, so nothing becomes public by omission. */
export default fp<{ verifier: TokenVerifier }>(
  async (app, { verifier }) => {
    const authenticate = async (request: FastifyRequest) => {
      request.principal = await verifier.verifyHeader(request.headers.authorization);
    };
    // A device account (ADR 0049) reaches the routes that name its role, nothing a mere login opens.
    const authenticatePerson = async (request: FastifyRequest) => {
      await authenticate(request);
      const p = request.principal!;
      if (isDeviceAccount(p)) {
        throw new ForbiddenError(
          'DEVICE_ACCOUNT',
          p.roles.includes('hall_screen')
            ? '大厅大屏设备账号只能查看大屏的数据，不能使用此功能'
            : '窗口评价器设备账号只能用于评价，不能使用此功能',
        );
      }
    };
    const authenticateOptional = async (request: FastifyRequest) => {
      if (request.headers.authorization) await authenticate(request);
    };
    const requireRoles = (roles: readonly Role[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
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
        // People read the roles' names (窗口工作人员), not the realm's codes.
        const named = roles.map((r) => ROLE_NAMES[r] ?? r).join('、');
        throw new ForbiddenError('ROLE_REQUIRED', `此操作需要以下角色之一：${named}`);
      }
    };
    app.decorateRequest('principal', undefined);
    app.decorate('authenticate', authenticatePerson);
    app.decorate('authenticateOptional', authenticateOptional);
    app.decorate('requireRoles', requireRoles);

    app.addHook('onRoute', (route) => {
      const declared = route.config?.auth;
      if (declared === undefined) {
        if (route.url.startsWith('/api/') && !route.onRequest) {
          throw new Error(`${route.method} ${route.url}: declare config.auth ('public', 'token' or { roles })`);
        }
        return;
      }
      const hook =
        declared === 'public'
          ? authenticateOptional
          : declared === 'token'
            ? authenticatePerson
            : requireRoles(declared.roles);
      const existing = route.onRequest ? [route.onRequest].flat() : [];
      route.onRequest = [hook, ...existing];
      if (route.schema && route.schema.security === undefined) {
        route.schema.security = declared === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }];
      }
    });
  },
  { name: 'auth' },
);
