import type { StaffFact } from '../usecases/staff-facts.port';
import type { NewWindowInput } from './window';

// Windows and the staff on their posts, for the unit tests of windows and their use cases.

/** An active clerk of 永昌县's 市场监督管理局 unless overridden. */
export function staffFact(id: string, overrides: Partial<StaffFact> = {}): StaffFact {
  return {
    id,
    tenant: '620321',
    department: '620321-SCJG',
    username: `yc-${id}`,
    displayName: `工作人员${id}`,
    roles: ['window_clerk'],
    status: 'active',
    leaves: [],
    ...overrides,
  };
}

/** A department window of 永昌县's 市场监督管理局 with clerks a (A post) and b (B post) unless overridden. */
export function windowInput(overrides: Partial<NewWindowInput> = {}): NewWindowInput {
  return {
    tenant: '620321',
    number: 'A03',
    name: '市场监管窗口',
    kind: 'department',
    department: '620321-SCJG',
    servesDepartments: ['620321-SCJG'],
    aPostStaffId: 'a',
    bPostStaffId: 'b',
    location: '一楼东侧',
    ...overrides,
  };
}
