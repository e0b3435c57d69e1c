import { signalRecipients, type StaffEntry } from './recipients';

const staff: StaffEntry[] = [
  {
    id: 's1',
    tenant: '620321',
    department: '620321-SCJG',
    username: 'ycx-clerk',
    roles: ['window_clerk'],
    active: true,
  },
  {
    id: 's2',
    tenant: '620321',
    department: '620321-SCJG',
    username: 'ycx-head',
    roles: ['department_head'],
    active: true,
  },
  {
    id: 's3',
    tenant: '620321',
    department: '620321-GTJ',
    username: 'other-head',
    roles: ['department_head'],
    active: true,
  },
  { id: 's4', tenant: '620321', department: '', username: 'ycx-supervisor', roles: ['supervisor'], active: true },
  { id: 's5', tenant: '620321', department: '', username: 'gone-supervisor', roles: ['supervisor'], active: false },
  { id: 's6', tenant: '620302', department: '', username: 'jcq-supervisor', roles: ['supervisor'], active: true },
];

describe('who is told of a signal (S16)', () => {
  it('the responsible person, the window lead, the department head and the tenant supervisors, each once', () => {
    expect(
      signalRecipients({ tenant: '620321', department: '620321-SCJG', responsible: 'ycx-reviewer' }, staff, {
        id: 'w-1',
        tenant: '620321',
        aPostStaffId: 's1',
      }),
    ).toEqual([
      'responsible:ycx-reviewer',
      'window_lead:ycx-clerk',
      'department_head:ycx-head',
      'supervisor:ycx-supervisor',
    ]);
  });

  it('without a known window or responsible person, the others still', () => {
    expect(
      signalRecipients({ tenant: '620321', department: '620321-SCJG', responsible: '' }, staff, undefined),
    ).toEqual(['department_head:ycx-head', 'supervisor:ycx-supervisor']);
  });
});
