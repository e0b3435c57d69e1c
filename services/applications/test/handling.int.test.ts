import { randomInt, randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { createWorkingCalendar, chinaToday } from '@govhall/calendar';
import { toDocument } from '@govhall/mongo';
import { applicationsV1 } from '@govhall/proto';
import { grpcFailure, userToken, waitFor } from '@govhall/testing';
import { validItemFixture } from '../../catalogue/src/domain/item.test-double';
import type { Case } from '../src/domain/case';
import { draftCase } from '../src/domain/case.test-double';
import { putAcceptedCase } from './accepted-case';
import { CasesWorld, SCJG, TENANT, type Applicant } from './cases-world';

// Handling after acceptance through the real stack: identity, the catalogue and applications as their own processes,
// real Keycloak tokens, FerretDB and Kafka. Cases are put in the state the window leaves them (pre-review, accepted)
// straight into the service's database, as the catalogue's tests do with items: the acts under test are the
// handling RPCs, which then run end to end.
const SOLE_TRADER_CODE = '000117001000';

const world = new CasesWorld({ name: 'handling', tag: 'h', events: true });
const foodItemId = randomUUID();
const soleTraderItemId = randomUUID();
const logins: Record<'reviewer' | 'approver' | 'head', string> = { reviewer: '', approver: '', head: '' };
let applicant: Applicant;

const staffToken = (who: keyof typeof logins) => world.token(logins[who]);
const applicantToken = () => applicant.token();
const call = <Req, Res>(method: keyof applicationsV1.ApplicationsServiceClient, req: Req, token?: string) =>
  world.call<Req, Res>(method, req, token);

beforeAll(async () => {
  await world.start();
  const food = validItemFixture({ id: foodItemId, seriesId: foodItemId, status: 'published', version: 3 });
  // The 营业执照 may be satisfied by the result of 个体工商户设立登记 (ADR 0025: a licence's type is its item's basic code).
  food.content.materials = [
    ...food.content.materials.filter((m) => m.id !== 'business-licence'),
    {
      ...food.content.materials[0]!,
      id: 'business-licence',
      name: '营业执照',
      satisfiedByLicenceType: SOLE_TRADER_CODE,
    },
  ];
  const soleTrader = validItemFixture({
    id: soleTraderItemId,
    seriesId: soleTraderItemId,
    status: 'published',
    version: 3,
    name: '个体工商户设立登记',
    basicCode: SOLE_TRADER_CODE,
    handlingCategory: 'immediate',
  });
  await world.mongo
    .db(world.catalogue.db)
    .collection('items')
    .insertMany([food, soleTrader].map((i) => toDocument(i, { idempotencyKey: `fx-${i.id}`, outbox: [] }) as never));

  const roles = { reviewer: 'reviewer', approver: 'approver', head: 'department_head' } as const;
  for (const who of Object.keys(logins) as (keyof typeof logins)[]) {
    logins[who] = (await world.createStaff(roles[who], { displayName: '测试办件人员' })).username;
  }
  applicant = await world.registerPerson('王测试');
  await world.startApplications({ GOVHALL_TENANTS: TENANT });
}, 180_000);

afterAll(() => world.stop());

/** A case of the test's applicant put straight into the service's database (what the window's acts leave). */
async function putCase(overrides: Partial<Case>): Promise<Case> {
  const today = chinaToday();
  const c = draftCase({
    id: randomUUID(),
    caseNumber: `620321${today.replace(/-/g, '')}${String(randomInt(1e4)).padStart(4, '0')}`,
    itemId: foodItemId,
    itemName: '食品经营许可',
    itemBasicCode: validItemFixture().basicCode,
    department: SCJG,
    applicant: {
      kind: 'natural_person',
      personId: applicant.person.id,
      name: '王测试',
      idCode: applicant.idNumber,
      subject: applicant.person.subject,
      agentPersonId: '',
      agentName: '',
      agentSubject: '',
      agentGrantId: '',
    },
    createdBy: applicant.idNumber,
    ...overrides,
  });
  await world
    .collection('cases')
    .insertOne(toDocument(c, { idempotencyKey: `fx-${c.id}`, ownerSubject: c.applicant.subject, outbox: [] }) as never);
  return c;
}

/** An accepted 食品经营许可 case as AcceptCase leaves it today: 受理 done, 审查 active, promised 10 / statutory 20. */
const acceptedCase = (active = 1): Promise<Case> => putAcceptedCase(world, applicant, foodItemId, active);

/** The case's transitions on Kafka, once `count` of them arrived (the outbox relay publishes after the write). */
async function transitionsOf(caseId: string, count: number): Promise<string[]> {
  return (await world.transitions(caseId, count)).map((payload) => applicationsV1.Transition[payload.transition]);
}

type CaseAnswer = { case?: applicationsV1.Case };

describe('handling through the real stack', () => {
  it('takes a promised case through suspension, extension, every step, the licence and delivery to the archive', async () => {
    const c = await acceptedCase();
    const reviewer = await staffToken('reviewer');
    let version = 4;
    const act = async <Req>(rpc: keyof applicationsV1.ApplicationsServiceClient, req: Req, token: string) => {
      const res = await call<Req, CaseAnswer>(rpc, { id: c.id, expectedVersion: version, ...req }, token);
      version = Number(res.case!.version);
      return res.case!;
    };

    // Suspension (§45): the clock stops; moved back to a Monday before the National Day holiday, the resume counts
    // the working days since then by the tenant's calendar and moves every deadline by exactly that many.
    const suspended = await act(
      'suspendCase',
      { procedure: '检测', reason: '样品送检', plannedWorkingDays: 5 },
      reviewer,
    );
    expect(suspended.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_SUSPENDED);
    // Only once the relay has published the SUSPENDED event and cleared the outbox (a write beside the service's
    // own would otherwise race with the relay's).
    const cases = world.collection('cases');
    await waitFor(
      async () => {
        const doc = await cases.findOne({ _id: c.id as never });
        return !doc?.outboxPending && (doc?.outbox ?? []).length === 0;
      },
      {
        what: 'the outbox relay to publish the suspension',
      },
    );
    // The case is moved back with it: accepted on Thursday 2026-09-24, its deadlines counted from then, so the
    // suspension lies inside them (a pause moves a deadline by its working days after the start, ADR 0022).
    const calendar = createWorkingCalendar();
    const acceptedOn = '2026-09-24';
    const promisedBefore = calendar.addWorkingDaysProvisional(acceptedOn, c.clocks.promised!.limitWorkingDays).date;
    const statutoryBefore = calendar.addWorkingDaysProvisional(acceptedOn, c.clocks.statutory!.limitWorkingDays).date;
    await cases.updateOne(
      { _id: c.id as never },
      {
        $set: {
          'suspensions.0.startedDate': '2026-09-28',
          'clocks.acceptedDate': acceptedOn,
          'clocks.promised.startDate': acceptedOn,
          'clocks.promised.dueDate': promisedBefore,
          'clocks.statutory.startDate': acceptedOn,
          'clocks.statutory.dueDate': statutoryBefore,
        },
      },
    );
    // [2026-09-28, today) counts as held (ADR 0022: the resume day counts again).
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const held = calendar.workingDaysBetweenProvisional('2026-09-27', yesterday).days;
    const resumed = await act('resumeCase', {}, reviewer);
    expect(resumed.suspensions[0]!.suspendedWorkingDays).toBe(held);
    const promisedAfterResume = calendar.addWorkingDaysProvisional(promisedBefore, held).date;
    expect(resumed.clocks!.promised!.dueDate).toBe(promisedAfterResume);
    expect(resumed.clocks!.statutory!.dueDate).toBe(calendar.addWorkingDaysProvisional(statutoryBefore, held).date);

    // Extension (decision 2): requested by the handler, approved by the head, then by the center.
    await act('requestExtension', { workingDays: 5, reason: '需补充调查经营场所' }, reviewer);
    const byHead = await act('reviewExtension', { approve: true, comment: '同意' }, await staffToken('head'));
    expect(byHead.extension!.state).toBe(applicationsV1.ExtensionState.EXTENSION_STATE_HEAD_APPROVED);
    expect(byHead.clocks!.promised!.dueDate).toBe(promisedAfterResume);
    const byCenter = await act('reviewExtension', { approve: true, comment: '' }, await userToken('yc-admin'));
    expect(byCenter.extension!.state).toBe(applicationsV1.ExtensionState.EXTENSION_STATE_APPROVED);
    expect(byCenter.clocks!.promised!.dueDate).toBe(calendar.addWorkingDaysProvisional(promisedAfterResume, 5).date);
    const second = await grpcFailure(
      call('requestExtension', { id: c.id, expectedVersion: version, workingDays: 2, reason: '再次延期' }, reviewer),
    );
    expect([second.code, second.reason]).toEqual([status.FAILED_PRECONDITION, 'EXTENSION_ONCE']);

    // Steps: review, decision, result, delivery.
    const reviewed = await act('completeStep', { opinion: '经审查，符合许可条件' }, reviewer);
    expect(reviewed.steps[2]!.state).toBe(applicationsV1.StepState.STEP_STATE_ACTIVE);
    const decided = await act(
      'decideCase',
      { outcome: applicationsV1.Outcome.OUTCOME_APPROVED, reasons: [], remedies: [] },
      await staffToken('approver'),
    );
    expect(decided.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_APPROVED);
    const clerk = await userToken('yc-clerk');
    const issued = await call<applicationsV1.IssueResultRequest, applicationsV1.IssueResultResponse>(
      'issueResult',
      {
        id: c.id,
        expectedVersion: version,
        validUntil: '2031-12-31',
        deliveryMethod: applicationsV1.DeliveryMethod.DELIVERY_METHOD_WINDOW_PICKUP,
        address: '',
      },
      clerk,
    );
    version = Number(issued.case!.version);
    expect(issued.case!.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_COMPLETED);
    expect(issued.licence).toMatchObject({ seal: expect.stringContaining('行政审批专用章'), validUntil: '2031-12-31' });
    expect(issued.case!.delivery!.pickupCode).toBe(''); // the clerk does not see it
    const mine = await call<applicationsV1.GetCaseRequest, applicationsV1.GetCaseResponse>(
      'getCase',
      { id: c.id },
      await applicantToken(),
    );
    const pickupCode = mine.case!.delivery!.pickupCode;
    expect(pickupCode).toMatch(/^\d{6}$/);

    const wrong = await grpcFailure(
      call(
        'deliverResult',
        {
          id: c.id,
          expectedVersion: version,
          method: applicationsV1.DeliveryMethod.DELIVERY_METHOD_UNSPECIFIED,
          pickupCode: pickupCode === '000000' ? '000001' : '000000',
          trackingNumber: '',
        },
        clerk,
      ),
    );
    expect(wrong.code).toBe(status.INVALID_ARGUMENT);
    expect(wrong.violations.map((v) => v.path)).toEqual(['pickupCode']);
    const unchanged = await world.collection('cases').findOne({ _id: c.id as never });
    expect([unchanged!.version, unchanged!.status]).toEqual([version, 'completed']);

    const delivered = await act(
      'deliverResult',
      { method: applicationsV1.DeliveryMethod.DELIVERY_METHOD_UNSPECIFIED, pickupCode, trackingNumber: '' },
      clerk,
    );
    expect(delivered.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_DELIVERED);
    const archived = await act('archiveCase', {}, clerk);
    expect(archived.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_ARCHIVED);

    // Anyone checks the licence by its code; the holder is masked.
    const verified = await call<applicationsV1.VerifyLicenceRequest, applicationsV1.VerifyLicenceResponse>(
      'verifyLicence',
      { verificationCode: issued.licence!.verificationCode },
    );
    expect(verified.licence).toMatchObject({ licenceNumber: issued.licence!.licenceNumber, holderName: '王**' });
    expect(verified.licence!.holderIdCode).not.toBe(applicant.idNumber);

    await expect(transitionsOf(c.id, 10)).resolves.toEqual([
      'TRANSITION_SUSPENDED',
      'TRANSITION_RESUMED',
      'TRANSITION_EXTENSION_REQUESTED',
      'TRANSITION_EXTENSION_HEAD_APPROVED',
      'TRANSITION_EXTENSION_APPROVED',
      'TRANSITION_STEP_COMPLETED',
      'TRANSITION_DECIDED',
      'TRANSITION_RESULT_ISSUED',
      'TRANSITION_DELIVERED',
      'TRANSITION_ARCHIVED',
    ]);
    const payloads = await world.transitions(c.id, 10);
    expect(JSON.stringify(payloads.map((p) => p.delivery ?? null))).not.toContain(pickupCode);
  });

  it('denies with reasons and the default remedies; without reasons nothing changes', async () => {
    const c = await acceptedCase(2);
    const approver = await staffToken('approver');
    const bad = await grpcFailure(
      call(
        'decideCase',
        { id: c.id, expectedVersion: 4, outcome: applicationsV1.Outcome.OUTCOME_DENIED, reasons: [], remedies: [] },
        approver,
      ),
    );
    expect([bad.code, bad.violations.map((v) => v.path)]).toEqual([status.INVALID_ARGUMENT, ['reasons']]);
    const denied = await call<applicationsV1.DecideCaseRequest, applicationsV1.DecideCaseResponse>(
      'decideCase',
      {
        id: c.id,
        expectedVersion: 4,
        outcome: applicationsV1.Outcome.OUTCOME_DENIED,
        reasons: ['经营场所与食品安全要求不符'],
        remedies: [],
      },
      approver,
    );
    expect(denied.case!.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_COMPLETED);
    expect(denied.case!.decision!.remedies.join('')).toMatch(/行政复议.*行政诉讼/);
    expect(denied.case!.documents.map((d) => d.kind)).toEqual([applicationsV1.DocumentKind.DOCUMENT_KIND_DECISION]);
    await expect(transitionsOf(c.id, 1)).resolves.toEqual(['TRANSITION_DECIDED']);
  });

  it('decides an immediate item on the spot, and its licence is cited for another item and listed for its holder', async () => {
    const clerk = await userToken('yc-clerk');
    const promised = await putCase({ status: 'pre_review', version: 2 });
    const refused = await grpcFailure(
      call(
        'decideOnTheSpot',
        {
          id: promised.id,
          expectedVersion: 2,
          outcome: applicationsV1.Outcome.OUTCOME_APPROVED,
          reasons: [],
          deliveryMethod: applicationsV1.DeliveryMethod.DELIVERY_METHOD_UNSPECIFIED,
        },
        clerk,
      ),
    );
    expect([refused.code, refused.reason]).toEqual([status.FAILED_PRECONDITION, 'NOT_IMMEDIATE']);

    const c = await putCase({
      status: 'pre_review',
      version: 2,
      itemId: soleTraderItemId,
      itemName: '个体工商户设立登记',
      itemBasicCode: SOLE_TRADER_CODE,
      handlingCategory: 'immediate',
      channel: 'counter',
    });
    const decided = await call<applicationsV1.DecideOnTheSpotRequest, applicationsV1.DecideOnTheSpotResponse>(
      'decideOnTheSpot',
      {
        id: c.id,
        expectedVersion: 2,
        outcome: applicationsV1.Outcome.OUTCOME_APPROVED,
        reasons: [],
        deliveryMethod: applicationsV1.DeliveryMethod.DELIVERY_METHOD_ELECTRONIC,
      },
      clerk,
    );
    expect(decided.case).toMatchObject({
      status: applicationsV1.CaseStatus.CASE_STATUS_COMPLETED,
      decidedOnTheSpot: true,
    });
    expect(decided.case!.documents.map((d) => d.kind)).toEqual([applicationsV1.DocumentKind.DOCUMENT_KIND_LICENCE]);
    await expect(transitionsOf(c.id, 1)).resolves.toEqual(['TRANSITION_DECIDED_ON_THE_SPOT']);

    const token = await applicantToken();
    const listed = await call<applicationsV1.ListMyLicencesRequest, applicationsV1.ListMyLicencesResponse>(
      'listMyLicences',
      { onBehalfOf: '' },
      token,
    );
    const licence = listed.licences.find((l) => l.caseId === c.id)!;
    expect(licence).toMatchObject({ licenceType: SOLE_TRADER_CODE, holderName: '王测试' });

    const draft = await putCase({ status: 'draft', version: 1, caseNumber: '' });
    const cite = (materialId: string) =>
      call<applicationsV1.CiteLicenceRequest, applicationsV1.CiteLicenceResponse>(
        'citeLicence',
        { id: draft.id, expectedVersion: 1, materialId, licenceNumber: licence.licenceNumber },
        token,
      );
    const notSatisfiable = await grpcFailure(
      cite(validItemFixture().content.materials.find((m) => m.id !== 'business-licence')!.id),
    );
    expect(notSatisfiable.violations).toEqual([
      expect.objectContaining({ path: 'materialId', reason: 'NOT_SATISFIABLE' }),
    ]);
    const cited = await cite('business-licence');
    expect(cited.case!.materials.find((m) => m.materialId === 'business-licence')!.licence).toMatchObject({
      licenceNumber: licence.licenceNumber,
      valid: true,
    });
  });
});
