import { getStaffUseCase } from '../get-staff/get-staff.usecase';
import { staffCommand, staffSetup } from '../in-memory-staff.test-double';
import { authorizer, principal, serviceAccount } from '../principals.test-double';
import { listStaffUseCase } from './list-staff.usecase';

async function setup() {
  const { staff, create } = staffSetup();
  for (const n of ['a', 'b', 'c']) {
    await create(
      staffCommand({ username: `yc-${n}`, displayName: '周九' }),
      principal('yc-admin', '620321', ['center_admin']),
    );
  }
  await create(
    staffCommand({
      tenant: '620302',
      department: '620302-SCJG',
      username: 'jcq-a',
      displayName: '周九',
      roles: ['reviewer'],
    }),
    principal('jc-admin', '620302', ['center_admin']),
  );
  return { staff, list: listStaffUseCase({ staff, authorizer }), get: getStaffUseCase({ staff, authorizer }) };
}

describe('listStaff / getStaff scope', () => {
  it('pages through a tenant, phones masked for other staff', async () => {
    const { list } = await setup();
    const viewer = principal('yc-sup', '620321', ['supervisor']);
    const first = await list({ tenant: '620321', pageSize: 2 }, viewer);
    expect(first.staff.map((s) => s.username)).toEqual(['yc-a', 'yc-b']);
    expect(first.total).toBe(3);
    expect(first.staff[0]!.phone).toBe('138****5678');
    const second = await list({ tenant: '620321', pageSize: 2, pageToken: first.nextPageToken }, viewer);
    expect(second.staff.map((s) => s.username)).toEqual(['yc-c']);
    expect(second.nextPageToken).toBe('');
  });

  it('county staff cannot read a district; a city supervisor reads its counties but not another city', async () => {
    const { list, get, staff } = await setup();
    const countyAdmin = principal('yc-admin', '620321', ['center_admin']);
    await expect(list({ tenant: '620302' }, countyAdmin)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    const jcq = [...staff.rows.values()].find((s) => s.username === 'jcq-a')!;
    await expect(get(jcq.id, countyAdmin)).rejects.toMatchObject({ code: 'STAFF_NOT_FOUND' });

    const citySupervisor = principal('jcs-sup', '620300', ['supervisor']);
    expect((await list({ tenant: '620321' }, citySupervisor)).total).toBe(3);
    expect((await get(jcq.id, citySupervisor)).username).toBe('jcq-a');
    const otherCity = principal('lzs-sup', '620100', ['supervisor']);
    await expect(list({ tenant: '620321' }, otherCity)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
  });

  it('department-bound callers list their own department unless they name it', async () => {
    const { list, staff } = await setup();
    const rsj = [...staff.rows.values()].find((s) => s.username === 'yc-a')!;
    staff.rows.set(rsj.id, { ...rsj, department: '620321-RSJ' });
    const clerk = principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG');
    expect((await list({ tenant: '620321' }, clerk)).staff.map((s) => s.username)).toEqual(['yc-b', 'yc-c']);
    await expect(list({ tenant: '620321', department: '620321-RSJ' }, clerk)).rejects.toMatchObject({
      code: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    const system = serviceAccount('yc-scjg-system', '620321', '620321-SCJG');
    expect((await list({ tenant: '620321' }, system)).total).toBe(2);
    const supervisor = principal('yc-sup', '620321', ['supervisor']);
    expect((await list({ tenant: '620321' }, supervisor)).total).toBe(3);
  });

  it('a person reads their own record with the full phone number', async () => {
    const { get, staff } = await setup();
    const me = [...staff.rows.values()].find((s) => s.username === 'yc-a')!;
    const self = { ...principal('yc-a', '620321', ['window_clerk'], '620321-SCJG'), subject: me.subject! };
    expect((await get(me.id, self)).phone).toBe('13812345678');
  });
});
