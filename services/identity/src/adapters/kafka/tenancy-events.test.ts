import { decodeEnvelope } from '@govhall/kafka';
import { identityV1 } from '@govhall/proto';
import { createDepartment } from '../../domain/department';
import { createTenant } from '../../domain/tenant';
import { assignPosts, createWindow } from '../../domain/window';
import { windowInput } from '../../domain/window.test-double';
import { TENANT_TOPIC, toOutbox } from './tenancy-events';

const NOW = new Date('2026-11-26T02:00:00Z');
const actor = {
  kind: 'user' as const,
  subject: 'sub-1',
  username: 'yc-admin',
  tenant: '620321',
  roles: ['center_admin' as const],
  clientId: 'govhall-workbench',
};

describe('tenancy events', () => {
  it('keys every message by the tenant code and carries the proto event as payload', () => {
    const { events: tenantEvents } = createTenant(
      {
        code: '620321',
        name: '永昌县',
        level: '',
        parentCode: '620300',
        center: { name: '永昌县政务服务中心', address: '永昌县城关镇', hours: '周一至周五', phones: ['0935-12345'] },
      },
      NOW,
    );
    const { events: departmentEvents } = createDepartment(
      { tenant: '620321', abbreviation: 'SCJG', name: '永昌县市场监督管理局' },
      NOW,
    );
    const created = createWindow(
      windowInput({ number: 'B01', servesDepartments: [], location: '' }),
      '00000000-0000-4000-8000-000000000001',
      NOW,
    );
    const assigned = assignPosts(created.window, 'b', 'a', NOW);
    const messages = toOutbox([...tenantEvents, ...departmentEvents, ...created.events, ...assigned.events], actor);

    expect(messages.map((m) => [m.topic, m.key])).toEqual(Array(4).fill([TENANT_TOPIC, '620321']));
    const envelopes = messages.map((m) => decodeEnvelope(m.value));
    expect(envelopes.map((e) => [e.type, e.aggregateId, e.aggregateVersion])).toEqual([
      ['govhall.identity.v1.TenantCreated', '620321', 1],
      ['govhall.identity.v1.DepartmentCreated', '620321-SCJG', 1],
      ['govhall.identity.v1.WindowCreated', '00000000-0000-4000-8000-000000000001', 1],
      ['govhall.identity.v1.WindowPostsAssigned', '00000000-0000-4000-8000-000000000001', 2],
    ]);
    expect(identityV1.TenantCreated.decode(envelopes[0]!.payload).tenant).toMatchObject({
      code: '620321',
      parentCode: '620300',
      level: identityV1.TenantLevel.TENANT_LEVEL_COUNTY,
    });
    expect(identityV1.WindowPostsAssigned.decode(envelopes[3]!.payload).window).toMatchObject({
      kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
      servesDepartments: ['620321-SCJG'],
      aPostStaffId: 'b',
      bPostStaffId: 'a',
    });
    expect(envelopes[0]!.actor).toMatchObject({ username: 'yc-admin', tenant: '620321' });
  });
});
