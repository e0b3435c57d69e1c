import { attachCase, assignAgent, createProject, mirrorCase, type CaseFacts, type Project } from './project';
import { isOverdue, isPublic, progressOf, publicProgressOf } from './project-progress';

const at = new Date('2026-11-02T02:00:00Z');
const base = createProject({
  id: 'p-1',
  tenant: '620321',
  content: {
    name: '永昌县金川河商贸物流园建设项目',
    projectCode: '2026-620321-59-01-000123',
    kind: 'investment',
    authorisation: 'filing',
    classified: false,
    publicProgress: true,
    description: '',
    location: '',
    totalInvestmentFen: 0,
  },
  investor: { personId: 'lp-1', name: '永昌县金川河商贸有限公司', creditCode: '91620321MA74XXXX0X' },
  investorPersonId: 'lp-1',
  createdBy: 'yc-admin',
  requestId: 'r-1',
  at,
});
const facts = (caseId: string, receivedDate: string, dueDate: string): CaseFacts => ({
  caseId,
  caseNumber: `n-${caseId}`,
  tenant: '620321',
  itemName: `事项${caseId}`,
  department: '620321-SCJG',
  status: 'processing',
  applicantPersonId: 'lp-1',
  receivedDate,
  dueDate,
  completedDate: '',
  version: 1,
});

function world(): Project {
  let p = assignAgent(
    base,
    { username: 'ycx-clerk', displayName: '张明', phone: '0935-7521234' },
    'ycx-clerk',
    'yc-admin',
    at,
  );
  for (const [id, r, d] of [
    ['a', '2026-11-02', '2026-11-06'],
    ['b', '2026-11-02', '2026-11-20'],
    ['c', '2026-11-02', '2026-11-04'],
    ['d', '2026-11-03', ''],
  ] as const) {
    p = attachCase(p, facts(id, r, d), 'ycx-clerk', at);
  }
  // a: completed late (11-09 after its 11-06); c: withdrawn; b and d: in progress.
  p = mirrorCase(p, { caseId: 'a', status: 'completed', dueDate: '', completedDate: '2026-11-09', version: 2 }, at)!;
  return mirrorCase(p, { caseId: 'c', status: 'withdrawn', dueDate: '', completedDate: '', version: 2 }, at)!;
}

describe('the progress of a project', () => {
  it('counts completed, in progress and overdue cases, and the expected completion date', () => {
    const v = progressOf(world(), '2026-11-10');
    expect(v).toMatchObject({
      casesTotal: 4,
      casesCompleted: 1,
      casesInProgress: 2,
      casesOverdue: 1,
      expectedCompletionDate: '2026-11-20',
      agent: { displayName: '张明', phone: '0935-7521234' },
    });
    expect(v.cases.map((c) => [c.caseId, c.overdue])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
      ['d', false],
    ]);
    // Past the in-progress case's due date it is overdue too.
    expect(progressOf(world(), '2026-11-21').casesOverdue).toBe(2);
  });

  it('says when a case is overdue', () => {
    expect(isOverdue({ status: 'processing', dueDate: '2026-11-05', completedDate: '' }, '2026-11-05')).toBe(false);
    expect(isOverdue({ status: 'processing', dueDate: '2026-11-05', completedDate: '' }, '2026-11-06')).toBe(true);
    expect(isOverdue({ status: 'delivered', dueDate: '2026-11-05', completedDate: '2026-11-05' }, '2026-12-01')).toBe(
      false,
    );
    expect(isOverdue({ status: 'voided', dueDate: '2026-11-05', completedDate: '' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'pre_review', dueDate: '', completedDate: '' }, '2026-12-01')).toBe(false);
  });

  it('shows the public a masked view, and never a classified or unpublished project', () => {
    const p = world();
    const v = publicProgressOf(p, '2026-11-10', (d) => (d === '620321-SCJG' ? '永昌县市场监督管理局' : d));
    expect(v).toMatchObject({
      projectCode: '2026-620321-59-01-000123',
      investorName: '永昌县*****有限公司',
      agentName: '张*',
      agentPhone: '0935-7521234',
      asOfDate: '2026-11-10',
    });
    expect(v.cases[0]).toEqual({
      itemName: '事项a',
      departmentName: '永昌县市场监督管理局',
      status: 'completed',
      receivedDate: '2026-11-02',
      dueDate: '2026-11-06',
      completedDate: '2026-11-09',
    });
    expect(JSON.stringify(v)).not.toMatch(/金川河商贸有限公司|张明|n-a|lp-1|91620321/);
    expect(isPublic(p)).toBe(true);
    expect(isPublic({ ...p, classified: true })).toBe(false);
    expect(isPublic({ ...p, publicProgress: false })).toBe(false);
  });
});
