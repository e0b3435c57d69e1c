import {
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { ForbiddenError, PreconditionError, UnavailableError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { IdentityDirectory } from './identity-directory';

/*
 * The one identity adapter against a stand-in IdentityService on a local port (a real gRPC channel; the answers
 * are scripted per test). What it checks: which token goes with which question, and how identity's refusals become
 * this service's errors.
 */

type Handler = (call: ServerUnaryCall<any, any>, callback: sendUnaryData<any>) => void;

const WINDOW = identityV1.Window.fromPartial({
  id: 'w-1',
  tenant: '620321',
  number: 'A03',
  name: '市场监管窗口',
  department: '620321-SCJG',
  servesDepartments: ['620321-SCJG'],
});

let server: Server;
let address: string;
let handlers: Record<string, Handler>;
/** Authorization metadata each RPC was called with, by RPC. */
let seen: Record<string, string[]>;

const answer =
  (fn: (req: any) => unknown): Handler =>
  (call, callback) => {
    const name = call.getPath().split('/').pop()!;
    (seen[name] ??= []).push(String(call.metadata.get('authorization')[0] ?? ''));
    try {
      callback(null, fn(call.request));
    } catch (e) {
      callback(toGrpcStatus(e));
    }
  };

beforeAll(async () => {
  server = new Server();
  const impl = Object.fromEntries(
    Object.keys(identityV1.IdentityServiceService).map((rpc) => [
      rpc,
      ((call, callback) => (handlers[rpc] ?? answer(() => ({})))(call, callback)) as Handler,
    ]),
  );
  server.addService(identityV1.IdentityServiceService, impl as UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  address = `127.0.0.1:${port}`;
});

afterAll(() => server.forceShutdown());

beforeEach(() => {
  handlers = {};
  seen = {};
});

const warnings: unknown[] = [];
const directory = (serviceToken?: string) =>
  new IdentityDirectory(
    address,
    serviceToken === undefined ? undefined : { token: async () => serviceToken },
    { warn: (...args: unknown[]) => warnings.push(args) } as never,
    2_000,
  );

const responsibleAnswer = (username: string) =>
  answer(() =>
    identityV1.GetWindowResponsibleResponse.fromPartial({
      window: WINDOW,
      date: '2026-03-02',
      responsible: { username, displayName: '李受理' },
      basis: identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_A_POST,
    }),
  );

describe('IdentityDirectory (one identity client for declaration, window and handling)', () => {
  it("a submitted case's window: public ListWindows, its clerk asked with the service's own token", async () => {
    handlers.listWindows = answer(() => identityV1.ListWindowsResponse.fromPartial({ windows: [WINDOW] }));
    handlers.getWindowResponsible = responsibleAnswer('yc-clerk');
    const identity = directory('service-jwt');
    await expect(identity.serving('620321', '620321-SCJG', '2026-03-02')).resolves.toEqual({
      windowId: 'w-1',
      responsible: 'yc-clerk',
    });
    expect(seen.ListWindows).toEqual(['']);
    expect(seen.GetWindowResponsible).toEqual(['Bearer service-jwt']);
    identity.close();
  });

  it("the window's acts ask who serves the window with the clerk's own token", async () => {
    handlers.getWindowResponsible = responsibleAnswer('yc-clerk');
    const identity = directory('service-jwt');
    const r = await identity.responsible('w-1', '2026-03-02', { authorization: 'Bearer clerk-jwt' });
    expect(r).toMatchObject({ username: 'yc-clerk', basis: 'a_post', window: { number: 'A03' } });
    expect(seen.GetWindowResponsible).toEqual(['Bearer clerk-jwt']);
    identity.close();
  });

  it("identity's refusal of the clerk passes on as PERMISSION_DENIED with identity's reason", async () => {
    handlers.findApplicant = answer(() => {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权访问其他地区的数据');
    });
    const identity = directory();
    const refused = await identity
      .find('620321', '62032119900307123X', { authorization: 'Bearer clerk-jwt' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(refused).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE', message: '无权访问其他地区的数据' });
    identity.close();
  });

  it('a window nobody serves today is WINDOW_UNSTAFFED', async () => {
    handlers.getWindowResponsible = answer(() => {
      throw new PreconditionError('WINDOW_UNSTAFFED', '该窗口今日无人值守');
    });
    const identity = directory();
    const unstaffed = await identity.responsible('w-1', '2026-03-02', {}).catch((e: unknown) => e);
    expect(unstaffed).toBeInstanceOf(PreconditionError);
    expect(unstaffed).toMatchObject({ code: 'WINDOW_UNSTAFFED' });
    handlers.getWindowResponsible = answer(() =>
      identityV1.GetWindowResponsibleResponse.fromPartial({ date: '2026-03-02' }),
    );
    await expect(identity.responsible('w-gone', '2026-03-02', {})).resolves.toBeNull();
    identity.close();
  });

  it('the acting check (declaration and handling alike): a legal person identity does not know is not allowed', async () => {
    handlers.checkActingAuthority = (call, callback) =>
      callback({ code: status.NOT_FOUND, details: 'LEGAL_PERSON_NOT_FOUND' } as never);
    const identity = directory();
    await expect(
      identity.checkActing('Bearer agent-jwt', { legalPersonId: 'lp-1', department: '620321-SCJG', itemCode: '' }),
    ).resolves.toMatchObject({ allowed: false, reason: 'LEGAL_PERSON_NOT_FOUND' });
    identity.close();
  });

  it('identity down is UNAVAILABLE IDENTITY_UNAVAILABLE', async () => {
    const down = new IdentityDirectory('127.0.0.1:1', undefined, { warn: () => undefined } as never, 500);
    const e = await down.windowsOf('620321').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnavailableError);
    expect(e).toMatchObject({ code: 'IDENTITY_UNAVAILABLE' });
    down.close();
  });
});
