import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Principal, TokenVerifier } from '@govhall/auth';
import { UnauthenticatedError } from '@govhall/errors';
import auth from './auth';
import problemDetails from './problem-details';

const verifier: TokenVerifier = {
  async verify(token) {
    if (token !== 'clerk') throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效');
    return { kind: 'user', subject: 's', username: 'u', tenant: '620981', roles: ['window_clerk'], clientId: 'c' };
  },
  async verifyHeader(header) {
    if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
    return this.verify(header.replace(/^Bearer /, ''));
  },
};

async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify({ logger: false });
  await app.register(problemDetails);
  await app.register(auth, { verifier });
  register(app);
  await app.ready();
  return app;
}

const who = async (request: { principal?: Principal }) => ({ subject: request.principal?.subject ?? null });

describe('route config auth', () => {
  it("'public' lets anonymous callers in and still verifies a token that is sent", async () => {
    const app = await appWith((a) => a.get('/api/x', { config: { auth: 'public' } }, who));
    expect((await app.inject('/api/x')).json()).toEqual({ subject: null });
    expect((await app.inject({ url: '/api/x', headers: { authorization: 'Bearer clerk' } })).json()).toEqual({
      subject: 's',
    });
    expect((await app.inject({ url: '/api/x', headers: { authorization: 'Bearer bad' } })).statusCode).toBe(401);
    await app.close();
  });

  it("'token' needs a valid token, and { roles } one of the roles", async () => {
    const app = await appWith((a) => {
      a.get('/api/token', { config: { auth: 'token' } }, who);
      a.get('/api/admin', { config: { auth: { roles: ['center_admin'] } } }, who);
    });
    expect((await app.inject('/api/token')).json()).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
    expect((await app.inject({ url: '/api/token', headers: { authorization: 'Bearer clerk' } })).statusCode).toBe(200);
    const refused = await app.inject({ url: '/api/admin', headers: { authorization: 'Bearer clerk' } });
    expect(refused.json()).toMatchObject({
      status: 403,
      code: 'ROLE_REQUIRED',
      detail: '此操作需要以下角色之一：政务服务中心管理员',
    });
    await app.close();
  });

  it('runs the auth hook before the route’s own onRequest hooks', async () => {
    const seen: string[] = [];
    const app = await appWith((a) =>
      a.get(
        '/api/ordered',
        {
          config: { auth: 'token' },
          onRequest: async (request: FastifyRequest) => {
            seen.push(request.principal?.subject ?? 'anonymous');
          },
        },
        who,
      ),
    );
    await app.inject({ url: '/api/ordered', headers: { authorization: 'Bearer clerk' } });
    expect(seen).toEqual(['s']);
    await app.close();
  });

  it('refuses to start with an /api route that declares no authentication', async () => {
    await expect(appWith((a) => a.get('/api/forgotten', async () => ({})))).rejects.toThrow(
      /GET \/api\/forgotten: declare config.auth/,
    );
    const prefixed = (a: ReturnType<typeof Fastify>) =>
      void a.register(async (child: FastifyInstance) => void child.post('/forgotten', async () => ({})), {
        prefix: '/api/v1/x',
      });
    await expect(appWith(prefixed)).rejects.toThrow(/POST \/api\/v1\/x\/forgotten/);
  });
});
