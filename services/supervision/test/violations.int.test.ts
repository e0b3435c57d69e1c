import { status } from '@grpc/grpc-js';
import { supervisionV1 } from '@govhall/proto';
import { chinaDate } from '@govhall/identifiers';
import { grpcFailure, uniqueSuffix, userToken, waitFor } from '@govhall/testing';
import {
  caseActs,
  EXE,
  foodForm,
  PNG,
  startCasesWorld,
  type Applicant,
  type CasesWorld,
} from '../../../gateway/test/cases-stack';
import { unique } from '../../../gateway/test/e2e-http';
import { createSupervisors, startSupervision, VIOLATION_TOPIC, type SupervisionUnderTest } from './violation-world';

// Violations end to end. Automatic detection: real cases driven through the gateway (identity, catalogue, applications and
// the gateway each their own process, the cases service's clock moved with CLOCK_FILE), supervision as its own
// process reading govhall.applications.case, violations read back over gRPC as supervisors of three tenants.

const K = supervisionV1.ViolationKind;
let w: CasesWorld;
let s: SupervisionUnderTest;
let supervisors: Awaited<ReturnType<typeof createSupervisors>>;
const acts = caseActs(() => w);
let applicant: Applicant;

/** Noon in China of a day. */
const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;

beforeAll(async () => {
  w = await startCasesWorld();
  s = await startSupervision();
  supervisors = await createSupervisors(w.api);
  applicant = await w.newApplicant('钱监察');
}, 300_000);

afterAll(async () => {
  w?.setClock();
  await s?.stop();
  await w?.stop();
});

const list = async (req: Partial<supervisionV1.ListViolationsRequest>, token: string) =>
  (
    await s.call<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
      'listViolations',
      supervisionV1.ListViolationsRequest.fromPartial(req),
      token,
    )
  ).violations;

const recorded = (id: string) =>
  s.events.all(VIOLATION_TOPIC).filter((e) => e.envelope.type.endsWith('ViolationRecorded') && e.key === id);

