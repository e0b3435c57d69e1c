import type { Principal, Role } from '@govhall/auth';
import type { CaseFacts, Investor, ProjectContent } from '../../domain/projects/project';
import { assignAgentUseCase } from '../assign-agent/assign-agent.usecase';
import { attachCaseUseCase } from '../attach-case/attach-case.usecase';
import { closeProjectUseCase } from '../close-project/close-project.usecase';
import { createProjectUseCase } from '../create-project/create-project.usecase';
import { detachCaseUseCase } from '../detach-case/detach-case.usecase';
import { getProjectProgressUseCase, getProjectUseCase } from '../get-project/get-project.usecase';
import { listMyProjectsUseCase } from '../list-my-projects/list-my-projects.usecase';
import { listProjectsUseCase } from '../list-projects/list-projects.usecase';
import { mirrorProjectCaseUseCase } from '../mirror-project-case/mirror-project-case.usecase';
import { queryProjectProgressUseCase } from '../query-project-progress/query-project-progress.usecase';
import { updateProjectUseCase } from '../update-project/update-project.usecase';
import { InMemoryProjects } from './in-memory-projects.test-double';
import type { InvestorIdentity, ProjectDirectory } from './project.ports';

const TENANT = '620321';
const CREDIT = '91620321MA7H2K3L1W';
const who = (username: string, roles: Role[], tenant = TENANT, kind: 'user' | 'service' = 'user'): Principal => ({
  kind,
  subject: `sub-${username}`,
  username,
  tenant,
  roles,
  clientId: 'govhall-workbench',
});
const admin = who('yc-admin', ['center_admin']);
const clerk = who('ycx-clerk', ['window_clerk']);
const other = who('ycx-reviewer', ['reviewer']);
const stranger = who('jcq-admin', ['center_admin'], '620302');
const citySupervisor = who('jcs-supervisor', ['supervisor'], '620300');
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
const investor: Investor = { personId: 'lp-1', name: '永昌县金川河商贸有限公司', creditCode: CREDIT };

function world() {
  const projects = new InMemoryProjects();
  let now = new Date('2026-11-02T02:00:00Z');
  const clock = { now: () => now };
  let n = 0;
  const ids = { newId: () => `p-${++n}` };
  const directory: ProjectDirectory = {
    legalPerson: async (_t, id) => (id === 'lp-1' ? investor : null),
    activeStaff: async (t, u) =>
      t === TENANT && u === 'ycx-clerk' ? { username: u, displayName: '张明', phone: '0935-7521234' } : null,
    departmentNames: async () => new Map([['620321-SCJG', '永昌县市场监督管理局']]),
  };
  const cases = new Map<string, CaseFacts>();
  const facts = (caseId: string, over: Partial<CaseFacts> = {}): CaseFacts => ({
    caseId,
    caseNumber: `620321-20261102-${caseId}`,
    tenant: TENANT,
    itemName: '企业开办一件事',
    department: '620321-SCJG',
    status: 'processing',
    applicantPersonId: 'lp-1',
    receivedDate: '2026-11-02',
    dueDate: '2026-11-06',
    completedDate: '',
    version: 2,
    ...over,
  });
  const source = { caseFacts: async (t: string, id: string) => (cases.get(id)?.tenant === t ? cases.get(id)! : null) };
  // identity's answer to GetMyProfile, by the caller's token.
  const investors: InvestorIdentity = {
    organisationsOf: async (authorization) =>
      ({
        'Bearer holder': { held: ['lp-1'], actingFor: [] },
        'Bearer agent': { held: ['lp-7'], actingFor: ['lp-1'] },
      })[authorization] ?? { held: [], actingFor: [] },
  };
  const deps = { projects, directory, investors, clock, ids, cases: source };
  return {
    projects,
    cases,
    facts,
    setNow: (d: string) => (now = new Date(d)),
    create: createProjectUseCase(deps),
    update: updateProjectUseCase(deps),
    assign: assignAgentUseCase(deps),
    attach: attachCaseUseCase(deps),
    detach: detachCaseUseCase(deps),
    close: closeProjectUseCase(deps),
    get: getProjectUseCase(deps),
    progress: getProjectProgressUseCase(deps),
    list: listProjectsUseCase(deps),
    mine: listMyProjectsUseCase(deps),
    mirror: mirrorProjectCaseUseCase(deps),
    query: queryProjectProgressUseCase(deps),
  };
}

