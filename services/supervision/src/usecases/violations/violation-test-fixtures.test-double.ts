import type { Principal, Role } from '@govhall/auth';
import type { CaseEventFacts } from '../../domain/violations/case-event-facts';
import { dismissViolationUseCase } from './dismiss-violation/dismiss-violation.usecase';
import { getViolationUseCase } from './get-violation/get-violation.usecase';
import { listViolationsUseCase } from './list-violations/list-violations.usecase';
import { MemoryViolationStore } from './memory-violation-store.test-double';
import { recordCaseViolationsUseCase } from './record-case-violations/record-case-violations.usecase';

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

/** Three late decisions: in 永昌县 (620321), its sibling 金川区 (620302), and 榆中县 of another city (620123). */
export async function violationWorld() {
  const violations = new MemoryViolationStore();
  const record = recordCaseViolationsUseCase({ violations, clock: clock() });
  await record(lateDecision());
  await record(lateDecision({ caseId: 'case-2', tenant: '620302', caseNumber: '620302202603020001' }));
  await record(lateDecision({ caseId: 'case-3', tenant: '620123', caseNumber: '620123202603020001' }));
  return {
    violations,
    record,
    list: listViolationsUseCase({ violations }),
    get: getViolationUseCase({ violations }),
    dismiss: dismissViolationUseCase({ violations }),
  };
}
