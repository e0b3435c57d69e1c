import type { Window } from '../api/types';
import { queueChoices, type Staff } from './queues';

const at = '2026-03-01T00:00:00.000Z';
const staff = (over: Partial<Staff>): Staff => ({
  id: 'staff-1',
  tenant: '620321',
  department: '620321-SCJG',
  username: 'ycx-clerk',
  displayName: '窗口一',
  phone: '138****0001',
  roles: ['window_clerk'],
  status: 'active',
  leaves: [],
  version: 1,
  createdAt: at,
  updatedAt: at,
  ...over,
});
const win = (id: string, number: string, a?: string, b?: string): Window => ({
  id,
  tenant: '620321',
  number,
  name: '市场监管窗口',
  kind: 'department',
  department: '620321-SCJG',
  servesDepartments: ['620321-SCJG'],
  ...(a ? { aPostStaffId: a } : {}),
  ...(b ? { bPostStaffId: b } : {}),
  location: '一楼',
  version: 1,
  createdAt: at,
  updatedAt: at,
});

describe('the queues a member of staff works', () => {
  const windows = [
    win('w-1', 'A03', 'staff-1', 'staff-2'),
    win('w-2', 'A04', 'staff-3', 'staff-1'),
    win('w-3', 'A05', 'staff-4'),
  ];

  it('are the pre-review queue of each window they hold the A or B post of, then their roles’ steps', () => {
    const choices = queueChoices(staff({ roles: ['window_clerk', 'center_admin'] }), windows);
    expect(choices.map((c) => [c.key, c.label, c.query])).toEqual([
      ['window:w-1', 'A03号窗口 市场监管窗口（A岗）', { tenant: '620321', windowId: 'w-1' }],
      ['window:w-2', 'A04号窗口 市场监管窗口（B岗）', { tenant: '620321', windowId: 'w-2' }],
      [
        'role:window_clerk',
        '窗口工作人员的在办环节',
        { tenant: '620321', department: '620321-SCJG', role: 'window_clerk' },
      ],
    ]);
  });

  it('for a reviewer without a window: the department’s steps of that role; without a department: none', () => {
    const reviewer = queueChoices(staff({ id: 'staff-9', roles: ['reviewer', 'approver'] }), windows);
    expect(reviewer.map((c) => c.query)).toEqual([
      { tenant: '620321', department: '620321-SCJG', role: 'reviewer' },
      { tenant: '620321', department: '620321-SCJG', role: 'approver' },
    ]);
    const { department: _none, ...centerStaff } = staff({ id: 'staff-9', roles: ['reviewer'] });
    expect(queueChoices(centerStaff, windows)).toEqual([]);
  });
});
