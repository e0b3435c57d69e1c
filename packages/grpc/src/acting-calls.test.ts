import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ValidationError } from '@govhall/errors';
import { actingCalls, ApiRefusal, failureReport, isRefusal } from './acting-calls';
import type { UnaryMethod } from './client';
import { toGrpcStatus } from './status-mapping';

const logins = { token: async (login: string) => `token-of-${login}` };

/** A generated client's method that answers with `answer` and records the authorization it was sent. */
function method<Res>(answer: (authorization: string | undefined) => Res | Error) {
  const seen: (string | undefined)[] = [];
  const fn: UnaryMethod<{ name: string }, Res> = (_request, metadata, _options, callback) => {
    const authorization = metadata.get('authorization')[0] as string | undefined;
    seen.push(authorization);
    const out = answer(authorization);
    if (out instanceof Error) callback(out as ServiceError, undefined as never);
    else callback(null, out);
  };
  return { fn, seen };
}

function refusal(error: unknown): ServiceError {
  const s = toGrpcStatus(error);
  return Object.assign(new Error(s.details), {
    code: s.code,
    details: s.details,
    metadata: s.metadata ?? new Metadata(),
  });
}

describe('acting calls', () => {
  it('calls as the named login with its token, or anonymously without one', async () => {
    const { fn, seen } = method((authorization) => ({ ok: authorization ?? 'anonymous' }));
    const call = actingCalls({}, { logins, deadlineMs: 1_000 });
    await expect(call('CreateStaff', fn, { name: 'a' }, 'yc-admin')).resolves.toEqual({
      ok: 'Bearer token-of-yc-admin',
    });
    await expect(call('RegisterNaturalPerson', fn, { name: 'b' })).resolves.toEqual({ ok: 'anonymous' });
    expect(seen).toEqual(['Bearer token-of-yc-admin', undefined]);
  });

  it('turns a refusal into an ApiRefusal naming the RPC, the reason and the fields, with ID numbers masked', async () => {
    const { fn } = method(() =>
      refusal(
        new ValidationError([
          { path: 'idNumber', message: '身份证号 110101199003074514 校验位不符', reason: 'CHECKSUM' },
        ]),
      ),
    );
    const err = await actingCalls({}, { logins, deadlineMs: 1_000 })('RegisterNaturalPerson', fn, { name: 'c' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiRefusal);
    expect(err).toMatchObject({
      rpc: 'RegisterNaturalPerson',
      code: status.INVALID_ARGUMENT,
      reason: 'VALIDATION_FAILED',
    });
    expect((err as ApiRefusal).violations).toEqual([expect.objectContaining({ path: 'idNumber', reason: 'CHECKSUM' })]);
    expect((err as ApiRefusal).message).toMatch(/^RegisterNaturalPerson: VALIDATION_FAILED: /);
    const report = failureReport('identity seed', err);
    expect(report).toContain('identity seed failed: RegisterNaturalPerson: VALIDATION_FAILED');
    expect(report).toContain('"path": "idNumber"');
    expect(report).not.toContain('110101199003074514');
  });

  it('lets anything that is not a gRPC refusal through unchanged', async () => {
    const boom = new TypeError('not a service error');
    const { fn } = method(() => boom);
    await expect(actingCalls({}, { logins, deadlineMs: 1_000 })('GetCase', fn, { name: 'd' }, 'x')).rejects.toBe(boom);
    expect(failureReport('cases seed', boom, '\n(hint)')).toMatch(
      /^cases seed failed: TypeError: not a service error\n\s+at .*\(hint\)\n$/s,
    );
  });

  it('says which refusals a caller counts as done', () => {
    const taken = new ApiRefusal('CreateWindow', status.ALREADY_EXISTS, 'WINDOW_NUMBER_TAKEN', '窗口编号已存在');
    expect(isRefusal(taken, status.ALREADY_EXISTS, ['WINDOW_NUMBER_TAKEN'])).toBe(true);
    expect(isRefusal(taken, status.ALREADY_EXISTS, ['USERNAME_TAKEN'])).toBe(false);
    expect(isRefusal(taken, status.FAILED_PRECONDITION, ['WINDOW_NUMBER_TAKEN'])).toBe(false);
    expect(isRefusal(new Error('WINDOW_NUMBER_TAKEN'), status.ALREADY_EXISTS, ['WINDOW_NUMBER_TAKEN'])).toBe(false);
  });
});
