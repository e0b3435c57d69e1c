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
import { CatalogueCalendars } from './catalogue-calendars';

/*
 * Against a stand-in CatalogueService on a local port (a real gRPC channel; GetCalendar's answers are scripted per
 * test): which years are read, how overrides become the calendar's days, the cache, and what a failed read gives.
 */

type Request = { tenant: string; year: number };
type Answer = (req: Request) => { overrides: { date: string; working: boolean; reason: string }[] } | Error;

let server: Server;
let address: string;
let answer: Answer;
let requests: Request[];
let nowMs: number;
const clock = { now: () => new Date(nowMs) };
const opened: CatalogueCalendars[] = [];

const failure = (code: status, details: string) => Object.assign(new Error(details), { code, details });

beforeAll(async () => {
  server = new Server();
  const impl = Object.fromEntries(
    Object.keys(catalogueV1.CatalogueServiceService).map((rpc) => [
      rpc,
      (call: ServerUnaryCall<Request, unknown>, callback: sendUnaryData<unknown>) => {
        if (rpc !== 'getCalendar') return callback(failure(status.UNIMPLEMENTED, rpc));
        requests.push({ tenant: call.request.tenant, year: call.request.year });
        const a = answer(call.request);
        if (a instanceof Error) return callback(a);
        const { tenant, year } = call.request;
        callback(
          null,
          catalogueV1.GetCalendarResponse.fromPartial({ calendar: { tenant, year, overrides: a.overrides } }),
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
  for (const c of opened) c.close();
  server.forceShutdown();
});

beforeEach(() => {
  requests = [];
  nowMs = Date.parse('2026-06-01T02:00:00Z');
  answer = () => ({ overrides: [] });
});

const calendars = (ttlMs = 60_000) => {
  const c = new CatalogueCalendars(address, clock, ttlMs, 2_000);
  opened.push(c);
  return c;
};

// Wednesdays and a Saturday of published years.
const LOCAL_HOLIDAY_2025 = '2025-03-12';
const LOCAL_HOLIDAY_2026 = '2026-03-11';
const LOCAL_WORKDAY_2026 = '2026-03-14';

test('reads last, this and next year for the tenant and applies their overrides', async () => {
  answer = ({ year }) => {
    if (year === 2025) return { overrides: [{ date: LOCAL_HOLIDAY_2025, working: false, reason: '三月三' }] };
    if (year === 2026)
      return {
        overrides: [
          { date: LOCAL_HOLIDAY_2026, working: false, reason: '三月三' },
          { date: LOCAL_WORKDAY_2026, working: true, reason: '调休' },
        ],
      };
    return failure(status.INVALID_ARGUMENT, 'year outside the catalogue range');
  };

  const calendar = await calendars().forTenant('620321');

  expect(requests.map((r) => `${r.tenant}/${r.year}`).sort()).toEqual(['620321/2025', '620321/2026', '620321/2027']);
  expect(calendar.describe(LOCAL_HOLIDAY_2025)).toMatchObject({
    working: false,
    kind: 'local-holiday',
    name: '三月三',
  });
  expect(calendar.describe(LOCAL_HOLIDAY_2026)).toMatchObject({ working: false, kind: 'local-holiday' });
  expect(calendar.describe(LOCAL_WORKDAY_2026)).toMatchObject({ working: true, kind: 'local-workday', name: '调休' });
  expect(calendar.isWorkingDay('2026-03-12')).toBe(true);
});

test('keeps a tenant calendar for ttlMs, shares one read between concurrent callers, then reads again', async () => {
  const c = calendars(60_000);

  const [a, b] = await Promise.all([c.forTenant('620321'), c.forTenant('620321')]);
  expect(a).toBe(b);
  expect(requests).toHaveLength(3);

  nowMs += 59_000;
  expect(await c.forTenant('620321')).toBe(a);
  expect(requests).toHaveLength(3);

  await c.forTenant('620300');
  expect(requests).toHaveLength(6);

  nowMs += 2_000;
  const fresh = await c.forTenant('620321');
  expect(fresh).not.toBe(a);
  expect(requests).toHaveLength(9);
});

test('a failed read serves the last calendar it had', async () => {
  const c = calendars(1_000);
  const first = await c.forTenant('620321');

  answer = () => failure(status.INTERNAL, 'catalogue broken');
  nowMs += 5_000;

  expect(await c.forTenant('620321')).toBe(first);
});

test('a failed read with no calendar yet is refused as CALENDAR_UNAVAILABLE', async () => {
  answer = () => failure(status.INTERNAL, 'catalogue broken');

  const refusal = await calendars()
    .forTenant('620321')
    .catch((e: unknown) => e);

  expect(refusal).toBeInstanceOf(UnavailableError);
  expect(refusal).toMatchObject({ code: 'CALENDAR_UNAVAILABLE' });
});

test('an unreachable catalogue is refused as CALENDAR_UNAVAILABLE too', async () => {
  const c = new CatalogueCalendars('127.0.0.1:1', clock, 60_000, 500);
  opened.push(c);

  await expect(c.forTenant('620321')).rejects.toMatchObject({ code: 'CALENDAR_UNAVAILABLE' });
});
