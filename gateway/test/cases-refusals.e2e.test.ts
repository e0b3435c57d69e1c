import { newCreditCode } from '@govhall/testing';
import { expectProblem, unique } from './e2e-http';
import {
  EXE,
  FOOD_FILES,
  PDF,
  PNG,
  SCJG,
  YC,
  caseActs,
  foodForm,
  soleTraderForm,
  startCasesWorld,
  violationsOf,
  type Applicant,
  type CasesWorld,
} from './cases-stack';

// Bad input through the gateway against the real stack: each refusal is a problem+json naming the field or the
// reason, and the case (re-read after every refused request) keeps its version and status.

let w: CasesWorld;
const acts = caseActs(() => w);
let qian: Applicant;

beforeAll(async () => {
  w = await startCasesWorld();
  qian = await w.newApplicant('钱退件');
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

/** How many cases the applicant has in each list (to show a refused open created none). */
async function myCaseCounts(applicant: Applicant): Promise<number[]> {
  const token = await applicant.token();
  const counts: number[] = [];
  for (const list of ['drafts', 'submitted', 'in_progress', 'completed']) {
    const reply = await w.api('GET', `/cases/mine?list=${list}`, { token });
    expect(reply.status).toBe(200);
    counts.push(reply.body.total);
  }
  return counts;
}

const open = async (applicant: Applicant, body: Record<string, unknown>, key = `open-${unique()}${unique()}`) =>
  w.api('POST', '/cases', { token: await applicant.token(), headers: { 'idempotency-key': key }, body });

describe('refused requests change nothing', () => {
  it('form data against the item schema: 400 naming each field, at submit and at the window', async () => {
    const token = await qian.token();
    const form = foodForm(qian, { premises: { address: '永昌县城关镇北海子路1号', area: '三十平方米' } });
    delete (form.business as Record<string, unknown>).foodSafetyManager;
    const d = await acts.draft(qian, w.food.id, form, FOOD_FILES);
    const refused = await acts.submit(d.id, token, d.version);
    expect(refused.body.code).toBe('FORM_DATA_INVALID');
    expect(violationsOf(refused).sort()).toEqual([
      'formData.business.foodSafetyManager REQUIRED',
      'formData.premises.area TYPE',
    ]);
    expect(refused.body.detail).toMatch(/[\u4e00-\u9fff]/);
    await acts.expectUnchanged(d, token);

    const walkIn = await w.api('POST', '/cases/walk-in', {
      token: await w.token('clerk'),
      headers: { 'idempotency-key': `walk-${unique()}${unique()}` },
      body: {
        itemId: w.soleTrader.id,
        applicantIdCode: qian.idNumber,
        formData: { operator: soleTraderForm(qian).operator },
      },
    });
    expect(violationsOf(walkIn)).toEqual(['formData.business REQUIRED']);
    expect(await myCaseCounts(qian)).toEqual([1, 0, 0, 0]);
  });

  it('a material of the wrong type or size, and an executable renamed .pdf, are refused and not stored', async () => {
    const token = await qian.token();
    const d = await acts.draft(qian, w.food.id, foodForm(qian), []);
    // The application form is taken as PDF or OFD only.
    const png = await acts.upload(d.id, 'application-form', token, [['申请书.png', PNG]]);
    expect(violationsOf(png)[0]).toMatch(/^files\.0 /);
    const exe = await acts.upload(d.id, 'application-form', token, [['申请书.pdf', EXE]]);
    expect(violationsOf(exe)[0]).toMatch(/^files\.0 /);
    const big = await acts.upload(d.id, 'premises-layout', token, [
      ['布局.pdf', Buffer.concat([PDF, Buffer.alloc(4 * 1024 * 1024)])],
    ]);
    expectProblem(big, 413, 'FILE_TOO_LARGE');
    expect(violationsOf(big, 413)).toEqual(['files.0 MAX_SIZE']);
    const empty = await acts.upload(d.id, 'premises-layout', token, [['布局.pdf', Buffer.alloc(0)]]);
    expect(violationsOf(empty)).toEqual(['files.0 REQUIRED']);
    await acts.expectUnchanged(d, token);
    const now = await acts.get(d.id, token);
    expect(now.materials.flatMap((m: any) => m.files)).toEqual([]);
    // The same PDF under its own name is taken.
    expect((await acts.upload(d.id, 'application-form', token, [['申请书.pdf', PDF]])).status).toBe(200);
  });

  it('an unpublished or retired item cannot be applied for', async () => {
    const admin = await w.token('admin');
    const draft = await w.api('POST', '/catalogue/items', {
      token: admin,
      headers: { 'idempotency-key': `item-${unique()}${unique()}` },
      body: {
        tenant: YC,
        name: '未发布的端到端测试事项',
        basicCode: `9${String(Date.now()).slice(-11)}`,
        kind: '01',
        handlingCategory: 'promised',
        department: SCJG,
      },
    });
    expect(draft.status).toBe(201);
    const before = await myCaseCounts(qian);
    const unpublished = await open(qian, { itemId: draft.body.id });
    expect([404, 409]).toContain(unpublished.status);
    expectProblem(
      unpublished,
      unpublished.status,
      unpublished.status === 404 ? 'ITEM_NOT_FOUND' : 'ITEM_NOT_PUBLISHED',
    );

    const hits = await w.api('GET', `/catalogue/search?${new URLSearchParams({ tenant: YC, q: '药品零售企业许可' })}`);
    const drug = (hits.body.items as { id: string; name: string }[]).find((i) => i.name === '药品零售企业许可')!;
    const item = await w.api('GET', `/catalogue/items/${drug.id}`, { token: admin });
    const retired = await w.api('POST', `/catalogue/items/${drug.id}/retire`, {
      token: admin,
      body: { reason: '端到端测试：事项取消', expectedVersion: item.body.version },
    });
    expect(retired.body.status).toBe('retired');
    // The public catalogue no longer shows a retired item: the service answers as for an unknown one, unless it
    // pinned the edition for an earlier case (then it knows it is retired).
    const onRetired = await open(qian, { itemId: drug.id });
    expectProblem(onRetired, onRetired.status, onRetired.status === 404 ? 'ITEM_NOT_FOUND' : 'ITEM_NOT_PUBLISHED');
    expect([404, 409]).toContain(onRetired.status);
    expect(await myCaseCounts(qian)).toEqual(before);
  });

  it('an agent without authority for the department is refused (403 with identity reason); one with it applies for the company', async () => {
    const holder = await w.newApplicant('周法人');
    const creditCode = newCreditCode(YC);
    const company = await w.api('POST', '/identity/legal-persons', {
      token: await holder.token(),
      body: {
        tenant: YC,
        name: '永昌县周氏餐饮店',
        creditCode,
        legalRepresentativeName: holder.name,
        legalRepresentativeIdNumber: holder.idNumber,
      },
    });
    expect(company.status).toBe(201);
    const [outOfScope, noGrant, agent] = [
      await w.newApplicant('吴越权'),
      await w.newApplicant('郑无权'),
      await w.newApplicant('冯经办'),
    ];
    for (const [person, department] of [
      [outOfScope, `${YC}-RSJ`],
      [agent, SCJG],
    ] as const) {
      const granted = await w.api('POST', `/identity/legal-persons/${company.body.id}/agents`, {
        token: await holder.token(),
        body: { agentIdNumber: person.idNumber, scope: { departments: [department] } },
      });
      expect(granted.status).toBe(201);
    }
    const body = { itemId: w.food.id, onBehalfOf: company.body.id, formData: foodForm(outOfScope) };
    const scope = await open(outOfScope, body);
    expectProblem(scope, 403, 'OUTSIDE_SCOPE');
    expect(scope.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expectProblem(await open(noGrant, body), 403, 'NO_GRANT');
    expect(await myCaseCounts(outOfScope)).toEqual([0, 0, 0, 0]);
    expect(await myCaseCounts(noGrant)).toEqual([0, 0, 0, 0]);

    const opened = await open(agent, body);
    expect(opened.status).toBe(201);
    expect(opened.body.applicant).toMatchObject({
      name: '永昌县周氏餐饮店',
      agentName: '冯经办',
      agentPersonId: agent.personId,
    });
  });

  it('a clerk of another department or tenant, the B post while A is present, and another role are refused', async () => {
    const c = await acts.submitted(qian);
    const accept = async (who: Parameters<CasesWorld['token']>[0]) =>
      acts.attempt(c.id, 'accept', await w.token(who), { opinion: '受理', expectedVersion: c.version });
    expectProblem(await accept('otherDepartment'), 404, 'CASE_NOT_FOUND');
    const otherTenant = await accept('otherTenant');
    expect([403, 404]).toContain(otherTenant.status);
    expectProblem(otherTenant, otherTenant.status);
    expectProblem(await accept('clerkB'), 403, 'NOT_WINDOW_RESPONSIBLE');
    expectProblem(await accept('reviewer'), 403, 'ROLE_REQUIRED');
    await acts.expectUnchanged(c, await qian.token());
    // Another department's clerk does not even see it.
    expectProblem(await w.api('GET', `/cases/${c.id}`, { token: await w.token('otherDepartment') }), 404);
  });

  it('a transition from the wrong state is 409 naming the current state; a stale version is 409 too', async () => {
    const c = await acts.accepted(qian);
    const clerk = await w.token('clerk');
    const again = await acts.attempt(c.id, 'accept', clerk, { expectedVersion: c.version });
    expectProblem(again, 409, 'WRONG_STATE');
    expect(again.body.currentStatus).toBe('processing');
    expect(again.body.detail).toContain('办理中');
    const resume = await acts.attempt(c.id, 'resume', await w.token('reviewer'), { expectedVersion: c.version });
    expectProblem(resume, 409, 'WRONG_STATE');
    const stale = await acts.attempt(c.id, 'steps/complete', await w.token('reviewer'), {
      opinion: '审查通过',
      expectedVersion: c.version - 1,
    });
    expectProblem(stale, 409, 'CONCURRENT_MODIFICATION');
    await acts.expectUnchanged(c, clerk);
  });

  it('a second submit (and a second open) with the same idempotency key answers the same case, changed once', async () => {
    const token = await qian.token();
    const key = `open-${unique()}${unique()}`;
    const first = await open(qian, { itemId: w.food.id, formData: foodForm(qian) }, key);
    const second = await open(qian, { itemId: w.food.id, formData: foodForm(qian) }, key);
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    for (const [materialId, name, bytes] of FOOD_FILES) {
      expect((await acts.upload(first.body.id, materialId, token, [[name, bytes]])).status).toBe(200);
    }
    const complete = await acts.act(first.body.id, 'upload-complete', token);
    const submitKey = `submit-${unique()}${unique()}`;
    const submitted = await acts.submit(complete.id, token, complete.version, submitKey);
    const resubmitted = await acts.submit(complete.id, token, complete.version, submitKey);
    expect(submitted.body.status).toBe('pre_review');
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({
      id: submitted.body.id,
      version: submitted.body.version,
      caseNumber: submitted.body.caseNumber,
      status: 'pre_review',
    });
    await acts.expectUnchanged(submitted.body, token);
    expect(submitted.body.history.filter((h: any) => h.toStatus === 'pre_review')).toHaveLength(1);
  });
});
