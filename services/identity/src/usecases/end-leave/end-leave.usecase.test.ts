import { ConcurrencyError, ValidationError } from '@govhall/errors';
import { staffCommand, staffSetup } from '../in-memory-staff.test-double';
import { authorizer, clock, principal } from '../principals.test-double';
import { recordLeaveUseCase } from '../record-leave/record-leave.usecase';
import { endLeaveUseCase } from './end-leave.usecase';

// The test clock reads 2026-03-02 in Beijing.
const admin = principal('yc-admin', '620321', ['center_admin']);

async function setup() {
  const { staff, create } = staffSetup();
  const created = await create(staffCommand({ username: 'away', displayName: '周九' }), admin);
  const record = recordLeaveUseCase({ staff, authorizer, clock });
  await record({ staffId: created.id, leave: { fromDate: '2026-03-01', toDate: '2026-03-06', reason: '病假' } }, admin);
  const recorded = await record(
    { staffId: created.id, leave: { fromDate: '2026-03-10', toDate: '2026-03-12', reason: '年休假' } },
    admin,
  );
  return { staff, recorded, end: endLeaveUseCase({ staff, authorizer, clock }) };
}

const paths = (e: unknown) => (e as ValidationError).violations.map((v) => `${v.path}:${v.reason}`);

describe('endLeave', () => {
  it('cancels a coming leave and ends a current one early, queueing StaffLeaveEnded', async () => {
    const { end, staff, recorded } = await setup();
    const cancelled = await end(
      { staffId: recorded.id, fromDate: '2026-03-10', expectedVersion: recorded.version },
      admin,
    );
    expect(cancelled.leaves).toEqual([{ fromDate: '2026-03-01', toDate: '2026-03-06', reason: '病假' }]);
    const shortened = await end(
      { staffId: recorded.id, fromDate: '2026-03-01', toDate: '2026-03-02', expectedVersion: cancelled.version },
      admin,
    );
    expect(shortened.leaves).toEqual([{ fromDate: '2026-03-01', toDate: '2026-03-02', reason: '病假' }]);
    expect((await staff.findById(recorded.id))!.leaves).toEqual(shortened.leaves);
    expect(staff.events.slice(-2).map((e) => e.type)).toEqual(['StaffLeaveEnded', 'StaffLeaveEnded']);
  });

  it('refuses an unknown leave, a new end outside the leave and a stale version, changing nothing', async () => {
    const { end, staff, recorded } = await setup();
    const base = { staffId: recorded.id, expectedVersion: recorded.version };
    expect(paths(await end({ ...base, fromDate: '2026-03-03' }, admin).catch((e: unknown) => e))).toEqual([
      'fromDate:NOT_FOUND',
    ]);
    expect(
      paths(await end({ ...base, fromDate: '2026-03-01', toDate: '2026-03-06' }, admin).catch((e: unknown) => e)),
    ).toEqual(['toDate:RANGE']);
    expect(
      paths(await end({ ...base, fromDate: '2026-03-01', toDate: '2026-02-28' }, admin).catch((e: unknown) => e)),
    ).toEqual(['toDate:RANGE']);
    await expect(end({ ...base, fromDate: '2026-03-10', expectedVersion: 1 }, admin)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await staff.findById(recorded.id))!.leaves).toHaveLength(2);
  });
});
