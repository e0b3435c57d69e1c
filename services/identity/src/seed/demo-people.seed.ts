import type { Role } from '@govhall/auth';
import type { StaffRoleSlug } from './tenancy.seed';

/** Password of every seeded demo login (the same as the realm file's test logins). */
export const DEMO_PASSWORD = 'Demo@2026';

/**
 * Role and department of each seeded staff slug: department roles sit in the window department (`window`), the
 * legal-affairs window's complaint handler in the 司法局 (`legal_affairs`), the center's people in none.
 */
export const SLUG_ROLES: Readonly<
  Record<StaffRoleSlug, { role: Role; department: 'window' | 'legal_affairs' | 'none'; title: string }>
> = {
  clerk: { role: 'window_clerk', department: 'window', title: '窗口受理人员（A岗）' },
  'clerk-b': { role: 'window_clerk', department: 'window', title: '窗口受理人员（B岗）' },
  reviewer: { role: 'reviewer', department: 'window', title: '审查人员' },
  approver: { role: 'approver', department: 'window', title: '审批人员' },
  head: { role: 'department_head', department: 'window', title: '部门负责人' },
  admin: { role: 'center_admin', department: 'none', title: '中心管理员' },
  supervisor: { role: 'supervisor', department: 'none', title: '电子监察人员' },
  complaints: { role: 'complaint_handler', department: 'none', title: '投诉处理人员' },
  finance: { role: 'finance_reconciler', department: 'none', title: '财务对账人员' },
  ops: { role: 'ops_admin', department: 'none', title: '运维管理员' },
  legal: { role: 'complaint_handler', department: 'legal_affairs', title: '法制办窗口投诉处理人员' },
};

/**
 * Demo applicants. The ID numbers and credit codes are synthetic: they pass the GB 11643 / GB 32100 checks
 * (computed with the standards' algorithms) but belong to nobody.
 */
export const DEMO_NATURAL_PERSONS = [
  { tenant: '620321', name: '张三', idNumber: '62032119900307123X', phone: '13909350001' },
  { tenant: '620321', name: '李四', idNumber: '620321198506122049', phone: '13909350002' },
  { tenant: '620302', name: '王五', idNumber: '620302197809213315', phone: '13909350003' },
] as const;

export const DEMO_LEGAL_PERSON = {
  tenant: '620321',
  name: '永昌县金川河商贸有限公司',
  creditCode: '91620321MA7H2K3L1W',
  legalRepresentativeName: '张三',
  legalRepresentativeIdNumber: '62032119900307123X',
  /** 张三 holds the account; 李四 is authorised as agent (经办人) for market regulation only. */
  holderIdNumber: '62032119900307123X',
  agentIdNumber: '620321198506122049',
  agentDepartments: ['620321-SCJG'],
} as const;
