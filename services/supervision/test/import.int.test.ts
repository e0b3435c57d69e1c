import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { status } from '@grpc/grpc-js';
import { supervisionV1 } from '@govhall/proto';
import { grpcFailure, runProcess, waitFor } from '@govhall/testing';
import { SIGNAL_TOPIC, startOrderWorld, type OrderWorld } from './order-world';

// The import of historical cases (S31, ADR 0044) through the operators' CLI and the RPC, against the real stack:
// supervision and identity as their own processes, Keycloak tokens, FerretDB, Kafka. Time moves by CLOCK_FILE.
const pb = supervisionV1;
let w: OrderWorld;
const file = path.join(mkdtempSync(path.join(tmpdir(), 'govhall-import-')), 'cases.jsonl');
const stamp = Date.now().toString(36).toUpperCase();
const number = (n: number) => `620321-H${stamp}-${n}`;
const id = (n: number) => `hist-620321-${number(n)}`;

const row = (n: number, over: object = {}) =>
  JSON.stringify({
    caseNumber: number(n),
    itemName: '食品经营许可',
    department: '620321-SCJG',
    windowId: 'w-hist',
    channel: 'online',
    applicantName: '李*',
    receivedDate: '2019-06-03',
    acceptedDate: '2019-06-04',
    decidedDate: '2019-06-28',
    completedDate: '2019-07-01',
    promisedLimitWorkingDays: 10,
    statutoryLimitWorkingDays: 20,
    outcome: 'approved',
    ...over,
  });

beforeAll(async () => {
  w = await startOrderWorld();
  w.setDay('2026-03-12');
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

const runCli = async () => {
  const { output } = await runProcess({
    name: 'import-historical-cases',
    entry: 'services/supervision/dist/cli/import-historical-cases.js',
    args: ['620321', file],
    env: { GOVHALL_TOKEN: await w.token('supervisor'), SUPERVISION_GRPC_ADDR: w.address },
  });
  return output
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
};

const clockOf = async (matterId: string) =>
  (
    await w.call<supervisionV1.GetMatterClockRequest, supervisionV1.GetMatterClockResponse>(
      'clocks',
      'getMatterClock',
      { matterId },
      'supervisor',
    )
  ).clock!;

describe('historical import', () => {
  it('imports good lines (once), reports a bad line with its field, and keeps imported cases out of live clocks', async () => {
    // Line 1: decided 10 working days late (a live case would get 黄牌, 红牌 and a violation); line 3 names a phone.
    writeFileSync(
      file,
      [
        row(1),
        row(2, { decidedDate: '2019-06-10', completedDate: '2019-06-11' }),
        row(3, { applicantName: '13912345678' }),
        '',
      ].join('\n'),
    );
    const first = await runCli();
    expect(first.at(-1)).toEqual({ imported: 2, alreadyImported: 0, rejected: 1 });
    expect(first[0]).toEqual({
      rejected: { line: 3, field: 'applicantName', message: '第3行：申请人不得包含身份证号码或手机号码，请脱敏后导入' },
    });
    expect((await runCli()).at(-1)).toEqual({ imported: 0, alreadyImported: 2, rejected: 1 });

    const late = await clockOf(id(1));
    expect(late).toMatchObject({
      imported: true,
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      signal: pb.SignalLevel.SIGNAL_LEVEL_NONE,
      onTime: false,
      asOfDate: '2026-03-12',
    });
    expect(late.promised!.remainingWorkingDays).toBeLessThan(0);
    await expect(grpcFailure(clockOf(id(3)))).resolves.toMatchObject({ code: status.NOT_FOUND });
    const listed = await w.call<supervisionV1.ListClocksRequest, supervisionV1.ListClocksResponse>(
      'clocks',
      'listClocks',
      pb.ListClocksRequest.fromPartial({ tenant: '620321' }),
      'supervisor',
    );
    expect(listed.clocks.filter((c) => c.caseNumber.includes(stamp)).map((c) => [c.matterId, c.imported])).toEqual(
      expect.arrayContaining([
        [id(1), true],
        [id(2), true],
      ]),
    );

    // Days pass: a live order (the marker) is recounted by the timer; the imported cases are not, and raise nothing.
    const marker = await w.call<supervisionV1.IssueOrderRequest, supervisionV1.IssueOrderResponse>(
      'orders',
      'issueOrder',
      pb.IssueOrderRequest.fromPartial({
        tenant: '620321',
        targetKind: pb.OrderTargetKind.ORDER_TARGET_KIND_CASE,
        targetId: 'case-import-marker',
        subject: '核查历史办件导入',
        requirement: '请核查。',
        deadlineWorkingDays: 1,
        responsibleDepartment: '620321-SCJG',
        requestId: `import-marker-${stamp}`,
      }),
      'supervisor',
    );
    w.setDay('2026-03-20');
    await waitFor(async () => (await clockOf(marker.order!.id)).asOfDate === '2026-03-20', { what: 'the timer pass' });
    await waitFor(async () => w.events.of(SIGNAL_TOPIC, marker.order!.id).length > 0, { what: "the marker's 黄牌" });
    await w.events.caughtUp();
    expect((await clockOf(id(1))).asOfDate).toBe('2026-03-12');
    expect(w.events.of(SIGNAL_TOPIC, id(1))).toEqual([]);
    const signals = await w.call<supervisionV1.ListSignalsRequest, supervisionV1.ListSignalsResponse>(
      'clocks',
      'listSignals',
      pb.ListSignalsRequest.fromPartial({ tenant: '620321', matterId: id(1) }),
      'supervisor',
    );
    expect(signals.signals).toEqual([]);
    const violations = await w.call<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
      'violations',
      'listViolations',
      pb.ListViolationsRequest.fromPartial({ tenant: '620321', matterId: id(1) }),
      'supervisor',
    );
    expect(violations.violations).toEqual([]);
  }, 120_000);

  it('refuses an empty request and callers without the right, storing nothing', async () => {
    const empty = await grpcFailure(
      w.call('imports', 'importHistoricalCases', { tenant: '620321', content: '  ', firstLine: 0 }, 'supervisor'),
    );
    expect(empty.code).toBe(status.INVALID_ARGUMENT);
    expect(empty.violations).toEqual([
      expect.objectContaining({ path: 'content', message: '请提供要导入的历史办件（JSON Lines）' }),
    ]);
    const clerk = await grpcFailure(
      w.call('imports', 'importHistoricalCases', { tenant: '620321', content: row(9), firstLine: 0 }, 'clerk'),
    );
    expect(clerk.code).toBe(status.PERMISSION_DENIED);
    const city = await grpcFailure(
      w.call('imports', 'importHistoricalCases', { tenant: '620321', content: row(9), firstLine: 0 }, 'city'),
    );
    expect(city.code).toBe(status.PERMISSION_DENIED);
    await expect(grpcFailure(clockOf(id(9)))).resolves.toMatchObject({ code: status.NOT_FOUND });
  }, 60_000);
});
