import type { Escalation, EscalationState, EscalationUpdate } from '../../api/types';

/** 上报件: a record's state as the lower center and the parent's staff read it. */
export const ESCALATION_STATE: Readonly<Record<EscalationState, string>> = {
  awaiting_forward: '待报送',
  transferring: '报送中',
  in_handling: '上级办理中',
  returned: '退回补充',
  decided: '上级已决定',
  concluded: '已办结',
  withdrawn: '已撤回',
};
export const ESCALATION_STATE_COLOR: Readonly<Record<EscalationState, string>> = {
  awaiting_forward: 'orange',
  transferring: 'blue',
  in_handling: 'blue',
  returned: 'red',
  decided: 'green',
  concluded: 'green',
  withdrawn: 'default',
};

/** What an update from the parent says. */
export const ESCALATION_UPDATE_KIND: Readonly<Record<EscalationUpdate['kind'], string>> = {
  received: '上级已接收',
  claimed: '上级已签收',
  returned: '退回补充',
  progress: '办理进展',
  special_procedure_started: '特别程序开始',
  special_procedure_ended: '特别程序结束',
  decided: '上级已决定',
};

/** Why the last transfer attempt failed (the service's reason codes), in Chinese. */
const TRANSFER_ERRORS: Readonly<Record<string, string>> = {
  PARENT_UNAVAILABLE: '上级中心暂时无法连接，系统正在自动重试',
  UNAVAILABLE: '上级中心暂时无法连接，系统正在自动重试',
  NOT_A_CHILD_TENANT: '上级中心不接受本中心的报送（不是其下级）',
  TENANT_NOT_HOSTED: '上级中心的系统不受理该租户的报送',
  TENANT_OUT_OF_SCOPE: '本中心使用的上级中心账号无权报送',
  DEPARTMENT_OUT_OF_SCOPE: '上级中心账号无权报送到该部门',
  CHECKSUM_MISMATCH: '材料文件校验不一致，正在重新报送',
  TOO_LARGE: '材料文件超过上级中心允许的大小',
  UNKNOWN: '上级中心不认可所选的办理部门',
};

export function transferErrorText(code: string): string {
  return TRANSFER_ERRORS[code] ?? `报送未成功（${code}），系统正在自动重试`;
}

/** The due date of the record's running (or latest) leg: the forwarding leg at the sender, handling at the parent. */
export function legDueDate(e: Escalation): string | undefined {
  const running = e.legs.filter((l) => l.state !== 'finished');
  return (running.at(-1) ?? e.legs.at(-1))?.dueDate;
}

/** "a\nb\n\n" → ["a", "b"]: one reason per line. */
export const linesOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
