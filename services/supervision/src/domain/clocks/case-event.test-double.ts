import type { CaseEvent } from './case-event';

/**
 * A CaseTransitioned as the domain reads it, for unit tests: a case of tenant 620321 with 5/20-day limits, acted on
 * by the clerk ycx-clerk.
 */
export function caseEvent(
  version: number,
  transition: string,
  day: string,
  overrides: Partial<Omit<CaseEvent, 'facts'>> & { facts?: Partial<CaseEvent['facts']> } = {},
): CaseEvent {
  const { facts, ...rest } = overrides;
  return {
    eventId: `e-${version}`,
    // 10:00 in China
    occurredAt: new Date(`${day}T02:00:00Z`),
    version,
    transition,
    actor: 'ycx-clerk',
    facts: {
      caseId: 'case-1',
      caseNumber: '620321202611020001',
      tenant: '620321',
      status: 'processing',
      channel: 'counter',
      itemName: '食品经营许可',
      itemBasicCode: '000000000001',
      department: '620321-SCJG',
      windowId: 'w-1',
      responsible: 'ycx-reviewer',
      responsibleRole: 'reviewer',
      applicantName: '张*',
      receivedDate: '',
      deemedAccepted: false,
      promisedLimitWorkingDays: 5,
      statutoryLimitWorkingDays: 20,
      ...facts,
    },
    ...rest,
  };
}
