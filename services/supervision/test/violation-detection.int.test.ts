import { status } from '@grpc/grpc-js';
import { supervisionV1 } from '@govhall/proto';
import { grpcFailure, waitFor } from '@govhall/testing';
import { caseActs, startCasesWorld, type Applicant, type CasesWorld } from '../../../gateway/test/cases-stack';
import { createSupervisors, startSupervision, VIOLATION_TOPIC, type SupervisionUnderTest } from './violation-world';

// Automatic detection end to end: real cases driven through the gateway (identity, catalogue, applications and
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
