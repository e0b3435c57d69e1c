import {
  Server,
  ServerCredentials,
  status,
  type sendUnaryData,
  type ServerUnaryCall,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { catalogueV1 } from '@govhall/proto';
import { CatalogueGuides } from './catalogue-guides';

/*
 * Against a stand-in CatalogueService on a local port (a real gRPC channel; GetGuide's answers scripted per test):
 * what a missing item, a refusal and an outage give, and which editions are kept.
 */

type Answer = (id: string) => catalogueV1.ItemStatus | Error;

let server: Server;
let address: string;
let answer: Answer;
let calls: string[];
const opened: CatalogueGuides[] = [];
const failure = (code: status, details: string) => Object.assign(new Error(details), { code, details });

beforeAll(async () => {
  server = new Server();
  const impl = Object.fromEntries(
    Object.keys(catalogueV1.CatalogueServiceService).map((rpc) => [
      rpc,
      (call: ServerUnaryCall<{ id: string }, unknown>, callback: sendUnaryData<unknown>) => {
        if (rpc !== 'getGuide') return callback(failure(status.UNIMPLEMENTED, rpc));
        calls.push(call.request.id);
        const a = answer(call.request.id);
        if (a instanceof Error) return callback(a);
        callback(
          null,
          catalogueV1.GetGuideResponse.fromPartial({
            guide: { item: { id: call.request.id, name: '食品经营许可', status: a }, departmentName: '市场监督管理局' },
          }),
        );
      },
    ]),
  );
  server.addService(catalogueV1.CatalogueServiceService, impl as UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  address = `127.0.0.1:${port}`;
});

afterAll(() => {
  for (const g of opened) g.close();
  server.forceShutdown();
});

beforeEach(() => {
  calls = [];
  answer = () => catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED;
});

const guides = (cacheSize?: number) => {
  const g = new CatalogueGuides(address, { deadlineMs: 2_000, ...(cacheSize === undefined ? {} : { cacheSize }) });
  opened.push(g);
  return g;
};

describe('CatalogueGuides', () => {
  it('reads a published edition once and keeps it; `current` reads again', async () => {
    const g = guides();
    expect((await g.get('item-1'))?.departmentName).toBe('市场监督管理局');
    expect((await g.get('item-1'))?.item?.name).toBe('食品经营许可');
    expect(calls).toEqual(['item-1']);
    await g.current('item-1');
    expect(calls).toEqual(['item-1', 'item-1']);
  });

  it('keeps no draft (its content may still change), and nothing with cacheSize 0', async () => {
    answer = () => catalogueV1.ItemStatus.ITEM_STATUS_DRAFT;
    const g = guides();
    await g.get('draft');
    await g.get('draft');
    answer = () => catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED;
    const none = guides(0);
    await none.get('p');
    await none.get('p');
    expect(calls).toEqual(['draft', 'draft', 'p', 'p']);
  });

  it('answers null for an unknown or refused id, and CATALOGUE_UNAVAILABLE when the catalogue cannot answer', async () => {
    const g = guides();
    answer = () => failure(status.NOT_FOUND, 'ITEM_NOT_FOUND');
    expect(await g.get('gone')).toBeNull();
    answer = () => failure(status.INVALID_ARGUMENT, 'VALIDATION_FAILED');
    expect(await g.get('bad id')).toBeNull();
    answer = () => failure(status.INTERNAL, 'boom');
    await expect(g.get('broken')).rejects.toThrow(UnavailableError);
    await expect(g.get('broken')).rejects.toMatchObject({ code: 'CATALOGUE_UNAVAILABLE' });
  });
});
