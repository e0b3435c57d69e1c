import Fastify from 'fastify';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import problemDetails from './problem-details';

function serviceError(s: { code: status; details: string; metadata?: Metadata }): ServiceError {
  return Object.assign(new Error(s.details), {
    code: s.code,
    details: s.details,
    metadata: s.metadata ?? new Metadata(),
  });
}

async function appThrowing(error: unknown) {
  const app = Fastify({ logger: false });
  await app.register(problemDetails);
  app.get('/boom', async () => {
    throw error;
  });
  return app;
}

describe('problem details for unavailable dependencies', () => {
  it('turns gRPC UNAVAILABLE with GovHall details into 503 problem+json keeping the reason', async () => {
    const app = await appThrowing(
      serviceError(
        toGrpcStatus(new UnavailableError('DIRECTORY_UNAVAILABLE', '统一身份认证服务暂时不可用，请稍后重试')),
      ),
    );
    const res = await app.inject('/boom');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 503,
      code: 'DIRECTORY_UNAVAILABLE',
      title: '服务暂时不可用',
      detail: '统一身份认证服务暂时不可用，请稍后重试',
    });
    await app.close();
  });

  it('turns a bare transport UNAVAILABLE into 503 UPSTREAM_UNAVAILABLE', async () => {
    const app = await appThrowing(serviceError({ code: status.UNAVAILABLE, details: 'No connection established' }));
    const res = await app.inject('/boom');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 503, code: 'UPSTREAM_UNAVAILABLE' });
    await app.close();
  });

  it('turns an UnavailableError thrown in the gateway itself into 503', async () => {
    const app = await appThrowing(new UnavailableError());
    const res = await app.inject('/boom');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 503, code: 'UNAVAILABLE', detail: '服务暂时不可用，请稍后重试' });
    await app.close();
  });
});
