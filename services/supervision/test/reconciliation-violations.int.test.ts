import { randomUUID } from 'node:crypto';
import { buildEnvelope, encodeEnvelope, type Producer } from '@govhall/kafka';
import { commonV1, paymentsV1, supervisionV1 } from '@govhall/proto';
import { waitFor, type MongoClient } from '@govhall/testing';
import { startDetectionWorld, type DetectionWorld } from './detection-world';
import { RECONCILIATION_TOPIC, type SupervisionUnderTest } from './violation-world';

// The payments service's reconciliation publishes MismatchFound on govhall.payments.reconciliation (key: the
// statement). The test publishes those events itself (in the shared envelope, as the payments service's relay
// would); supervision, its own process, records FEE_OUTSIDE_CENTER (P4) and SLIP_UNCONFIRMED (P3) as violations,
// once each, and nothing for the reconciler's own kinds (AMOUNT here, sent first on the same statement and so the
// same partition: the later violations are the barrier that shows it was handled).
let w: DetectionWorld;
let s: SupervisionUnderTest;
let producer: Producer;
let mongo: MongoClient;

beforeAll(async () => {
  w = await startDetectionWorld('reconciliation-violations-test');
  ({ s, producer, mongo } = w);
}, 180_000);

afterAll(() => w?.stop());

const recorded = (id: string) => w.recorded(id);
const K = paymentsV1.MismatchKind;

function found(statementId: string, mismatch: Partial<paymentsV1.Mismatch>) {
  return buildEnvelope({
    type: 'govhall.payments.v1.MismatchFound',
    codec: paymentsV1.MismatchFound,
    payload: paymentsV1.MismatchFound.fromPartial({
      mismatch: {
        tenant: '620321',
        statementId,
        settlementDate: '2026-11-02',
        state: paymentsV1.MismatchState.MISMATCH_STATE_OPEN,
        version: 1,
        ...mismatch,
      },
    }),
    tenant: '620321',
    aggregateId: statementId,
    aggregateVersion: 1,
    actor: {
      kind: commonV1.ActorKind.ACTOR_KIND_USER,
      subject: 'subject-yc-finance',
      username: 'yc-finance',
      tenant: '620321',
      roles: ['finance_reconciler'],
      department: '',
      onBehalfOf: '',
    },
    occurredAt: new Date('2026-11-02T10:00:00Z'),
  });
}

const send = (envelope: ReturnType<typeof buildEnvelope>) =>
  producer.send({
    topic: RECONCILIATION_TOPIC,
    messages: [{ key: envelope.aggregateId, value: encodeEnvelope(envelope) }],
  });

describe('the reconciliation’s violations (P3, P4)', () => {
  it('records a fee collected outside the center and an unconfirmed slip, once each, and nothing for an amount mismatch', async () => {
    const statement = randomUUID().replaceAll('-', '');
    const run = randomUUID().slice(0, 8);
    const amountId = `620321.amount.${run}01`;
    const outsideId = `620321.fee-outside-center.${run}02`;
    const slipId = `620321.slip-unconfirmed.n-${run}`;
    const caseId = randomUUID();
    const amount = found(statement, {
      id: amountId,
      kind: K.MISMATCH_KIND_AMOUNT,
      paymentCode: `${run}01`,
      expectedFen: 8000,
      statementFen: 8001,
    });
    const outside = found(statement, {
      id: outsideId,
      kind: K.MISMATCH_KIND_FEE_OUTSIDE_CENTER,
      paymentCode: `${run}02`,
      bankTxnId: `BANK-${run}`,
      collectingUnitCode: '620321001',
      revenueCode: '103040101',
      department: '620321-ZRZY',
      statementFen: 55_000,
    });
    const slip = found(statement, {
      id: slipId,
      kind: K.MISMATCH_KIND_SLIP_UNCONFIRMED,
      noticeId: `n-${run}`,
      noticeNumber: '永昌县政务服务中心缴〔2026〕00032号',
      caseId,
      caseNumber: '620321202611020008',
      paymentCode: '62032126110200003200',
      expectedFen: 8000,
    });
    for (const e of [amount, outside, slip]) await send(e);
    await waitFor(async () => recorded(slipId).length > 0 && recorded(outsideId).length > 0, {
      timeoutMs: 60_000,
      what: 'the two violations',
    });
    const announced = (id: string) =>
      supervisionV1.ViolationRecorded.decode(recorded(id)[0]!.envelope.payload).violation!;
    expect(announced(outsideId)).toMatchObject({
      tenant: '620321',
      kind: supervisionV1.ViolationKind.VIOLATION_KIND_FEE_OUTSIDE_CENTER,
      state: supervisionV1.ViolationState.VIOLATION_STATE_OPEN,
      department: '620321-ZRZY',
      occurredDate: '2026-11-02',
      recordedBy: 'automatic',
    });
    expect(Object.fromEntries(announced(outsideId).evidence.map((e) => [e.label, e.value]))).toMatchObject({
      收入项目编码: '103040101',
      银行流水号: `BANK-${run}`,
      金额: '550.00元',
    });
    expect(announced(slipId)).toMatchObject({
      kind: supervisionV1.ViolationKind.VIOLATION_KIND_SLIP_UNCONFIRMED,
      matterId: caseId,
      caseNumber: '620321202611020008',
    });
    expect(announced(slipId).evidence.every((e) => e.eventId === slip.id)).toBe(true);

    // A replay of the statement's events (the relay sending again) records nothing new; the next statement's
    // violation on the same key is the barrier.
    for (const e of [amount, outside, slip]) await send(e);
    const barrierId = `620321.fee-outside-center.${run}03`;
    await send(found(statement, { ...paymentsV1.MismatchFound.decode(outside.payload).mismatch!, id: barrierId }));
    await waitFor(async () => recorded(barrierId).length > 0, { timeoutMs: 60_000, what: 'the barrier violation' });
    await s.events.caughtUp();
    expect(recorded(outsideId)).toHaveLength(1);
    expect(recorded(slipId)).toHaveLength(1);
    expect(recorded(amountId)).toHaveLength(0);
    const stored = await mongo
      .db(s.db)
      .collection('violations')
      .find({ _id: { $in: [amountId, outsideId, slipId, barrierId] as never[] } })
      .toArray();
    expect(stored.map((v) => [v._id, v.kind]).sort()).toEqual(
      [
        [barrierId, 'fee_outside_center'],
        [outsideId, 'fee_outside_center'],
        [slipId, 'slip_unconfirmed'],
      ].sort(),
    );
  });
});
