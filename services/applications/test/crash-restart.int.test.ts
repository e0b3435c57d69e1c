import { status } from '@grpc/grpc-js';
import { decodeGrpcError } from '@govhall/grpc';
import { applicationsV1, catalogueV1 } from '@govhall/proto';
import { freePort, stack, startGroupAtTopicEnd, startProcess, waitFor, type RunningProcess } from '@govhall/testing';
import { CASE_TOPIC, checkCaseStream, markStream, readStream, type StreamMark } from './case-stream-check';
import { CasesWorld, testItem } from './cases-world';
import { NOTIFIER_TOPICS } from '../src/adapters/kafka/notify-on-case.consumer';

// kill -9 in the middle of lifecycles (issue 10): identity, catalogue, supervision and the cases service run as their
// own processes; three window clerks, a reviewer and an approver drive walk-in lifecycles at once over gRPC with real
// Keycloak tokens (walk-in, correction or pre-review, acceptance, review step, decision, result, delivery, archive),
// while the cases service is killed (SIGKILL) with requests in flight, right after a write before its relay ran
// (the cases.after-write failpoint) and right after Kafka acknowledged a relayed batch before the outbox was emptied
// (cases.after-relay-send), and restarted on the same database each time. The clients retry what failed as a real
// client does (the same idempotency key; the same expected version, and on a version conflict a re-read: an act
// already stored is not done again). Then the case stream checker compares every case's history with the
// CaseTransitioned events on Kafka since the test began and with supervision's journal.

const pb = applicationsV1;
const S = pb.CaseStatus;
const T = pb.Transition;
const LIFECYCLES = 16;
const world = new CasesWorld({ name: 'crash', tag: 'k' });
const suffix = world.suffix;
const supervisionDb = `govhall_supervision_k${suffix}`;
const supervisionGroup = `supervision-k${suffix}`;
const notifierGroup = `applications-notifier-k${suffix}`;

let supervision: RunningProcess;
let mark: StreamMark;

let itemId: string;
/** One window per clerk (its A post), each driving its share of the lifecycles. */
const windows: { id: string; clerk: string }[] = [];
const staff = { reviewer: '', approver: '' };
let applicantIdNumber: string;

// ---------------------------------------------------------------- logins, each once (the world makes the set-up)

const tokens = new Map<string, Promise<string>>();
const tokenOf = (username: string) => {
  if (!tokens.has(username)) tokens.set(username, world.token(username));
  return tokens.get(username)!;
};

// ---------------------------------------------------------------- the cases service: start, kill, restart

/** Deaths of the cases service: by the test (SIGKILL) and by an armed failpoint. */
const deaths: string[] = [];

/** The cases service (again), with its own notifier group, optionally with a failpoint armed. */
const startApplications = (failpoint = '') =>
  world.startApplications({
    NOTIFIER_GROUP_ID: notifierGroup,
    ...(failpoint ? { GOVHALL_FAILPOINTS: failpoint } : {}),
  });

const exited = (p: RunningProcess) =>
  new Promise<void>((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) resolve();
    else p.child.once('exit', () => resolve());
  });

/**
 * SIGKILL now (requests in flight), then a restart on the same database, optionally with a failpoint armed. The
 * relay's failpoint follows a graceful stop instead: a relay resending what the kill left would fire it before the
 * restarted process even listens.
 */
async function killAndRestart(label: string, failpoint = '', how: 'kill' | 'stop' = 'kill') {
  const down = Date.now();
  if (how === 'kill') await world.applications.kill();
  else await world.applications.stop();
  if (!failpoint) {
    await startApplications();
    if (how === 'kill') deaths.push(`${label}: SIGKILL (serving again after ${Date.now() - down} ms)`);
    return;
  }
  // The armed process kills itself when it reaches the point (the clients keep writing); then a clean one. It may
  // reach it while starting (its relay sends what the stop left in an outbox): that death counts the same.
  let armed: RunningProcess | undefined;
  try {
    armed = await startApplications(failpoint);
  } catch (e) {
    if (!String(e).includes('exited during start')) throw e;
  }
  if (how === 'kill') deaths.push(`${label}: SIGKILL (serving again after ${Date.now() - down} ms)`);
  if (armed) {
    await waitFor(async () => armed.child.signalCode === 'SIGKILL', {
      timeoutMs: 30_000,
      what: `the failpoint ${failpoint} to fire`,
    });
    await exited(armed);
  }
  const died = Date.now();
  await startApplications();
  deaths.push(`${label}: failpoint ${failpoint} (serving again after ${Date.now() - died} ms)`);
}

