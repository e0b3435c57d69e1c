import type { ExternalEvent } from '../../domain/external-cases/external-event';
import { HBJ, hbjLead, hbjSystem, TENANT, world, worldNow } from '../review-world.test-double';

// J16: a department system reports the events of cases it runs entirely on its own (ReportExternalCaseEvents).

const base = (over: Partial<ExternalEvent>): ExternalEvent => ({
  eventId: 'e-1',
  formatVersion: '1',
  tenant: TENANT,
  department: HBJ,
  caseNumber: 'HB-2026-0001',
  itemImplementationCode: '',
  itemBasicCode: '000111222333',
  itemName: '排污许可',
  kind: 'received',
  occurredAt: new Date(worldNow().getTime() - 3_600_000),
  handlerName: '张三',
  handlerId: 'HB007',
  applicantName: '',
  channel: '',
  promisedLimitWorkingDays: 0,
  statutoryLimitWorkingDays: 0,
  procedure: '',
  plannedWorkingDays: 0,
  extensionWorkingDays: 0,
  outcome: '',
  reasons: [],
  licenceNumber: '',
  feeFen: 0,
  note: '',
  ...over,
});

const received = (eventId: string, caseNumber = 'HB-2026-0001') =>
  base({
    eventId,
    caseNumber,
    kind: 'received',
    applicantName: '王小明',
    channel: 'counter',
    promisedLimitWorkingDays: 10,
    statutoryLimitWorkingDays: 20,
  });
const step = (eventId: string, caseNumber = 'HB-2026-0001') =>
  base({
    eventId,
    caseNumber,
    kind: 'step_started',
    step: { index: 1, name: '审查', budgetWorkingDays: 3, opinion: '' },
  });

const report = (events: ExternalEvent[]) => ({ tenant: '', department: '', events });

describe('reporting cases run in a department system', () => {
  it('stores each valid event once, masked; refuses the invalid ones, each with its field and reason', async () => {
    const w = world();
    const events = [
      received('e-1'),
      step('e-2'),
      step('e-2'),
      base({ eventId: 'e-3', kind: 'decided', outcome: 'denied' }),
      step('e-4', 'HB-2026-0002'),
      base({ eventId: 'e-5', kind: 'withdrawn' }),
      step('e-6'),
      base({ eventId: 'e-7', kind: 'resumed', occurredAt: new Date(worldNow().getTime() + 3_600_000) }),
      base({ eventId: 'e-8', kind: 'resumed', formatVersion: '2' }),
      base({ eventId: '', kind: 'resumed' }),
    ];
    const result = await w.system.reportExternalCaseEvents(report(events), hbjSystem);
    expect(result).toEqual({
      accepted: 3,
      duplicates: 1,
      rejected: [
        expect.objectContaining({ index: 3, eventId: 'e-3', field: 'reasons', reason: 'REQUIRED' }),
        expect.objectContaining({ index: 4, eventId: 'e-4', field: '', reason: 'NOT_RECEIVED' }),
        expect.objectContaining({ index: 6, eventId: 'e-6', field: '', reason: 'ENDED' }),
        expect.objectContaining({ index: 7, eventId: 'e-7', field: 'occurredAt', reason: 'OUT_OF_RANGE' }),
        expect.objectContaining({ index: 8, eventId: 'e-8', field: 'formatVersion', reason: 'UNSUPPORTED_VERSION' }),
        expect.objectContaining({ index: 9, eventId: '', field: 'eventId', reason: 'REQUIRED' }),
      ],
    });
    expect([...w.externalEvents.stored.keys()]).toEqual([
      `${TENANT}:${HBJ}:e-1`,
      `${TENANT}:${HBJ}:e-2`,
      `${TENANT}:${HBJ}:e-5`,
    ]);
    expect(w.externalEvents.stored.get(`${TENANT}:${HBJ}:e-1`)).toMatchObject({
      event: { applicantName: '王**' },
      reportedBy: 'service:dept-hbj',
    });

    // The same report again: every stored event is a duplicate, nothing else changes.
    const again = await w.system.reportExternalCaseEvents(report(events), hbjSystem);
    expect([again.accepted, again.duplicates, again.rejected.length]).toEqual([0, 4, 6]);
    expect(w.externalEvents.stored.size).toBe(3);
  });

  it('refuses the whole call for another tenant or department, a person, or no events; nothing is stored', async () => {
    const w = world();
    const cases: [Parameters<typeof w.system.reportExternalCaseEvents>, string][] = [
      [[report([received('e-1'), { ...received('e-2'), tenant: '620321' }]), hbjSystem], 'TENANT_OUT_OF_SCOPE'],
      [
        [report([received('e-1'), { ...received('e-2'), department: '620300-XFJ' }]), hbjSystem],
        'DEPARTMENT_OUT_OF_SCOPE',
      ],
      [[{ ...report([received('e-1')]), tenant: '620321' }, hbjSystem], 'TENANT_OUT_OF_SCOPE'],
      [[report([received('e-1')]), hbjLead], 'ROLE_REQUIRED'],
      [[report([]), hbjSystem], 'VALIDATION_FAILED'],
    ];
    for (const [args, code] of cases) {
      await expect(w.system.reportExternalCaseEvents(...args)).rejects.toMatchObject({ code });
    }
    expect(w.externalEvents.stored.size).toBe(0);
  });
});
