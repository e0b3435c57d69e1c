/* How a project's progress reads, the same on the workbench and for the investor on the portal (重大项目, J20). */

/** The expected completion: the latest promised date of the cases in progress, or why there is none. */
export function expectedCompletionText(p: { expectedCompletionDate?: string; casesInProgress: number }): string {
  if (p.expectedCompletionDate) return p.expectedCompletionDate;
  return p.casesInProgress > 0 ? '尚未计时' : '—';
}

/** A number shown masked (139****9633) cannot be dialled; a full one can. */
export function dialable(phone: string): boolean {
  return /^[0-9+][0-9-]{4,}$/.test(phone.trim());
}

/** The 代办员 as one line: name and phone, or that none was assigned yet. */
export function agentText(agent?: { displayName: string; phone: string }): string {
  if (!agent) return '未指定';
  return `${agent.displayName}（${agent.phone || '未登记电话'}）`;
}

/** The figures of a progress view, in the order they are shown. */
export function progressFigures(p: {
  casesTotal: number;
  casesCompleted: number;
  casesInProgress: number;
  casesOverdue: number;
}): { title: string; value: number }[] {
  return [
    { title: '办件总数', value: p.casesTotal },
    { title: '已办结', value: p.casesCompleted },
    { title: '在办', value: p.casesInProgress },
    { title: '已超期', value: p.casesOverdue },
  ];
}