// ---------------------------------------------------------------- a client that retries as a real one does

/** Set when the test ends: clients stop retrying. */
let closing = false;
const figures = { acts: 0, transientFailures: 0, storedBeforeAnswer: 0, walkInRetries: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The call's fate is unknown (the process died, or was down): the client tries again. */
const RETRYABLE = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.CANCELLED,
  status.INTERNAL,
  status.UNKNOWN,
]);

async function rpc<Res>(method: keyof applicationsV1.ApplicationsServiceClient, req: unknown, username: string) {
  return world.call<unknown, Res>(method, req, await tokenOf(username), 20_000);
}

/** Calls until an answer comes; failures whose outcome is unknown are retried with the same request. */
async function untilAnswered<Res>(
  method: keyof applicationsV1.ApplicationsServiceClient,
  req: unknown,
  username: string,
  onRetry = () => undefined as void,
): Promise<Res> {
  for (;;) {
    try {
      return await rpc<Res>(method, req, username);
    } catch (e) {
      const code = (e as { code?: number }).code;
      if (code === undefined || !RETRYABLE.has(code) || closing) throw e;
      figures.transientFailures += 1;
      onRetry();
      await sleep(150);
    }
  }
}

const getCase = async (id: string, username: string) =>
  (await untilAnswered<applicationsV1.GetCaseResponse>('getCase', { id }, username)).case!;

interface Act {
  rpc: keyof applicationsV1.ApplicationsServiceClient;
  who: string;
  request: Record<string, unknown>;
  /** The status the act leads to (how a client recognises on a re-read that its first attempt was stored). */
  to: applicationsV1.CaseStatus;
  transition: applicationsV1.Transition;
}

/**
 * One act on a case the caller read: retried with the same expected version while its outcome is unknown; a
 * version conflict means something was stored since the read — the client re-reads, and if the next entry of the
 * history is this act (its first attempt was stored before the process died) takes the case as it is, else tries
 * again on the new version.
 */
async function perform(current: applicationsV1.Case, act: Act): Promise<applicationsV1.Case> {
  let read = current;
  for (;;) {
    try {
      const res = await untilAnswered<{ case?: applicationsV1.Case }>(
        act.rpc,
        { ...act.request, id: read.id, expectedVersion: read.version },
        act.who,
      );
      figures.acts += 1;
      return res.case!;
    } catch (e) {
      const failure = decodeGrpcError(e as never);
      if (failure.code !== status.ABORTED) throw e;
      const now = await getCase(read.id, act.who);
      if (now.history.length > read.history.length && now.history[read.history.length]!.toStatus === act.to) {
        figures.storedBeforeAnswer += 1;
        figures.acts += 1;
        return now;
      }
      read = now;
    }
  }
}

