import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { dismissViolationUseCase } from './dismiss-violation/dismiss-violation.usecase';
import { getViolationUseCase } from './get-violation/get-violation.usecase';
import { listViolationsUseCase } from './list-violations/list-violations.usecase';
import { MemoryViolationStore } from './memory-violation-store.test-double';
import { recordCaseViolationsUseCase } from './record-case-violations/record-case-violations.usecase';
import { clock, lateDecision, who } from './violation-test-fixtures.test-double';

async function world() {
  const violations = new MemoryViolationStore();
  const record = recordCaseViolationsUseCase({ violations, clock: clock() });
  await record(lateDecision());
  await record(lateDecision({ caseId: 'case-2', tenant: '620302', caseNumber: '620302202603020001' }));
  await record(lateDecision({ caseId: 'case-3', tenant: '620123', caseNumber: '620123202603020001' }));
  return {
    violations,
    record,
    list: listViolationsUseCase({ violations }),
    get: getViolationUseCase({ violations }),
    dismiss: dismissViolationUseCase({ violations }),
  };
}

describe('record-case-violations', () => {
  it('stores what an event shows once, with its evidence, however often the event comes', async () => {
    const { violations, record } = await world();
    expect(await record(lateDecision())).toEqual([]);
    expect(await record(lateDecision({ eventId: 'ev-issued', transition: 'result_issued' }))).toEqual([]);
    expect(violations.announced).toEqual([
      'case-1.decision-past-limit',
      'case-2.decision-past-limit',
      'case-3.decision-past-limit',
    ]);
    expect(violations.stored.get('case-1.decision-past-limit')).toMatchObject({
      state: 'open',
      recordedBy: 'automatic',
      version: 1,
      recordedAt: clock().now(),
      evidence: expect.arrayContaining([expect.objectContaining({ label: '承诺办结日期', eventId: 'ev-late' })]),
    });
  });
});

describe('list-violations and get-violation', () => {
  it('scopes supervisors to their tenant and below, never a sibling', async () => {
    const { list } = await world();
    const tenants = async (tenant: string, requested = '', includeSubordinates = true) =>
      (await list({ tenant: requested, includeSubordinates }, who(['supervisor'], tenant))).violations.map(
        (v) => v.tenant,
      );
    expect((await tenants('620300')).sort()).toEqual(['620302', '620321']);
    expect(await tenants('620300', '620300', false)).toEqual([]);
    expect(await tenants('620300', '620321', false)).toEqual(['620321']);
    expect(await tenants('620321')).toEqual(['620321']);
    await expect(tenants('620302', '620321')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(tenants('620100', '620300')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('pages, filters and refuses bad filters and other roles', async () => {
    const { list } = await world();
    const city = who(['supervisor'], '620300');
    const first = await list({ tenant: '', includeSubordinates: true, pageSize: 1 }, city);
    expect(first.violations).toHaveLength(1);
    const second = await list(
      { tenant: '', includeSubordinates: true, pageSize: 1, pageToken: first.nextPageToken },
      city,
    );
    expect(second.violations).toHaveLength(1);
    expect(second.nextPageToken).toBe('');
    expect(second.violations[0]!.id).not.toBe(first.violations[0]!.id);
    expect((await list({ tenant: '', includeSubordinates: true, fromDate: '2026-03-12' }, city)).violations).toEqual(
      [],
    );
    await expect(list({ tenant: '', includeSubordinates: true, fromDate: '2026/03/01' }, city)).rejects.toMatchObject({
      violations: [{ path: 'fromDate', reason: 'PATTERN', message: '日期格式应为YYYY-MM-DD' }],
    });
    await expect(list({ tenant: '62x', includeSubordinates: false }, city)).rejects.toBeInstanceOf(ValidationError);
    await expect(list({ tenant: '', includeSubordinates: false }, who(['window_clerk']))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('answers a sibling tenant violation as not found', async () => {
    const { get } = await world();
    expect((await get('case-1.decision-past-limit', who(['supervisor'], '620300'))).tenant).toBe('620321');
    await expect(get('case-1.decision-past-limit', who(['supervisor'], '620302'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(get('no such', who(['supervisor']))).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('dismiss-violation', () => {
  const id = 'case-1.decision-past-limit';

  it('dismisses an open violation with its reason and bumps the version', async () => {
    const { dismiss, violations } = await world();
    const done = await dismiss({ id, reason: ' 系统节假日配置错误 ', version: 1 }, who(['supervisor']));
    expect(done).toMatchObject({ state: 'dismissed', dismissedReason: '系统节假日配置错误', version: 2 });
    expect(violations.stored.get(id)!.state).toBe('dismissed');
    await expect(dismiss({ id, reason: '再次', version: 2 }, who(['supervisor']))).rejects.toBeInstanceOf(
      PreconditionError,
    );
  });

  it('changes nothing on a missing reason, a stale version, or a caller of another tenant or role', async () => {
    const { dismiss, violations } = await world();
    await expect(dismiss({ id, reason: ' ', version: 1 }, who(['supervisor']))).rejects.toMatchObject({
      violations: [{ path: 'reason', reason: 'REQUIRED' }],
    });
    await expect(dismiss({ id, reason: 'x', version: 0 }, who(['supervisor']))).rejects.toBeInstanceOf(ValidationError);
    await expect(dismiss({ id, reason: 'x', version: 3 }, who(['supervisor']))).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    // The city reads the county's violation but does not handle it; a sibling does not even see it.
    await expect(dismiss({ id, reason: 'x', version: 1 }, who(['supervisor'], '620300'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(dismiss({ id, reason: 'x', version: 1 }, who(['supervisor'], '620302'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(dismiss({ id, reason: 'x', version: 1 }, who(['center_admin']))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(violations.stored.get(id)).toMatchObject({ state: 'open', version: 1, dismissedReason: '' });
  });
});
