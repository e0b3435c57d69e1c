import { receivedDate } from '@govhall/calendar';
import { expectProblem, pdfText } from './e2e-http';
import {
  FOOD_FILES,
  PDF,
  PNG,
  caseActs,
  eventually,
  foodForm,
  soleTraderForm,
  startCasesWorld,
  type Applicant,
  type CasesWorld,
} from './cases-stack';

// Issue 10's lifecycles through the gateway against the real stack: identity, the catalogue (published seed
// catalogue), the cases service and the gateway as their own processes, real Keycloak logins, FerretDB, Kafka and a
// Mailpit of this run receiving the notifications. Every path is driven as the portal and the workbench drive it.

let w: CasesWorld;
const acts = caseActs(() => w);
const { act, get, attempt, upload } = acts;
let zhao: Applicant;

beforeAll(async () => {
  w = await startCasesWorld({ mail: true });
  zhao = await w.newApplicant('赵办件');
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

/** The case's document of `kind` as PDF text (downloaded by `token`). */
async function documentText(c: { id: string; documents: { id: string; kind: string }[] }, kind: string, token: string) {
  const doc = c.documents.find((d) => d.kind === kind);
  expect(doc).toBeDefined();
  const pdf = await acts.document(c.id, doc!.id, token);
  expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
  return pdfText(pdf.bytes);
}

describe('cases through the gateway', () => {
  it('an immediate item is registered at the window and decided in the same visit; its licence is delivered electronically and verified by its code', async () => {
    const clerk = await w.token('clerk');
    const walkIn = await w.api('POST', '/cases/walk-in', {
      token: clerk,
      headers: { 'idempotency-key': `walk-${Date.now()}` },
      body: {
        itemId: w.soleTrader.id,
        applicantIdCode: zhao.idNumber,
        formData: soleTraderForm(zhao),
        contact: { mobile: '13909351234' },
      },
    });
    expect(walkIn.status).toBe(201);
    expect(walkIn.headers.get('location')).toBe(`/api/v1/cases/${walkIn.body.id}`);
    expect(walkIn.body).toMatchObject({
      status: 'pre_review',
      channel: 'counter',
      handlingCategory: 'immediate',
      windowId: w.windowId,
      responsible: w.login.clerk,
      applicant: { kind: 'natural_person', name: '赵办件' },
    });
    expect(walkIn.body.caseNumber).toMatch(/^620321\d{8}\d{5}$/);

    const decided = await act(walkIn.body.id, 'decide-on-the-spot', clerk, {
      outcome: 'approved',
      deliveryMethod: 'electronic',
    });
    expect(decided).toMatchObject({ status: 'completed', decidedOnTheSpot: true, decision: { outcome: 'approved' } });
    expect(decided.licenceId).toBeDefined();
    const licenceText = await documentText(decided, 'licence', await zhao.token());
    expect(licenceText).toContain('赵办件');
    expect(licenceText).toContain('个体工商户');

    const delivered = await act(decided.id, 'delivery', clerk, { method: 'electronic' });
    expect(delivered).toMatchObject({ status: 'delivered', delivery: { method: 'electronic' } });

    const mine = await w.api('GET', '/licences/mine', { token: await zhao.token() });
    const licence = (mine.body.licences as any[]).find((l) => l.caseId === decided.id);
    expect(licence).toMatchObject({ licenceType: w.soleTrader.basicCode, holderName: '赵办件' });
    // Anyone checks it by the code printed on it; the holder is masked, no person or case ids.
    const verified = await w.api('GET', `/licences/verify/${licence.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      licenceNumber: licence.licenceNumber,
      itemName: '个体工商户设立登记',
      holderName: '赵**',
      revoked: false,
      seal: expect.stringContaining('行政审批专用章'),
    });
    expect(JSON.stringify(verified.body)).not.toContain(zhao.idNumber);
    expect(verified.body).not.toHaveProperty('caseId');
    expectProblem(await w.api('GET', '/licences/verify/ABCDEFGHJKLM'), 404);
  });

  it('a promised item goes online through every step to delivery by pickup code, then to the archive; the applicant follows it and receives the e-mails', async () => {
    const email = `zhao-${Date.now()}@example.cn`;
    const applicant = await zhao.token();
    const d = await acts.draft(zhao, w.food.id, foodForm(zhao), FOOD_FILES, { contact: { email } });
    expect(d).toMatchObject({
      status: 'draft',
      uploadComplete: true,
      itemName: '食品经营许可',
      handlingCategory: 'promised',
    });
    expect(d.materials.find((m: any) => m.materialId === 'legal-rep-id').files[0]).toMatchObject({
      contentType: 'image/png',
      size: PNG.length,
    });
    // The day of receipt: today, or tomorrow after the hall's default closing time (17:00 in Beijing, ADR 0026).
    const receivedOn = receivedDate(new Date(), { closesAt: '17:00' });
    const submitted = await acts.submit(d.id, applicant, d.version);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'pre_review', windowId: w.windowId, responsible: w.login.clerk });
    expect(submitted.body.clocks.receivedDate).toBe(receivedOn);
    const copy = await documentText(submitted.body, 'application_copy', applicant);
    expect(copy).toContain('食品经营许可');
    expect(copy).toContain(submitted.body.caseNumber);

    const clerk = await w.token('clerk');
    const queue = await w.api('GET', `/cases/queue?tenant=620321&windowId=${w.windowId}`, { token: clerk });
    expect((queue.body.cases as any[]).map((c) => c.id)).toContain(d.id);

    const passed = await act(d.id, 'pre-review/pass', clerk, { opinion: '材料齐全，初审通过' });
    expect(passed.status).toBe('pre_review_passed');
    // The item needs one visit (A24): the online case waits for the paper originals.
    const waiting = await act(d.id, 'send-to-acceptance', clerk);
    expect(waiting.status).toBe('awaiting_paper');
    const accepted = await act(d.id, 'accept', clerk, { opinion: '原件已核验，予以受理' });
    const calendar = await w.calendar([2026, 2027]);
    expect(accepted).toMatchObject({
      status: 'processing',
      clocks: {
        // Accepted today, or on the day of receipt when that is tomorrow (after hours: ADR 0026).
        acceptedDate: receivedOn,
        promised: { limitWorkingDays: 5, dueDate: calendar.addWorkingDaysProvisional(receivedOn, 5).date },
        statutory: { limitWorkingDays: 10 },
      },
    });
    expect(accepted.steps.map((s: any) => s.state)).toEqual(['done', 'active', 'pending', 'pending']);
    const notice = await documentText(accepted, 'acceptance_notice', applicant);
    expect(notice).toContain('受理通知书');
    expect(notice).toContain(accepted.caseNumber);

    const reviewed = await act(d.id, 'steps/complete', await w.token('reviewer'), {
      opinion: '经现场核查，符合许可条件',
    });
    expect(reviewed.steps.map((s: any) => s.state)).toEqual(['done', 'done', 'active', 'pending']);
    const approved = await act(d.id, 'decision', await w.token('approver'), { outcome: 'approved' });
    expect(approved).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: w.login.approver },
    });
    expect(await documentText(approved, 'decision', applicant)).toContain('准予行政许可决定书');

    const issued = await w.api('POST', `/cases/${d.id}/result`, {
      token: clerk,
      body: { validUntil: '2031-12-02', deliveryMethod: 'window_pickup', expectedVersion: approved.version },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.case).toMatchObject({ status: 'completed', delivery: { method: 'window_pickup' } });
    expect(issued.body.case.delivery.pickupCode).toBeUndefined(); // staff do not see it
    expect(issued.body.licence).toMatchObject({ holderName: '赵办件', validUntil: '2031-12-02' });
    const licenceText = await documentText(issued.body.case, 'licence', applicant);
    expect(licenceText).toContain(issued.body.licence.licenceNumber);

    const pickupCode = (await get(d.id, applicant)).delivery.pickupCode as string;
    expect(pickupCode).toMatch(/^\d{6}$/);
    const wrong = await attempt(d.id, 'delivery', clerk, {
      method: 'window_pickup',
      pickupCode: pickupCode === '000000' ? '000001' : '000000',
      expectedVersion: issued.body.case.version,
    });
    expectProblem(wrong, 400);
    expect(wrong.body.errors.map((e: any) => e.path)).toEqual(['pickupCode']);
    await acts.expectUnchanged(issued.body.case, clerk);
    const delivered = await act(d.id, 'delivery', clerk, { method: 'window_pickup', pickupCode });
    expect(delivered).toMatchObject({ status: 'delivered', delivery: { deliveredBy: w.login.clerk } });
    const archived = await act(d.id, 'archive', clerk);
    expect(archived.status).toBe('archived');

    // The public progress query: case number and ID number, a masked answer with the timeline.
    const progress = await w.api('POST', '/cases/progress', {
      body: { caseNumber: accepted.caseNumber, applicantIdCode: zhao.idNumber },
    });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      caseNumber: accepted.caseNumber,
      itemName: '食品经营许可',
      status: 'archived',
      applicantName: '赵**',
      receivedDate: receivedOn,
    });
    expect(progress.body.timeline.length).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(progress.body)).not.toContain(zhao.idNumber);
    const other = await w.newApplicant('钱旁人');
    expectProblem(
      await w.api('POST', '/cases/progress', {
        body: { caseNumber: accepted.caseNumber, applicantIdCode: other.idNumber },
      }),
      404,
    );
    const completed = await w.api('GET', '/cases/mine?list=completed', { token: applicant });
    expect((completed.body.cases as any[]).map((c) => c.id)).toContain(d.id);

    // The applicant's e-mail, received by the local mail server: acceptance, decision, result ready.
    const mails = await eventually(async () => {
      const list = await w.mail!.mailbox.to(email);
      return list.length >= 3 ? list : undefined;
    }, 'three notification e-mails');
    const subjects = mails.map((m) => m.Subject).join('\n');
    expect(subjects).toContain(`受理通知：食品经营许可（${accepted.caseNumber}）`);
    const acceptance = mails.find((m) => m.Subject.includes('受理通知'))!;
    expect((await w.mail!.mailbox.message(acceptance.ID)).Text).toContain(accepted.caseNumber);
    // Never twice: one e-mail per notification.
    expect(new Set(mails.map((m) => m.Subject)).size).toBe(mails.length);
  });

  it('a submission with problems is returned automatically, then fixed and resubmitted', async () => {
    const applicant = await zhao.token();
    const bad = foodForm(zhao);
    bad.operator.creditCode = `${bad.operator.creditCode.slice(0, 17)}${bad.operator.creditCode.endsWith('0') ? '1' : '0'}`;
    const d = await acts.draft(
      zhao,
      w.food.id,
      bad,
      FOOD_FILES.filter(([m]) => m !== 'premises-layout'),
    );
    const returned = await acts.submit(d.id, applicant, d.version);
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect(returned.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'operator-credit-code', field: 'operator.creditCode' }),
        expect.objectContaining({ materialId: 'premises-layout', message: expect.stringContaining('经营布局') }),
      ]),
    );
    const returnedList = await w.api('GET', '/cases/mine?list=submitted', { token: applicant });
    expect(returnedList.status).toBe(200);

    const fixed = await w.api('PUT', `/cases/${d.id}/draft`, {
      token: applicant,
      body: { formData: foodForm(zhao), expectedVersion: returned.body.version },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.status).toBe('returned');
    expect((await upload(d.id, 'premises-layout', applicant, [['经营布局.pdf', PDF]])).status).toBe(200);
    const complete = await act(d.id, 'upload-complete', applicant);
    const resubmitted = await acts.submit(d.id, applicant, complete.version);
    expect(resubmitted.body).toMatchObject({ status: 'pre_review', problems: [] });
    expect(resubmitted.body.caseNumber).toMatch(/^620321\d{8}\d{5}$/);
  });

  it('a one-time notice lists every problem; the applicant supplements and the case is accepted', async () => {
    const c = await acts.submitted(zhao);
    const clerk = await w.token('clerk');
    const problems = [
      { materialId: 'premises-layout', message: '经营布局图未标明食品处理区，请补充完整' },
      { field: 'business.foodSafetyManager', message: '请提供食品安全管理人员的培训合格证明' },
    ];
    const noticed = await act(c.id, 'one-time-notice', clerk, { problems });
    expect(noticed.status).toBe('supplement');
    const text = await documentText(noticed, 'one_time_notice', await zhao.token());
    expect(text).toContain('一次性告知书');
    expect(text).toContain('经营布局图未标明食品处理区');

    const applicant = await zhao.token();
    expect((await upload(c.id, 'premises-layout', applicant, [['经营布局（补正）.png', PNG]])).status).toBe(200);
    const complete = await act(c.id, 'upload-complete', applicant);
    const resubmitted = await acts.submit(c.id, applicant, complete.version);
    expect(resubmitted.body).toMatchObject({ status: 'pre_review', caseNumber: c.caseNumber });
    const accepted = await act(c.id, 'accept', clerk, { opinion: '补正材料齐全，予以受理' });
    expect(accepted.status).toBe('processing');
  });

  it('refuses to accept with reasons and remedies in the refusal notice', async () => {
    const c = await acts.submitted(zhao);
    const refused = await act(c.id, 'refuse', await w.token('clerk'), {
      reasons: ['申请事项依法不属于本行政机关职权范围'],
    });
    expect(refused.status).toBe('not_accepted');
    const text = await documentText(refused, 'refusal_notice', await zhao.token());
    expect(text).toContain('不予受理通知书');
    expect(text).toContain('申请事项依法不属于本行政机关职权范围');
    expect(text).toContain('行政复议');
  });

  it('an extension approved by the head and the center moves the due dates by its working days', async () => {
    const email = `ext-${Date.now()}@example.cn`;
    const c = await acts.accepted(zhao, { contact: { email } });
    const reviewer = await w.token('reviewer');
    const requested = await act(c.id, 'extension', reviewer, { workingDays: 3, reason: '需补充现场核查' });
    expect(requested.extension).toMatchObject({ state: 'requested', workingDays: 3 });
    expect(requested.clocks.promised.dueDate).toBe(c.clocks.promised.dueDate);
    const byHead = await act(c.id, 'extension/review', await w.token('head'), { approve: true, comment: '同意' });
    expect(byHead.extension.state).toBe('head_approved');
    const byCenter = await act(c.id, 'extension/review', await w.token('admin'), { approve: true });
    const calendar = await w.calendar([2026, 2027]);
    expect(byCenter).toMatchObject({
      extension: { state: 'approved' },
      clocks: {
        promised: {
          extensionWorkingDays: 3,
          dueDate: calendar.addWorkingDaysProvisional(c.clocks.promised.dueDate, 3).date,
        },
        statutory: { dueDate: calendar.addWorkingDaysProvisional(c.clocks.statutory.dueDate, 3).date },
      },
    });
    expect(await documentText(byCenter, 'extension_notice', await zhao.token())).toContain('延期办理告知书');
    const second = await attempt(c.id, 'extension', reviewer, {
      workingDays: 1,
      reason: '再次延期',
      expectedVersion: byCenter.version,
    });
    expectProblem(second, 409, 'EXTENSION_ONCE');
    await acts.expectUnchanged(byCenter, reviewer);
    await eventually(
      async () => (await w.mail!.mailbox.to(email)).find((m) => m.Subject.includes('延长办理期限通知')),
      'the extension e-mail',
    );
  });

  it('the applicant withdraws a case before the decision', async () => {
    const c = await acts.accepted(zhao);
    const withdrawn = await act(c.id, 'withdraw', await zhao.token(), { reason: '经营场所另有安排，撤回申请' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.history.at(-1)).toMatchObject({ toStatus: 'withdrawn', reason: '经营场所另有安排，撤回申请' });
  });

  it('denies with reasons and the default remedies, in the decision the applicant downloads', async () => {
    const c = await acts.accepted(zhao);
    await act(c.id, 'steps/complete', await w.token('reviewer'), { opinion: '现场核查：经营场所与申报不符' });
    const denied = await act(c.id, 'decision', await w.token('approver'), {
      outcome: 'denied',
      reasons: ['经营场所与食品安全要求不符'],
    });
    expect(denied).toMatchObject({ status: 'completed', decision: { outcome: 'denied' } });
    expect(denied.decision.remedies.join('')).toMatch(/行政复议.*行政诉讼/);
    const text = await documentText(denied, 'decision', await zhao.token());
    expect(text).toContain('不予行政许可决定书');
    expect(text).toContain('经营场所与食品安全要求不符');
    expect(text).toContain('行政复议');
    expect(text).toContain('行政诉讼');
  });

  it('delivers a result by post with its tracking number, which the applicant is e-mailed', async () => {
    const email = `post-${Date.now()}@example.cn`;
    const c = await acts.accepted(zhao, { contact: { email } });
    await act(c.id, 'steps/complete', await w.token('reviewer'), { opinion: '符合条件' });
    const approved = await act(c.id, 'decision', await w.token('approver'), { outcome: 'approved' });
    const clerk = await w.token('clerk');
    const issued = await act(c.id, 'result', clerk, {
      deliveryMethod: 'post',
      address: '甘肃省金昌市永昌县城关镇北海子路1号',
    });
    expect(issued).toMatchObject({ status: 'completed', delivery: { method: 'post' } });
    expect(approved.version + 1).toBe(issued.version);
    const missing = await attempt(c.id, 'delivery', clerk, { method: 'post', expectedVersion: issued.version });
    expectProblem(missing, 400);
    await acts.expectUnchanged(issued, clerk);
    const delivered = await act(c.id, 'delivery', clerk, { method: 'post', trackingNumber: 'SF1234567890' });
    expect(delivered).toMatchObject({
      status: 'delivered',
      delivery: { method: 'post', trackingNumber: 'SF1234567890' },
    });
    const posted = await eventually(
      async () => (await w.mail!.mailbox.to(email)).find((m) => m.Subject.includes('办理结果已寄出')),
      'the posting e-mail',
    );
    expect((await w.mail!.mailbox.message(posted.ID)).Text).toContain('SF1234567890');
  });
});