/** A walk-in's whole life; returns its id and the transitions it must show. */
async function lifecycle(n: number): Promise<{ id: string; expected: applicationsV1.Transition[] }> {
  const window = windows[n % windows.length]!;
  const request = {
    idempotencyKey: `crash-${suffix}-${n}`,
    itemId,
    applicantIdCode: applicantIdNumber,
    agentIdNumber: '',
    formData: JSON.stringify({ shopName: `崩溃测试小吃店${n}` }),
    contact: { mobile: '', email: '' },
    windowId: window.id,
  };
  let c = (
    await untilAnswered<applicationsV1.RegisterWalkInResponse>('registerWalkIn', request, window.clerk, () => {
      figures.walkInRetries += 1;
    })
  ).case!;
  figures.acts += 1;
  const expected = [T.TRANSITION_REGISTERED_AT_COUNTER];
  const act = async (a: Act) => {
    c = await perform(c, a);
    expected.push(a.transition);
  };
  if (n % 2 === 0) {
    await act({
      rpc: 'recordCorrection',
      who: window.clerk,
      request: {
        corrections: [{ field: 'shopName', materialId: '', note: '店名已当场更正', recordedBy: '', at: undefined }],
        formData: JSON.stringify({ shopName: `崩溃测试餐饮店${n}` }),
      },
      to: S.CASE_STATUS_PRE_REVIEW,
      transition: T.TRANSITION_CORRECTED_ON_THE_SPOT,
    });
    await act({
      rpc: 'acceptCase',
      who: window.clerk,
      request: { opinion: '材料齐全，予以受理' },
      to: S.CASE_STATUS_PROCESSING,
      transition: T.TRANSITION_ACCEPTED,
    });
  } else {
    await act({
      rpc: 'passPreReview',
      who: window.clerk,
      request: { opinion: '初审通过' },
      to: S.CASE_STATUS_PRE_REVIEW_PASSED,
      transition: T.TRANSITION_PRE_REVIEW_PASSED,
    });
    await act({
      rpc: 'sendToAcceptance',
      who: window.clerk,
      request: {},
      to: S.CASE_STATUS_PROCESSING,
      transition: T.TRANSITION_ACCEPTED,
    });
  }
  // Handling to the archive: the reviewer's step, the approver's decision, the result into the e-licence library
  // (delivered electronically, the item's only way), delivery and archive by the window.
  await act({
    rpc: 'completeStep',
    who: staff.reviewer,
    request: { opinion: '经审查，符合许可条件' },
    to: S.CASE_STATUS_PROCESSING,
    transition: T.TRANSITION_STEP_COMPLETED,
  });
  await act({
    rpc: 'decideCase',
    who: staff.approver,
    request: { outcome: pb.Outcome.OUTCOME_APPROVED, reasons: [], remedies: [] },
    to: S.CASE_STATUS_APPROVED,
    transition: T.TRANSITION_DECIDED,
  });
  await act({
    rpc: 'issueResult',
    who: window.clerk,
    request: { validUntil: '', deliveryMethod: pb.DeliveryMethod.DELIVERY_METHOD_ELECTRONIC, address: '' },
    to: S.CASE_STATUS_COMPLETED,
    transition: T.TRANSITION_RESULT_ISSUED,
  });
  await act({
    rpc: 'deliverResult',
    who: window.clerk,
    request: { method: pb.DeliveryMethod.DELIVERY_METHOD_UNSPECIFIED, pickupCode: '', trackingNumber: '' },
    to: S.CASE_STATUS_DELIVERED,
    transition: T.TRANSITION_DELIVERED,
  });
  await act({
    rpc: 'archiveCase',
    who: window.clerk,
    request: {},
    to: S.CASE_STATUS_ARCHIVED,
    transition: T.TRANSITION_ARCHIVED,
  });
  return { id: c.id, expected };
}

const ACTS_PER_LIFECYCLE = 8;

// ---------------------------------------------------------------- the run

beforeAll(async () => {
  mark = await markStream(CASE_TOPIC);
  await world.start();
  const [supervisionPort, supervisionMetrics] = [await freePort(), await freePort()];
  await startGroupAtTopicEnd(supervisionGroup, ['govhall.catalogue.item', CASE_TOPIC]);
  await startGroupAtTopicEnd(notifierGroup, [...NOTIFIER_TOPICS]);
  await startGroupAtTopicEnd(`${supervisionGroup}-legs`, [
    'govhall.joint-review.review',
    'govhall.joint-review.escalation',
    'govhall.joint-review.delegated-case',
    'govhall.joint-review.external-case',
  ]);
  supervision = await startProcess({
    name: 'supervision-crash-cases',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: supervisionDb,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: supervisionGroup,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(supervisionPort),
      METRICS_PORT: String(supervisionMetrics),
    },
    readyPort: supervisionPort,
  });

  const clerks = [];
  for (let i = 0; i < 3; i++) clerks.push(await world.createStaff('window_clerk', { displayName: '崩溃测试人员' }));
  const [reviewer, approver] = [
    await world.createStaff('reviewer', { displayName: '崩溃测试人员' }),
    await world.createStaff('approver', { displayName: '崩溃测试人员' }),
  ];
  Object.assign(staff, { reviewer: reviewer.username, approver: approver.username });
  for (const [i, clerk] of clerks.entries()) {
    const window = await world.createWindow({
      name: `崩溃测试窗口${i + 1}`,
      aPost: clerk,
      bPost: clerks[(i + 1) % clerks.length]!,
    });
    windows.push({ id: window.id, clerk: clerk.username });
  }
  // Delivered electronically, its only way: the result goes into the e-licence library.
  const item = testItem('崩溃恢复测试许可', {
    materials: [],
    deliveryOptions: [catalogueV1.DeliveryOption.DELIVERY_OPTION_ELECTRONIC],
  });
  itemId = (await world.publishItem(item, reviewer.username)).id;
  applicantIdNumber = (await world.registerPerson('钱崩溃')).idNumber;
  // Every login once, before the clock of the run starts.
  await Promise.all([...windows.map((w) => w.clerk), staff.reviewer, staff.approver].map(tokenOf));
  await startApplications();
}, 240_000);

