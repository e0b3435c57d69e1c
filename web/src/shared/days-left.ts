/**
 * How a case's remaining time looks in a queue or a list: green while there is time, orange in the last three
 * working days, red on the due day and after it. The count is the service's (`workingDaysLeft`, working days to
 * the due date, negative once overdue); without a running clock nothing is counted.
 */
export type Urgency = 'none' | 'ample' | 'soon' | 'due';

export interface TimeLeft {
  urgency: Urgency;
  /** antd Tag colour. */
  color: 'default' | 'green' | 'orange' | 'red';
  text: string;
}

/** Working days left at or below which a case turns orange. */
export const SOON_WORKING_DAYS = 3;

export function timeLeft(workingDaysLeft: number | undefined, clockRunning: boolean): TimeLeft {
  if (!clockRunning || workingDaysLeft === undefined) return { urgency: 'none', color: 'default', text: '不计时' };
  if (workingDaysLeft < 0) return { urgency: 'due', color: 'red', text: `已超期 ${-workingDaysLeft} 个工作日` };
  if (workingDaysLeft === 0) return { urgency: 'due', color: 'red', text: '今日到期' };
  if (workingDaysLeft <= SOON_WORKING_DAYS) {
    return { urgency: 'soon', color: 'orange', text: `剩余 ${workingDaysLeft} 个工作日` };
  }
  return { urgency: 'ample', color: 'green', text: `剩余 ${workingDaysLeft} 个工作日` };
}
