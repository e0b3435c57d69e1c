import { applicationsV1 } from '@govhall/proto';
import { followDelegatedCase, type DelegationStreamUseCases } from './delegated-case-stream';

const T = applicationsV1.Transition;
const at = new Date('2026-06-04T02:00:00Z');

function recording(answer: unknown) {
  const calls: [string, unknown[]][] = [];
  const uc = {
    open: async (...args: unknown[]) => (calls.push(['open', args]), answer),
    decide: async (...args: unknown[]) => (calls.push(['decide', args]), answer),
    reply: async (...args: unknown[]) => (calls.push(['reply', args]), answer),
    cancel: async (...args: unknown[]) => (calls.push(['cancel', args]), answer),
  } as unknown as DelegationStreamUseCases;
  return { uc, calls };
}

const event = (transition: applicationsV1.Transition, over: Partial<applicationsV1.CaseTransitioned> = {}) =>
  applicationsV1.CaseTransitioned.fromPartial({
    transition,
    facts: {
      tenant: '620321',
      caseId: 'case-1',
      caseNumber: 'C-1',
      itemId: 'edition-2',
      itemName: '取水许可',
      itemBasicCode: '000123456001',
      department: '620321-SLJ',
      windowId: 'w-zh',
      clocks: { promised: { dueDate: '2026-06-30' } },
    },
    ...over,
  });

describe('the case stream for delegated cases', () => {
  it('opens on ACCEPTED with the case facts, and says whether it wrote', async () => {
    const { uc, calls } = recording({ created: true });
    await expect(followDelegatedCase(uc, event(T.TRANSITION_ACCEPTED), at)).resolves.toBe(true);
    expect(calls).toEqual([
      [
        'open',
        [
          {
            tenant: '620321',
            caseId: 'case-1',
            caseNumber: 'C-1',
            itemId: 'edition-2',
            itemName: '取水许可',
            itemBasicCode: '000123456001',
            department: '620321-SLJ',
            windowId: 'w-zh',
            casePromisedDueDate: '2026-06-30',
            at,
          },
        ],
      ],
    ]);
    await expect(followDelegatedCase(recording(null).uc, event(T.TRANSITION_ACCEPTED), at)).resolves.toBe(false);
  });

  it("records DECIDED's outcome and its decider, DELIVERED as the reply, WITHDRAWN and VOIDED as cancellations", async () => {
    const { uc, calls } = recording({ id: 'dc-1' });
    const decidedAt = new Date('2026-06-08T02:00:00Z');
    await followDelegatedCase(
      uc,
      event(T.TRANSITION_DECIDED, {
        decision: {
          outcome: applicationsV1.Outcome.OUTCOME_DENIED,
          reasons: ['不符合'],
          remedies: [],
          decidedBy: 'slj.approver',
          decidedAt,
        },
      }),
      at,
    );
    await followDelegatedCase(uc, event(T.TRANSITION_DELIVERED), at);
    await followDelegatedCase(uc, event(T.TRANSITION_WITHDRAWN), at);
    await followDelegatedCase(uc, event(T.TRANSITION_VOIDED), at);
    expect(calls).toEqual([
      [
        'decide',
        [
          {
            tenant: '620321',
            caseId: 'case-1',
            outcome: 'denied',
            reasons: ['不符合'],
            remedies: [],
            decidedBy: 'slj.approver',
            at: decidedAt,
          },
        ],
      ],
      ['reply', ['620321', 'case-1', at]],
      ['cancel', ['620321', 'case-1', '申请人已撤回申请', at]],
      ['cancel', ['620321', 'case-1', '办件已作废', at]],
    ]);
  });

  it('ignores other transitions and a decision without an outcome', async () => {
    const { uc, calls } = recording({ id: 'dc-1' });
    await expect(followDelegatedCase(uc, event(T.TRANSITION_STEP_COMPLETED), at)).resolves.toBe(false);
    await expect(followDelegatedCase(uc, event(T.TRANSITION_DECIDED), at)).resolves.toBe(false);
    expect(calls).toEqual([]);
  });
});
