/** The realm's roles (packages/auth `Role`). */
export type RoleCode =
  | 'applicant'
  | 'window_clerk'
  | 'reviewer'
  | 'approver'
  | 'department_head'
  | 'center_admin'
  | 'supervisor'
  | 'complaint_handler'
  | 'finance_reconciler'
  | 'ops_admin'
  | 'hall_screen'
  | 'rating_device'
  | 'service';

export const ROLE_NAMES: Readonly<Record<RoleCode, string>> = {
  applicant: '申请人',
  window_clerk: '窗口工作人员',
  reviewer: '审查人员',
  approver: '审批人员',
  department_head: '部门负责人',
  center_admin: '政务服务中心管理员',
  supervisor: '监督人员',
  complaint_handler: '投诉处理人员',
  finance_reconciler: '财务对账人员',
  ops_admin: '运维管理员',
  hall_screen: '大厅大屏',
  rating_device: '窗口评价器',
  service: '服务账号',
};
