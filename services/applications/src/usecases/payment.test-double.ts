/* Cases and notices of the payment tests (fakes live only in unit tests). */
import type { Case } from '../domain/case';
import type { NoticeFacts } from '../domain/payment';
import { acceptedCase } from './handling.test-double';

/**
 * The accepted case of handling.test-double decided on 2026-10-07: 审查 and 决定 done, 制证 active (due 10-09),
 * promised due 10-12, statutory 10-26.
 */
export function approvedCase(overrides: Partial<Case> = {}): Case {
  const base = acceptedCase();
  return {
    ...base,
    status: 'approved',
    decision: { outcome: 'approved', reasons: [], remedies: [], decidedBy: 'yc-approver', decidedAt: base.updatedAt },
    documents: [
      {
        id: 'doc-decision',
        kind: 'decision',
        number: 'D1',
        issuedAt: base.updatedAt,
        issuedBy: 'yc-approver',
        sha256: '',
      },
    ],
    steps: base.steps.map((s) =>
      s.index < 3 ? { ...s, state: 'done' } : s.index === 3 ? { ...s, state: 'active', dueDate: '2026-10-09' } : s,
    ),
    ...overrides,
  };
}

/** The payments service's notice of `c`: 550.10 yuan, to be paid by 2026-10-20. */
export function noticeOf(c: Pick<Case, 'id' | 'tenant'>, overrides: Partial<NoticeFacts> = {}): NoticeFacts {
  return {
    noticeId: 'notice-1',
    tenant: c.tenant,
    caseId: c.id,
    number: '永昌县政务服务中心缴〔2026〕00012号',
    paymentCode: '62032126100800001237',
    totalFen: 55_010,
    deadline: '2026-10-20',
    ...overrides,
  };
}
