import { ConflictError, ValidationError } from '@govhall/errors';
import { staffCommand, staffSetup } from '../in-memory-staff.test-double';
import { authorizer, clock, principal } from '../principals.test-double';
import { recordLeaveUseCase } from './record-leave.usecase';

const admin = principal('yc-admin', '620321', ['center_admin']);

async function setup() {
  const { staff, create } = staffSetup();
  const created = await create(staffCommand({ username: 'on-leave', displayName: '孙八' }), admin);
  return { staff, created, record: recordLeaveUseCase({ staff, authorizer, clock }) };
}

describe('recordLeave', () => {
  it("lets the person's department head record leave, and refuses overlaps", async () => {
    const { record, created } = await setup();
    const head = principal('yc-head', '620321', ['department_head'], '620321-SCJG');
    const leave = { fromDate: '2026-03-02', toDate: '2026-03-04', reason: '年休假' };
    expect((await record({ staffId: created.id, leave }, head)).leaves).toEqual([leave]);
    await expect(
      record({ staffId: created.id, leave: { ...leave, fromDate: '2026-03-04', toDate: '2026-03-05' } }, head),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses another department's head and bad dates", async () => {
    const { record, created } = await setup();
    const otherHead = principal('rsj-head', '620321', ['department_head'], '620321-RSJ');
    const leave = { fromDate: '2026-03-02', toDate: '2026-03-04', reason: '年休假' };
    // Another department's head does not see the record at all.
    await expect(record({ staffId: created.id, leave }, otherHead)).rejects.toMatchObject({
      code: 'STAFF_NOT_FOUND',
    });
    const err = await record(
      { staffId: created.id, leave: { fromDate: '2026-02-30', toDate: '2026-03-01', reason: '' } },
      admin,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['leave.fromDate', 'leave.reason']);
  });
});