describe('violations detected from case events', () => {
  it('a case decided and completed past its promised date, its review late too: each violation once, with evidence', async () => {
    // Accepted on Monday 2 March 2026; the promise is 5 working days.
    w.setClock(chinaNoon('2026-03-02'));
    const late = await acts.accepted(applicant);
    const marker = await acts.accepted(applicant);
    const promisedDue = late.clocks.promised.dueDate as string;
    const reviewDue = late.steps[1].dueDate as string;
    expect(promisedDue > '2026-03-02').toBe(true);

    // Everything after that happens on Monday 16 March: past the step's budget and the promise.
    w.setClock(chinaNoon('2026-03-16'));
    await acts.act(late.id, 'steps/complete', await w.token('reviewer'), { opinion: '符合许可条件' });
    const approved = await acts.act(late.id, 'decision', await w.token('approver'), { outcome: 'approved' });
    const issued = await w.api('POST', `/cases/${late.id}/result`, {
      token: await w.token('clerk'),
      body: { validUntil: '2031-12-02', deliveryMethod: 'window_pickup', expectedVersion: approved.version },
    });
    expect(issued.status).toBe(200);
    // The marker: a later case's late review. Once its violation is announced, the first case's events were all
    // handled (one partition per case key is not guaranteed, so the marker is checked through the API as well).
    await acts.act(marker.id, 'steps/complete', await w.token('reviewer'), { opinion: '符合许可条件' });

    const county = await supervisors.county();
    const stepId = `${marker.id}.step-past-budget.1`;
    await waitFor(async () => recorded(stepId).length > 0 && (await list({ matterId: marker.id }, county)).length > 0, {
      timeoutMs: 60_000,
      what: 'the marker violation',
    });
    const found = await waitFor(
      async () => {
        const vs = await list({ matterId: late.id }, county);
        return vs.length === 2 ? vs : undefined;
      },
      { timeoutMs: 30_000, what: 'the late case violations' },
    );
    const byKind = new Map(found.map((v) => [v.kind, v]));
    const decision = byKind.get(K.VIOLATION_KIND_DECISION_PAST_LIMIT)!;
    expect(decision).toMatchObject({
      id: `${late.id}.decision-past-limit`,
      tenant: '620321',
      state: supervisionV1.ViolationState.VIOLATION_STATE_OPEN,
      caseNumber: late.caseNumber,
      itemName: '食品经营许可',
      occurredDate: '2026-03-16',
      person: w.login.approver,
      recordedBy: 'automatic',
      version: 1,
    });
    expect(decision.summary).toContain('超过承诺时限');
    const facts = Object.fromEntries(decision.evidence.map((e) => [e.label, e.value]));
    expect(facts).toMatchObject({
      承诺办结日期: promisedDue,
      实际作出决定日期: '2026-03-16',
      办件编号: late.caseNumber,
    });
    expect(decision.evidence.every((e) => e.eventId.length > 0)).toBe(true);

    const step = byKind.get(K.VIOLATION_KIND_STEP_PAST_BUDGET)!;
    expect(step.id).toBe(`${late.id}.step-past-budget.1`);
    expect(Object.fromEntries(step.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      环节应完成日期: reviewDue,
      环节实际完成日期: '2026-03-16',
    });
    expect(step.person).toBe(w.login.reviewer);

    // 办结 after the promise is the same violation as the late decision: announced once, stored once.
    await s.events.caughtUp();
    expect(recorded(decision.id)).toHaveLength(1);
    expect(recorded(step.id)).toHaveLength(1);
    expect(recorded(decision.id)[0]!.envelope.tenant).toBe('620321');
    const payload = supervisionV1.ViolationRecorded.decode(recorded(decision.id)[0]!.envelope.payload);
    expect(payload.violation).toMatchObject({ id: decision.id, kind: K.VIOLATION_KIND_DECISION_PAST_LIMIT });
    w.setClock();
  });

  it('a one-time notice at the counter on a later day than the registration was not given in the same visit', async () => {
    // Registered at the counter on Tuesday 3 March 2026; the notice comes on Wednesday the 4th.
    w.setClock(chinaNoon('2026-03-03'));
    const walkIn = await w.api('POST', '/cases/walk-in', {
      token: await w.token('clerk'),
      headers: { 'idempotency-key': `walk-${unique()}${unique()}` },
      body: { itemId: w.food.id, applicantIdCode: applicant.idNumber, formData: foodForm(applicant) },
    });
    expect(walkIn.status).toBe(201);
    const c = walkIn.body.case ?? walkIn.body;
    expect(c.clocks.receivedDate).toBe('2026-03-03');
    w.setClock(chinaNoon('2026-03-04'));
    await acts.act(c.id, 'one-time-notice', await w.token('clerk'), {
      problems: [{ materialId: 'premises-layout', message: '经营布局图未标明食品处理区，请补充完整' }],
    });
    w.setClock();
    const county = await supervisors.county();
    const [late] = await waitFor(
      async () => {
        const vs = await list({ matterId: c.id }, county);
        return vs.length > 0 ? vs : undefined;
      },
      { timeoutMs: 30_000, what: 'the late counter notice' },
    );
    expect(late).toMatchObject({
      id: `${c.id}.notice-late`,
      kind: K.VIOLATION_KIND_NOTICE_LATE,
      occurredDate: '2026-03-04',
      person: w.login.clerk,
    });
    expect(late!.summary).toContain('未在收件当次一次性告知');
    expect(Object.fromEntries(late!.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      收件日期: '2026-03-03',
      实际告知日期: '2026-03-04',
    });
  });

  it('the city sees its county; the sibling county neither lists nor reads it; bad input changes nothing', async () => {
    const county = await supervisors.county();
    const [one] = await list({ kind: K.VIOLATION_KIND_DECISION_PAST_LIMIT }, county);
    expect(one).toBeDefined();

    const city = await supervisors.city();
    const cityList = await list({ includeSubordinates: true, kind: K.VIOLATION_KIND_DECISION_PAST_LIMIT }, city);
    expect(cityList.map((v) => v.id)).toContain(one!.id);
    expect(await list({ tenant: '620300' }, city)).toEqual([]);

    const sibling = await supervisors.sibling();
    expect(await list({ includeSubordinates: true }, sibling)).toEqual([]);
    const refused = await grpcFailure(list({ tenant: '620321' }, sibling));
    expect(refused).toMatchObject({ code: status.PERMISSION_DENIED });
    const hidden = await grpcFailure(s.call('getViolation', { id: one!.id }, sibling));
    expect(hidden).toMatchObject({ code: status.NOT_FOUND, reason: 'VIOLATION_NOT_FOUND' });

    const noReason = await grpcFailure(s.call('dismissViolation', { id: one!.id, reason: ' ', version: 1 }, county));
    expect(noReason).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(noReason.violations).toEqual([expect.objectContaining({ path: 'reason', message: '请填写撤销违规的理由' })]);
    const badDate = await grpcFailure(list({ fromDate: '2026/03/01' }, county));
    expect(badDate.violations).toEqual([
      expect.objectContaining({ path: 'fromDate', message: '日期格式应为YYYY-MM-DD' }),
    ]);
    const byCity = await grpcFailure(s.call('dismissViolation', { id: one!.id, reason: '误报', version: 1 }, city));
    expect(byCity.code).toBe(status.PERMISSION_DENIED);
    const unchanged = await s.call<supervisionV1.GetViolationRequest, supervisionV1.GetViolationResponse>(
      'getViolation',
      { id: one!.id },
      county,
    );
    expect(unchanged.violation).toMatchObject({ state: supervisionV1.ViolationState.VIOLATION_STATE_OPEN, version: 1 });

    const dismissed = await s.call<supervisionV1.DismissViolationRequest, supervisionV1.DismissViolationResponse>(
      'dismissViolation',
      { id: one!.id, reason: '承诺时限配置有误', version: 1 },
      county,
    );
    expect(dismissed.violation).toMatchObject({
      state: supervisionV1.ViolationState.VIOLATION_STATE_DISMISSED,
      dismissedReason: '承诺时限配置有误',
      version: 2,
    });
    const stale = await grpcFailure(s.call('dismissViolation', { id: one!.id, reason: '再次', version: 1 }, county));
    expect(stale.code).toBe(status.ABORTED);
  });
});

