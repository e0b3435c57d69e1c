import { applyTransition, dueForDefault, ratedCase, type CaseTransitionFacts, type ServedCase } from './served-case';

let n = 0;
const fact = (over: Partial<CaseTransitionFacts>): CaseTransitionFacts => ({
  eventId: `e-${++n}`,
  occurredAt: new Date('2026-12-01T02:00:00Z'),
  occurredOn: '2026-12-01',
  transition: 'submitted',
  status: 'pre_review',
  caseId: 'c-1',
  caseNumber: '6203212026120100001',
  tenant: '620321',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  applicantName: '张*',
  actor: '',
  ...over,
});

function walk(facts: CaseTransitionFacts[]): ServedCase {
  let c: ServedCase | undefined;
  for (const f of facts) c = applyTransition(c, f, 7) ?? c;
  return c!;
}

describe('a served case', () => {
  const accepted = fact({ transition: 'accepted', status: 'processing', actor: 'ycx-clerk' });
  const reviewed = fact({
    transition: 'step_completed',
    status: 'processing',
    actor: 'ycx-reviewer',
    step: { name: '审查', department: '620321-SCJG', handledBy: 'ycx-reviewer' },
  });
  const decided = fact({ transition: 'decided', status: 'approved', actor: 'ycx-approver', decidedBy: 'ycx-approver' });
  const issued = fact({
    transition: 'result_issued',
    status: 'completed',
    actor: 'ycx-clerk',
    occurredAt: new Date('2026-12-28T03:00:00Z'),
    occurredOn: '2026-12-28',
  });

  it('names who served it, once per part, and is due its default seven natural days after completion', () => {
    const c = walk([fact({}), accepted, reviewed, decided, issued]);
    expect(c.staff).toEqual([
      { username: 'ycx-clerk', department: '620321-SCJG', part: '受理' },
      { username: 'ycx-reviewer', department: '620321-SCJG', part: '审查' },
      { username: 'ycx-approver', department: '620321-SCJG', part: '决定' },
      { username: 'ycx-clerk', department: '620321-SCJG', part: '出具结果' },
    ]);
    expect(c.completedAt).toEqual(new Date('2026-12-28T03:00:00Z'));
    expect(c.defaultOn).toBe('2027-01-04');
    expect(dueForDefault(c, '2027-01-03')).toBe(false);
    expect(dueForDefault(c, '2027-01-04')).toBe(true);
    expect(dueForDefault({ ...c, ratingId: 'r-1' }, '2027-01-05')).toBe(false);
    expect(ratedCase(c)).toMatchObject({ subject: 'case', caseId: 'c-1', visitId: '', staff: c.staff });
  });

  it('keeps its first completion: delivery and archiving move nothing', () => {
    const c = walk([
      accepted,
      issued,
      fact({ transition: 'delivered', status: 'delivered', occurredOn: '2026-12-30' }),
      fact({ transition: 'archived', status: 'archived', occurredOn: '2027-01-02' }),
    ]);
    expect(c.defaultOn).toBe('2027-01-04');
  });

  it('is not due while open, and a redelivered event changes nothing', () => {
    const open = walk([fact({}), accepted]);
    expect(open.completedAt).toBeUndefined();
    expect(dueForDefault(open, '2099-01-01')).toBe(false);
    expect(applyTransition(open, accepted, 7)).toBeNull();
  });
});
