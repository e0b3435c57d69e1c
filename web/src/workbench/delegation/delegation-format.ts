import type { DelegatedCase, DelegatedCaseState, DelegatedLeg, Profile } from '../../api/types';

// 代受理件 (delegated cases, J7) as the workbench shows them.

export type { DelegatedCase, DelegatedCaseState, DelegatedLeg };
type Staff = Pick<NonNullable<Profile['staff']>, 'username' | 'roles' | 'department'>;

export const DELEGATED_STATE: Readonly<Record<DelegatedCaseState, string>> = {
  at_center: '待转办',
  at_department: '部门办理中',
  replying: '待回复',
  replied: '已回复',
  cancelled: '已撤销',
};
export const DELEGATED_STATE_COLOR: Readonly<Record<DelegatedCaseState, string>> = {
  at_center: 'orange',
  at_department: 'blue',
  replying: 'purple',
  replied: 'green',
  cancelled: 'default',
};

const LEG_KINDS: Readonly<Partial<Record<DelegatedLeg['kind'], string>>> = {
  delegated_transfer: '中心转办',
  delegated_department: '部门办理',
  delegated_reply: '中心回复',
};
/** A delegated case's leg in words (the leg kinds are shared with joint review and escalation). */
export const legKindText = (kind: DelegatedLeg['kind']): string => LEG_KINDS[kind] ?? '办理环节';

/** A leg's state in words; a finished leg says how it ended. */
export function legStateText(leg: Pick<DelegatedLeg, 'state' | 'end'>): string {
  if (leg.state === 'running') return '计时中';
  if (leg.state === 'finished') return leg.end === 'cancelled' ? '已撤销' : '已完成';
  return '未开始';
}

/** The running leg (the clock now counting), if any. */
export const runningLeg = (d: Pick<DelegatedCase, 'legs'>): DelegatedLeg | undefined =>
  d.legs.find((l) => l.state === 'running');

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

export interface DueText {
  color: 'green' | 'orange' | 'red';
  text: string;
}

/**
 * How a running leg's due date reads against `today` (China's date, YYYY-MM-DD), in calendar days: 剩余 N 天
 * (orange in the last three days), 今日到期, 已超期 N 天. The leg's budget is in working days; the due date is the
 * service's, counted on the tenant's working calendar.
 */
export function dueText(dueDate: string | undefined, today: string): DueText | undefined {
  if (!dueDate) return undefined;
  const left = Math.round(dayNumber(dueDate) - dayNumber(today));
  if (Number.isNaN(left)) return undefined;
  if (left < 0) return { color: 'red', text: `已超期 ${-left} 天` };
  if (left === 0) return { color: 'red', text: '今日到期' };
  return { color: left <= 3 ? 'orange' : 'green', text: `剩余 ${left} 天` };
}

/**
 * Who may transfer (转办) the case now, as the service decides it: the center's administrators, or the window clerk
 * responsible for the running transfer leg (the clerk serving the accepting window today). The service still checks.
 */
export function mayTransfer(staff: Staff, d: Pick<DelegatedCase, 'state' | 'legs'>): boolean {
  if (d.state !== 'at_center') return false;
  if (staff.roles.includes('center_admin')) return true;
  const leg = runningLeg(d);
  return staff.roles.includes('window_clerk') && (!leg?.responsible || leg.responsible === staff.username);
}

/** What is expected next, and of whom, as staff read it on the case's page. */
export function nextStep(d: Pick<DelegatedCase, 'state' | 'decision'>): string {
  switch (d.state) {
    case 'at_center':
      return '综合窗口审查材料后，填写预审意见并转办委托部门。';
    case 'at_department':
      return '委托部门须在办件中作出决定（准予许可或不予许可），决定后由中心综合窗口回复申请人。';
    case 'replying':
      return `委托部门已作出决定（${d.decision?.outcome === 'denied' ? '不予许可' : '准予许可'}），综合窗口须向申请人出具并送达结果。`;
    case 'replied':
      return '中心已向申请人送达办理结果，代受理完成。';
    case 'cancelled':
      return '代受理已撤销。';
  }
}

/** Staff who see only their own department's cases (the service narrows them); the center and supervisors see all. */
export const seesAll = (staff: Pick<Staff, 'roles'>): boolean =>
  staff.roles.some((r) => r === 'center_admin' || r === 'supervisor');