const S = supervisionV1.Sanction;

describe('daily inspection and accountability', () => {
  it('an inspection with a photo records a finding; it is proposed, then decided with a sanction, announced once', async () => {
    const county = await supervisors.county();
    const upload = (fileName: string, content: Buffer) =>
      s.call<supervisionV1.UploadInspectionPhotoRequest, supervisionV1.UploadInspectionPhotoResponse>(
        'uploadInspectionPhoto',
        { tenant: '', fileName, contentType: 'image/png', content },
        county,
      );
    const exe = await grpcFailure(upload('现场.png', EXE));
    expect(exe).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(exe.violations).toEqual([expect.objectContaining({ path: 'content', reason: 'FILE_TYPE' })]);
    const { fileId } = await upload('现场.png', PNG);

    const request = supervisionV1.RecordInspectionRequest.fromPartial({
      windowId: w.windowId,
      date: chinaDate(new Date()),
      checklist: [
        { code: 'uniform', passed: true },
        { code: 'badge', passed: false, note: '未佩戴工作牌' },
      ],
      photoFileIds: [fileId],
      person: w.login.clerk,
      requestId: `inspection-${uniqueSuffix()}`,
    });
    const inspect = (req: supervisionV1.RecordInspectionRequest, token = county) =>
      s.call<supervisionV1.RecordInspectionRequest, supervisionV1.RecordInspectionResponse>(
        'recordInspection',
        req,
        token,
      );
    const bad = await grpcFailure(
      inspect({ ...request, checklist: [{ code: 'karaoke', label: '', passed: true, note: '' }] }),
    );
    expect(bad.violations).toEqual([
      expect.objectContaining({ path: 'checklist.0.code', message: '检查项不在本地区的日检查清单中' }),
    ]);
    const first = await inspect(request);
    const again = await inspect(request);
    expect(again.inspection!.id).toBe(first.inspection!.id);
    expect(first.violations).toHaveLength(1);
    const finding = first.violations[0]!;
    expect(finding).toMatchObject({
      kind: K.VIOLATION_KIND_INSPECTION_FINDING,
      tenant: '620321',
      windowId: w.windowId,
      person: w.login.clerk,
      inspectionId: first.inspection!.id,
    });
    expect(finding.evidence).toContainEqual(expect.objectContaining({ label: '现场照片1', fileId }));
    const listed = await s.call<supervisionV1.ListInspectionsRequest, supervisionV1.ListInspectionsResponse>(
      'listInspections',
      supervisionV1.ListInspectionsRequest.fromPartial({ windowId: w.windowId }),
      county,
    );
    expect(listed.inspections.map((i) => i.id)).toEqual([first.inspection!.id]);

    const city = await supervisors.city();
    const sibling = await supervisors.sibling();
    const photo = await s.call<supervisionV1.GetInspectionPhotoRequest, supervisionV1.GetInspectionPhotoResponse>(
      'getInspectionPhoto',
      { fileId },
      city,
    );
    expect(Buffer.from(photo.content).equals(PNG)).toBe(true);
    expect((await grpcFailure(s.call('getInspectionPhoto', { fileId }, sibling))).code).toBe(status.NOT_FOUND);

    const propose = (req: Partial<supervisionV1.ProposeAccountabilityRequest>) =>
      s.call<supervisionV1.ProposeAccountabilityRequest, supervisionV1.ProposeAccountabilityResponse>(
        'proposeAccountability',
        supervisionV1.ProposeAccountabilityRequest.fromPartial({
          violationIds: [finding.id],
          targetKind: supervisionV1.AccountabilityTarget.ACCOUNTABILITY_TARGET_PERSON,
          targetId: w.login.clerk,
          proposedSanctions: [S.SANCTION_CRITICISM_AND_EDUCATION],
          proposal: '建议批评教育',
          requestId: `propose-${uniqueSuffix()}`,
          ...req,
        }),
        county,
      );
    const badSanction = await grpcFailure(propose({ proposedSanctions: [99 as supervisionV1.Sanction] }));
    expect(badSanction.violations).toEqual([expect.objectContaining({ path: 'proposedSanctions.0', reason: 'ENUM' })]);
    const proposed = (await propose({})).accountability!;
    expect(proposed).toMatchObject({
      state: supervisionV1.AccountabilityState.ACCOUNTABILITY_STATE_PROPOSED,
      violationIds: [finding.id],
      version: 1,
    });
    const get = async (id: string) =>
      (
        await s.call<supervisionV1.GetViolationRequest, supervisionV1.GetViolationResponse>(
          'getViolation',
          { id },
          county,
        )
      ).violation!;
    expect(await get(finding.id)).toMatchObject({
      state: supervisionV1.ViolationState.VIOLATION_STATE_PROPOSED,
      accountabilityId: proposed.id,
    });

    const admin = await userToken('yc-admin');
    const decide = (req: Partial<supervisionV1.DecideAccountabilityRequest>, token = admin) =>
      s.call<supervisionV1.DecideAccountabilityRequest, supervisionV1.DecideAccountabilityResponse>(
        'decideAccountability',
        supervisionV1.DecideAccountabilityRequest.fromPartial({ id: proposed.id, version: 1, ...req }),
        token,
      );
    const noSanction = await grpcFailure(decide({ decision: '给予黄牌警告' }));
    expect(noSanction.violations).toEqual([expect.objectContaining({ path: 'sanctions', reason: 'REQUIRED' })]);
    expect(
      (await grpcFailure(decide({ sanctions: [S.SANCTION_YELLOW_CARD_WARNING], decision: '黄牌' }, city))).code,
    ).toBe(status.PERMISSION_DENIED);
    const decided = (await decide({ sanctions: [S.SANCTION_YELLOW_CARD_WARNING], decision: '给予黄牌警告' }))
      .accountability!;
    expect(decided).toMatchObject({
      state: supervisionV1.AccountabilityState.ACCOUNTABILITY_STATE_DECIDED,
      sanctions: [S.SANCTION_YELLOW_CARD_WARNING],
      decidedBy: 'yc-admin',
      version: 2,
    });
    expect((await get(finding.id)).state).toBe(supervisionV1.ViolationState.VIOLATION_STATE_DECIDED);
    // Decided once: a second decision is refused as such (whatever version it names).
    expect(await grpcFailure(decide({ sanctions: [S.SANCTION_ADMONITORY_TALK], decision: '再议' }))).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'ACCOUNTABILITY_ALREADY_DECIDED',
    });

    // AccountabilityDecided is written after the finding's ViolationRecorded: once it has arrived, count both.
    const decidedEvents = () =>
      s.events
        .all(VIOLATION_TOPIC)
        .filter((e) => e.envelope.type.endsWith('AccountabilityDecided') && e.key === decided.id);
    await waitFor(async () => decidedEvents().length > 0, { timeoutMs: 30_000, what: 'AccountabilityDecided' });
    await s.events.caughtUp();
    expect(decidedEvents()).toHaveLength(1);
    const payload = supervisionV1.AccountabilityDecided.decode(decidedEvents()[0]!.envelope.payload);
    expect(payload.accountability).toMatchObject({
      id: decided.id,
      sanctions: [S.SANCTION_YELLOW_CARD_WARNING],
      targetId: w.login.clerk,
    });
    expect(recorded(finding.id)).toHaveLength(1);

    const listAcc = (req: Partial<supervisionV1.ListAccountabilitiesRequest>, token: string) =>
      s.call<supervisionV1.ListAccountabilitiesRequest, supervisionV1.ListAccountabilitiesResponse>(
        'listAccountabilities',
        supervisionV1.ListAccountabilitiesRequest.fromPartial(req),
        token,
      );
    expect((await listAcc({ includeSubordinates: true }, city)).accountabilities.map((a) => a.id)).toContain(
      decided.id,
    );
    expect((await listAcc({ includeSubordinates: true }, sibling)).accountabilities).toEqual([]);
  });
});
