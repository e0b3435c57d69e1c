import type { Principal, Role } from '@govhall/auth';
import type { CaseEventFacts } from '../../domain/violations/case-event-facts';

export const who = (roles: Role[], tenant = '620321', username = 'sup1'): Principal => ({
  kind: 'user',
  subject: `s-${username}`,
  username,
  tenant,
  roles,
  clientId: 'c',
});

export const clock = (at = new Date('2026-03-12T02:00:00Z')) => ({ now: () => at });

/** A case decided on 2026-03-11 (China time), one day after its promised due date. */
export const lateDecision = (over: Partial<CaseEventFacts> = {}): CaseEventFacts => ({
  eventId: 'ev-late',
  occurredAt: new Date('2026-03-11T02:00:00Z'),
  transition: 'decided',
  reason: '',
  caseId: 'case-1',
  caseNumber: '620321202603020001',
  tenant: '620321',
  channel: 'online',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  responsible: 'approver1',
  actor: 'approver1',
  receivedDate: '2026-03-02',
  acceptedDate: '2026-03-03',
  promisedDueDate: '2026-03-10',
  noticeDueDate: '2026-03-09',
  decidedOnTheSpot: false,
  licences: [],
  decision: { outcome: 'approved', reasons: [], decidedBy: 'approver1' },
  ...over,
});