const created = async (w: ReturnType<typeof world>) =>
  w.create({ requestId: 'r-1', tenant: '', investorPersonId: 'lp-1', content }, admin);

describe('projects (J20)', () => {
  it('the center administrator creates one, once per request id; the code is unique in the tenant', async () => {
    const w = world();
    const p = await created(w);
    expect(p).toMatchObject({ id: 'p-1', tenant: TENANT, state: 'active', createdBy: 'yc-admin', investor });
    expect(await created(w)).toEqual(p);
    await expect(
      w.create({ requestId: 'r-2', tenant: '', investorPersonId: 'lp-1', content }, admin),
    ).rejects.toMatchObject({ code: 'PROJECT_CODE_TAKEN' });
    await expect(
      w.create(
        { requestId: 'r-3', tenant: '', investorPersonId: 'lp-9', content: { ...content, projectCode: '' } },
        admin,
      ),
    ).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'project.investorPersonId', reason: 'UNKNOWN' })],
    });
    for (const actor of [clerk, stranger]) {
      await expect(
        w.create({ requestId: 'r-4', tenant: TENANT, investorPersonId: 'lp-1', content }, actor),
      ).rejects.toMatchObject({ code: 'CENTER_ADMIN_REQUIRED' });
    }
    expect(w.projects.byId.size).toBe(1);
  });

  it('assigns a 代办员 of the tenant, who then keeps the cases; other staff may not, strangers see nothing', async () => {
    const w = world();
    const p = await created(w);
    await expect(w.assign({ id: p.id, expectedVersion: 1, username: 'jcq-clerk' }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'username', reason: 'UNKNOWN' })],
    });
    await expect(w.assign({ id: p.id, expectedVersion: 1, username: 'ycx-clerk' }, clerk)).rejects.toMatchObject({
      code: 'CENTER_ADMIN_REQUIRED',
    });
    const assigned = await w.assign({ id: p.id, expectedVersion: 1, username: 'ycx-clerk' }, admin);
    expect(assigned).toMatchObject({
      version: 2,
      agent: { username: 'ycx-clerk', displayName: '张明', assignedBy: 'yc-admin' },
    });

    w.cases.set('c-1', w.facts('c-1'));
    const attached = await w.attach({ id: p.id, expectedVersion: 2, caseId: 'c-1' }, clerk);
    expect(attached.cases.map((c) => [c.caseId, c.attachedBy, c.status])).toEqual([['c-1', 'ycx-clerk', 'processing']]);
    // Idempotent for a case already attached (no write, the version stays).
    expect((await w.attach({ id: p.id, expectedVersion: 3, caseId: 'c-1' }, clerk)).version).toBe(3);
    await expect(w.attach({ id: p.id, expectedVersion: 3, caseId: 'c-1' }, other)).rejects.toMatchObject({
      code: 'NOT_PROJECT_AGENT',
    });
    await expect(w.attach({ id: p.id, expectedVersion: 3, caseId: 'c-1' }, stranger)).rejects.toMatchObject({
      code: 'PROJECT_NOT_FOUND',
    });
    await expect(w.update({ id: p.id, expectedVersion: 2, content }, clerk)).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    expect(
      (await w.update({ id: p.id, expectedVersion: 3, content: { ...content, location: '河西堡镇工业园' } }, clerk))
        .location,
    ).toBe('河西堡镇工业园');
  });

  it('refuses an unknown case, a case of another applicant and a case of another project', async () => {
    const w = world();
    const p = await created(w);
    const q = await w.create(
      { requestId: 'r-2', tenant: '', investorPersonId: 'lp-1', content: { ...content, projectCode: '' } },
      admin,
    );
    w.cases.set('c-1', w.facts('c-1'));
    w.cases.set('c-2', w.facts('c-2', { applicantPersonId: 'np-7' }));
    w.cases.set('c-3', w.facts('c-3', { tenant: '620302' }));
    await w.attach({ id: q.id, expectedVersion: 1, caseId: 'c-1' }, admin);
    await expect(w.attach({ id: p.id, expectedVersion: 1, caseId: 'c-1' }, admin)).rejects.toMatchObject({
      code: 'CASE_IN_OTHER_PROJECT',
      metadata: { projectId: q.id },
    });
    await expect(w.attach({ id: p.id, expectedVersion: 1, caseId: 'c-2' }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'caseId', reason: 'APPLICANT_MISMATCH' })],
    });
    for (const caseId of ['c-3', 'c-9', ' ']) {
      await expect(w.attach({ id: p.id, expectedVersion: 1, caseId }, admin)).rejects.toMatchObject({
        code: 'CASE_NOT_FOUND',
      });
    }
    expect((await w.get(p.id, admin)).cases).toEqual([]);
    await expect(w.detach({ id: q.id, expectedVersion: 2, caseId: 'c-1', reason: '' }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'reason', reason: 'REQUIRED' })],
    });
    expect((await w.detach({ id: q.id, expectedVersion: 2, caseId: 'c-1', reason: '挂接错误' }, admin)).cases).toEqual(
      [],
    );
  });

  it('follows its cases on the case stream, shows the progress, and completes once every case ended', async () => {
    const w = world();
    const p = await created(w);
    w.cases.set('c-1', w.facts('c-1'));
    w.cases.set('c-2', w.facts('c-2', { dueDate: '2026-11-20' }));
    await w.attach({ id: p.id, expectedVersion: 1, caseId: 'c-1' }, admin);
    await w.attach({ id: p.id, expectedVersion: 2, caseId: 'c-2' }, admin);
    expect(
      await w.mirror({ caseId: 'c-1', status: 'completed', dueDate: '', completedDate: '2026-11-05', version: 6 }),
    ).toBe(true);
    expect(await w.mirror({ caseId: 'c-1', status: 'processing', dueDate: '', completedDate: '', version: 5 })).toBe(
      false,
    );
    expect(await w.mirror({ caseId: 'c-8', status: 'completed', dueDate: '', completedDate: '', version: 9 })).toBe(
      false,
    );
    w.setNow('2026-11-10T02:00:00Z');
    expect(await w.progress({ id: p.id, onBehalfOf: '' }, citySupervisor)).toMatchObject({
      casesTotal: 2,
      casesCompleted: 1,
      casesInProgress: 1,
      casesOverdue: 0,
      expectedCompletionDate: '2026-11-20',
    });
    await expect(w.progress({ id: p.id, onBehalfOf: '' }, stranger)).rejects.toMatchObject({
      code: 'PROJECT_NOT_FOUND',
    });
    await expect(
      w.close({ id: p.id, expectedVersion: 4, state: 'completed', reason: '' }, admin),
    ).rejects.toMatchObject({
      code: 'CASES_OPEN',
    });
    await w.mirror({ caseId: 'c-2', status: 'delivered', dueDate: '', completedDate: '2026-11-10', version: 8 });
    await expect(
      w.close({ id: p.id, expectedVersion: 5, state: 'completed', reason: '' }, clerk),
    ).rejects.toMatchObject({
      code: 'CENTER_ADMIN_REQUIRED',
    });
    expect(await w.close({ id: p.id, expectedVersion: 5, state: 'completed', reason: '' }, admin)).toMatchObject({
      state: 'completed',
    });
  });

  it("lists a tenant's projects for its staff, the 代办员's own, and refuses another tenant", async () => {
    const w = world();
    const p = await created(w);
    w.setNow('2026-11-03T02:00:00Z');
    const q = await w.create(
      {
        requestId: 'r-2',
        tenant: '',
        investorPersonId: 'lp-1',
        content: { ...content, name: '河西堡镇光伏项目', projectCode: '' },
      },
      admin,
    );
    await w.assign({ id: p.id, expectedVersion: 1, username: 'ycx-clerk' }, admin);
    const page = { pageSize: 0, pageToken: '' };
    const ids = async (r: Partial<Parameters<typeof w.list>[0]>, actor = clerk) =>
      (await w.list({ tenant: '', mine: false, query: '', page, ...r }, actor)).items.map((x) => x.id);
    expect(await ids({})).toEqual([q.id, p.id]);
    expect(await ids({ mine: true })).toEqual([p.id]);
    expect(await ids({ query: '光伏' })).toEqual([q.id]);
    expect(await ids({ tenant: TENANT }, citySupervisor)).toEqual([q.id, p.id]);
    await expect(ids({}, stranger)).resolves.toEqual([]);
    await expect(ids({ tenant: TENANT }, stranger)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    await expect(ids({ query: '项'.repeat(51) })).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'query', reason: 'TOO_LONG' })],
    });
  });

  it('answers the public query for the right code pair alone, masked; classified ones never', async () => {
    const w = world();
    const p = await created(w);
    await w.assign({ id: p.id, expectedVersion: 1, username: 'ycx-clerk' }, admin);
    w.cases.set('c-1', w.facts('c-1'));
    await w.attach({ id: p.id, expectedVersion: 2, caseId: 'c-1' }, admin);
    const v = await w.query({ projectCode: content.projectCode, investorCreditCode: CREDIT.toLowerCase(), tenant: '' });
    expect(v).toMatchObject({ investorName: '永昌县*****有限公司', agentName: '张*', agentPhone: '0935-7521234' });
    expect(v.cases).toEqual([
      expect.objectContaining({ departmentName: '永昌县市场监督管理局', status: 'processing' }),
    ]);
    await expect(
      w.query({ projectCode: content.projectCode, investorCreditCode: '91620321MA7H2K3L1W', tenant: '620302' }),
    ).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    await expect(
      w.query({ projectCode: '2026-620321-59-01-000124', investorCreditCode: CREDIT, tenant: '' }),
    ).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    await w.update({ id: p.id, expectedVersion: 3, content: { ...content, classified: true } }, admin);
    await expect(
      w.query({ projectCode: content.projectCode, investorCreditCode: CREDIT, tenant: '' }),
    ).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    await expect(w.query({ projectCode: '2026-62', investorCreditCode: '123', tenant: '' })).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ path: 'projectCode', reason: 'PATTERN' }),
        expect.objectContaining({ path: 'investorCreditCode', reason: 'LENGTH' }),
      ],
    });
  });

  it("shows the investor its projects' progress: the holder and a current agent, naming it or not; nobody else", async () => {
    const w = world();
    const p = await created(w);
    const investorLogin = who('62032119900307123X', ['applicant']);
    investorLogin.clientId = 'govhall-portal';
    const view = (onBehalfOf: string, token: string) =>
      w.progress({ id: p.id, onBehalfOf }, investorLogin, `Bearer ${token}`);
    for (const [onBehalfOf, token] of [
      ['', 'holder'],
      ['lp-1', 'holder'],
      ['', 'agent'],
      ['lp-1', 'agent'],
    ] as const) {
      expect(await view(onBehalfOf, token)).toMatchObject({ projectId: p.id, casesTotal: 0 });
    }
    for (const [onBehalfOf, token] of [
      ['', 'other'],
      ['lp-7', 'agent'],
      ['lp-9', 'holder'],
    ] as const) {
      await expect(view(onBehalfOf, token)).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    }
    const page = { pageSize: 0, pageToken: '' };
    const mine = async (onBehalfOf: string, token: string) =>
      (await w.mine({ onBehalfOf, page }, investorLogin, `Bearer ${token}`)).items.map((v) => v.projectId);
    expect(await mine('', 'holder')).toEqual([p.id]);
    expect(await mine('', 'agent')).toEqual([p.id]);
    expect(await mine('lp-7', 'agent')).toEqual([]);
    expect(await mine('', 'other')).toEqual([]);
    await expect(mine('lp-1', 'other')).rejects.toMatchObject({ code: 'NO_GRANT' });
    await expect(w.mine({ onBehalfOf: '', page }, clerk, 'Bearer holder')).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
    });
  });
});