afterAll(async () => {
  closing = true;
  await supervision?.stop();
  await world.stop([supervisionDb]);
});

it('loses and duplicates no transition when the cases service is killed mid-lifecycle and restarted', async () => {
  const total = LIFECYCLES * ACTS_PER_LIFECYCLE;
  const started = Date.now();
  // A lifecycle that meets a refusal stops the run at once, naming it.
  let refuse: (e: Error) => void = () => undefined;
  const refusal = new Promise<never>((_, reject) => (refuse = reject));
  refusal.catch(() => undefined);
  const runs = Promise.all(
    Array.from({ length: LIFECYCLES }, (_, n) =>
      lifecycle(n).catch((e: unknown) => {
        const f = decodeGrpcError(e as never);
        refuse(new Error(`lifecycle ${n} refused: ${f.code} ${f.reason} ${f.message}`));
        throw e;
      }),
    ),
  );
  runs.catch(() => undefined); // reported through the refusal
  // Deaths at points of progress, with requests in flight each time.
  const at = (share: number) =>
    Promise.race([
      waitFor(async () => figures.acts >= Math.floor(total * share), {
        timeoutMs: 60_000,
        what: `${share} of the acts`,
      }),
      refusal,
    ]);
  await at(0.15);
  await killAndRestart('in flight');
  await at(0.35);
  await killAndRestart('in flight, then after a write', 'cases.after-write');
  await at(0.55);
  await killAndRestart('after a relay send', 'cases.after-relay-send', 'stop');
  await at(0.75);
  await killAndRestart('in flight');
  const finished = await Promise.race([runs, refusal]);
  const expected = new Map(finished.map((f) => [f.id, f.expected]));

  // Every outbox drained, then what was stored against what was published and what supervision recorded.
  const cases = world.collection('cases');
  await waitFor(async () => (await cases.countDocuments({ outboxPending: true })) === 0, {
    timeoutMs: 30_000,
    what: 'every outbox to drain',
  });
  expect(await cases.countDocuments({})).toBe(LIFECYCLES); // one case per idempotency key
  // One licence per case in the library, whatever was retried.
  expect(await world.collection('licences').countDocuments({})).toBe(LIFECYCLES);
  expect((await cases.find({}).toArray()).every((d) => d.status === 'archived')).toBe(true);
  const delivered = (await readStream(mark)).filter((d) => expected.has(d.aggregateId));
  const distinct = new Set(delivered.map((d) => d.eventId));
  const journal = world.mongo.db(supervisionDb).collection('recorded_events');
  await waitFor(
    async () => (await journal.countDocuments({ _id: { $in: [...distinct] as never[] } })) === distinct.size,
    {
      timeoutMs: 30_000,
      what: 'supervision to record every event',
    },
  );
  const recorded = await journal.find({ aggregateId: { $in: [...expected.keys()] } }).toArray();
  const stored = await Promise.all([...expected.keys()].map((id) => getCase(id, windows[0]!.clerk)));
  const report = checkCaseStream({
    cases: stored,
    delivered,
    journal: recorded.map((r) => ({ eventId: String(r._id), aggregateId: String(r.aggregateId) })),
    expected,
  });
  process.stdout.write(
    `crash-restart: ${LIFECYCLES} lifecycles, ${figures.acts} acts in ${Date.now() - started} ms; deaths: ${deaths.join('; ')}; ` +
      `${figures.transientFailures} calls failed with an unknown outcome and were retried (${figures.walkInRetries} walk-ins), ` +
      `${figures.storedBeforeAnswer} acts found stored on a re-read; ${report.transitions} transitions, ${report.events} events, ` +
      `${report.deliveries} deliveries (${report.duplicateDeliveries} redeliveries of ${report.duplicatedEventIds.length} events), ` +
      `${recorded.length} journal entries\n`,
  );
  expect(report.problems).toEqual([]);
  expect(report.events).toBe(report.transitions);
  expect(deaths).toHaveLength(5);
}, 150_000);
