import {
  assignAgent,
  attachCase,
  closeProject,
  createProject,
  detachCase,
  mirrorCase,
  updateContent,
  validateContent,
  type CaseFacts,
  type Project,
  type ProjectContent,
} from './project';

const at = new Date('2026-11-02T02:00:00Z');
const later = new Date('2026-11-03T02:00:00Z');
const content: ProjectContent = {
  name: '永昌县金川河商贸物流园建设项目',
  projectCode: '2026-620321-59-01-000123',
  kind: 'investment',
  authorisation: 'filing',
  classified: false,
  publicProgress: true,
  description: '新建仓储及配套设施',
  location: '永昌县河西堡镇',
  totalInvestmentFen: 12_000_000_000,
};
const investor = { personId: 'lp-1', name: '永昌县金川河商贸有限公司', creditCode: '91620321MA74XXXX0X' };

function project(over: Partial<Parameters<typeof createProject>[0]> = {}): Project {
  return createProject({
    id: 'p-1',
    tenant: '620321',
    content,
    investor,
    investorPersonId: 'lp-1',
    createdBy: 'yc-admin',
    requestId: 'r-1',
    at,
    ...over,
  });
}

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'c-1',
  caseNumber: '620321-20261102-0001',
  tenant: '620321',
  itemName: '企业开办一件事',
  department: '620321-SCJG',
  status: 'processing',
  applicantPersonId: 'lp-1',
  receivedDate: '2026-11-02',
  dueDate: '2026-11-09',
  completedDate: '',
  version: 3,
  ...over,
});

const reasons = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return { code: (e as { code: string }).code, violations: (e as { violations?: unknown[] }).violations ?? [] };
  }
  throw new Error('expected a refusal');
};

describe('a project (J20)', () => {
  it('is created ACTIVE at version 1 for a registered investor; a classified one is never public', () => {
    const p = project();
    expect(p).toMatchObject({ state: 'active', version: 1, investor, cases: [], publicProgress: true });
    expect(project({ content: { ...content, classified: true } }).publicProgress).toBe(false);
  });

  it('refuses bad content and an unknown investor with every field and reason', () => {
    const bad = { ...content, name: ' ', projectCode: '2026-62-1', kind: '' as const, totalInvestmentFen: -1 };
    expect(reasons(() => project({ content: bad, investor: null }))).toEqual({
      code: 'VALIDATION_FAILED',
      violations: [
        expect.objectContaining({ path: 'project.name', reason: 'REQUIRED' }),
        expect.objectContaining({ path: 'project.projectCode', reason: 'PATTERN' }),
        expect.objectContaining({ path: 'project.kind', reason: 'REQUIRED' }),
        expect.objectContaining({ path: 'project.totalInvestment', reason: 'OUT_OF_RANGE' }),
        expect.objectContaining({ path: 'project.investorPersonId', reason: 'UNKNOWN' }),
      ],
    });
    expect(validateContent({ ...content, projectCode: '' })).toEqual([]);
    expect(validateContent({ ...content, description: '建'.repeat(2_001) })).toEqual([
      expect.objectContaining({ path: 'project.description', reason: 'TOO_LONG' }),
    ]);
  });

  it('assigns a 代办员 who is active staff, and refuses anyone else', () => {
    const p = assignAgent(
      project(),
      { username: 'ycx-clerk', displayName: '张明', phone: '0935-7521234' },
      'ycx-clerk',
      'yc-admin',
      later,
    );
    expect(p.agent).toEqual({
      username: 'ycx-clerk',
      displayName: '张明',
      phone: '0935-7521234',
      assignedBy: 'yc-admin',
      assignedAt: later,
    });
    expect(p.version).toBe(2);
    expect(reasons(() => assignAgent(project(), null, 'nobody', 'yc-admin', later)).violations).toEqual([
      expect.objectContaining({ path: 'username', reason: 'UNKNOWN' }),
    ]);
  });

  it("attaches the investor's cases in order of receipt, once; another applicant's case is refused", () => {
    let p = attachCase(
      project(),
      facts({ caseId: 'c-2', caseNumber: 'n-2', receivedDate: '2026-11-03' }),
      'ycx-clerk',
      later,
    );
    p = attachCase(p, facts(), 'ycx-clerk', later);
    expect(p.cases.map((c) => c.caseId)).toEqual(['c-1', 'c-2']);
    expect(attachCase(p, facts(), 'ycx-clerk', later)).toBe(p);
    expect(
      reasons(() => attachCase(p, facts({ caseId: 'c-3', applicantPersonId: 'lp-9' }), 'x', later)).violations,
    ).toEqual([expect.objectContaining({ path: 'caseId', reason: 'APPLICANT_MISMATCH' })]);
    expect(reasons(() => attachCase(p, facts({ caseId: 'c-3', tenant: '620302' }), 'x', later)).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(detachCase(p, 'c-2', '误挂接', later).cases.map((c) => c.caseId)).toEqual(['c-1']);
    expect(reasons(() => detachCase(p, 'c-9', '误挂接', later)).code).toBe('CASE_NOT_FOUND');
    expect(reasons(() => detachCase(p, 'c-2', ' ', later)).violations).toEqual([
      expect.objectContaining({ path: 'reason', reason: 'REQUIRED' }),
    ]);
  });

  it('mirrors a newer status of its case, ignores older or unknown ones', () => {
    const p = attachCase(project(), facts(), 'ycx-clerk', later);
    const done = mirrorCase(
      p,
      { caseId: 'c-1', status: 'completed', dueDate: '', completedDate: '2026-11-06', version: 5 },
      later,
    )!;
    expect(done.cases[0]).toMatchObject({
      status: 'completed',
      dueDate: '2026-11-09',
      completedDate: '2026-11-06',
      caseVersion: 5,
    });
    expect(
      mirrorCase(done, { caseId: 'c-1', status: 'processing', dueDate: '', completedDate: '', version: 4 }, later),
    ).toBeNull();
    expect(
      mirrorCase(done, { caseId: 'c-9', status: 'processing', dueDate: '', completedDate: '', version: 9 }, later),
    ).toBeNull();
  });

  it('completes only once every case ended; closing needs a reason; a closed project changes no more', () => {
    const p = attachCase(project(), facts(), 'ycx-clerk', later);
    expect(reasons(() => closeProject(p, 'completed', '', later))).toMatchObject({ code: 'CASES_OPEN' });
    expect(reasons(() => closeProject(p, 'closed', '', later)).violations).toEqual([
      expect.objectContaining({ path: 'reason', reason: 'REQUIRED' }),
    ]);
    expect(reasons(() => closeProject(p, '', '', later)).violations).toEqual([
      expect.objectContaining({ path: 'state', reason: 'REQUIRED' }),
    ]);
    const ended = mirrorCase(
      p,
      { caseId: 'c-1', status: 'withdrawn', dueDate: '', completedDate: '', version: 4 },
      later,
    )!;
    const completed = closeProject(ended, 'completed', '', later);
    expect(completed).toMatchObject({ state: 'completed', closedReason: '' });
    expect(reasons(() => updateContent(completed, content, later))).toMatchObject({ code: 'WRONG_STATE' });
    expect(reasons(() => attachCase(completed, facts({ caseId: 'c-5' }), 'x', later))).toMatchObject({
      code: 'WRONG_STATE',
    });
    expect(closeProject(p, 'closed', '投资方放弃', later)).toMatchObject({
      state: 'closed',
      closedReason: '投资方放弃',
    });
  });
});
