import { createHash } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import { grpcFailure, stack, waitFor } from '@govhall/testing';
import { handleTasks } from '../../../examples/department-system-client/src/loop';
import { EXTERNAL_CASE_TOPIC, ID_CARD_PDF, RSJ, TENANT, ZRZY } from './joint-world';
import { world } from './shared-joint-world';

// A department's own approval system (J15) against the real stack: co-department B (自然资源局) takes its task of a
// joint case over DepartmentSystemService with its own service account, made by identity — the sample client
// (examples/department-system-client) pulls, claims, downloads a file of the dossier and answers it — while A's system, another tenant's system, a
// person's token and the center account are refused, and bad input changes nothing.

const pb = jointReviewV1;

type Task = jointReviewV1.Task;

const pullRequest = (over: Partial<jointReviewV1.PullTasksRequest> = {}): jointReviewV1.PullTasksRequest => ({
  tenant: '',
  department: '',
  states: [],
  kinds: [],
  includeDossier: false,
  page: { pageSize: 0, pageToken: '' },
  ...over,
});

function pull(token: string, over: Partial<jointReviewV1.PullTasksRequest> = {}) {
  return world.systemCall<jointReviewV1.PullTasksRequest, jointReviewV1.PullTasksResponse>(
    'pullTasks',
    pullRequest(over),
    token,
  );
}

function claim(task: Task, token: string, handlerName: string) {
  return world.systemCall<
    jointReviewV1.DepartmentSystemServiceClaimTaskRequest,
    jointReviewV1.DepartmentSystemServiceClaimTaskResponse
  >('claimTask', { taskId: task.id, expectedVersion: task.version, handlerName }, token);
}

function answer(task: Task, token: string, o: Partial<jointReviewV1.DepartmentSystemServiceSubmitOpinionRequest>) {
  return world.systemCall<
    jointReviewV1.DepartmentSystemServiceSubmitOpinionRequest,
    jointReviewV1.DepartmentSystemServiceSubmitOpinionResponse
  >(
    'submitOpinion',
    {
      taskId: task.id,
      expectedVersion: task.version,
      kind: pb.OpinionKind.OPINION_KIND_AGREE,
      text: '经审查，符合用地要求',
      reasons: [],
      conditions: [],
      attachmentIds: [],
      handlerName: '王五 ZR012',
      requestId: '',
      ...o,
    },
    token,
  );
}

async function storedTask(caseId: string, department: string): Promise<Task> {
  return (await world.reviewOfCase(caseId)).tasks.find((t) => t.department === department)!;
}

describe('a department system over DepartmentSystemService against the real stack', () => {
  it('pulls, claims and answers its own task; others are refused; bad input changes nothing', async () => {
    const accepted = await world.acceptedJointCase('部门系统联办测试宾馆');
    const review = await world.openedReview(accepted.id);
    const taskB = review.tasks.find((t) => t.department === ZRZY)!;
    const systemB = await world.serviceToken('systemB');

    // 1. B's system sees its open task, with the dossier the review holds; A's system does not see it.
    const pulled = await pull(systemB, { includeDossier: true });
    expect(pulled.tasks.map((p) => p.task!.id)).toEqual([taskB.id]);
    const dossier = pulled.tasks[0]!.dossier!;
    expect(dossier).toMatchObject({ caseId: accepted.id, caseNumber: accepted.caseNumber });
    expect(dossier.results.map((t) => t.department).sort()).toEqual([RSJ, ZRZY].sort());
    const systemA = await world.serviceToken('systemA');
    expect((await pull(systemA)).tasks.map((p) => p.task!.id)).not.toContain(taskB.id);

    // 2. Refusals: another department's system, another tenant, a person, the center account.
    const otherDepartment = await grpcFailure(claim(taskB, systemA, '赵六'));
    expect([otherDepartment.code, otherDepartment.reason]).toEqual([status.NOT_FOUND, 'TASK_NOT_FOUND']);
    const otherTenant = await grpcFailure(pull(await world.serviceToken('otherTenant'), { tenant: TENANT }));
    expect([otherTenant.code, otherTenant.reason]).toEqual([status.PERMISSION_DENIED, 'TENANT_OUT_OF_SCOPE']);
    const otherNamed = await grpcFailure(pull(systemB, { department: RSJ }));
    expect([otherNamed.code, otherNamed.reason]).toEqual([status.PERMISSION_DENIED, 'DEPARTMENT_OUT_OF_SCOPE']);
    for (const token of [await world.token('leadB'), await world.serviceToken('jointReview')]) {
      const person = await grpcFailure(pull(token));
      expect([person.code, person.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    }
    expect(await storedTask(accepted.id, ZRZY)).toEqual(taskB);

    // 3. Bad input: no handler on the claim; a disagreement without reasons nor handler. Nothing changes.
    const noHandler = await grpcFailure(claim(taskB, systemB, ''));
    expect(noHandler.code).toBe(status.INVALID_ARGUMENT);
    expect(noHandler.violations.map((v) => `${v.path} ${v.reason}`)).toEqual(['handlerName REQUIRED']);
    const claimed = (await claim(taskB, systemB, '王五 ZR012')).task!;
    expect(claimed).toMatchObject({
      state: pb.TaskState.TASK_STATE_CLAIMED,
      assignee: `service:${world.accounts.systemB.clientId}`,
    });
    const bad = await grpcFailure(
      answer(claimed, systemB, { kind: pb.OpinionKind.OPINION_KIND_DISAGREE, handlerName: '' }),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations.map((v) => `${v.path} ${v.reason}`).sort()).toEqual([
      'handlerName REQUIRED',
      'reasons REQUIRED',
    ]);
    expect(await storedTask(accepted.id, ZRZY)).toEqual(claimed);

    // 4. The sample department system does the rest: it pulls the task it holds, downloads the dossier's ID card with
    // GetTaskFile (checked against the dossier's SHA-256), and posts its opinion.
    const account = world.accounts.systemB;
    const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const idCard = dossier.materials.flatMap((m) => m.files)[0]!;
    expect([idCard.fileName, idCard.sha256]).toEqual(['身份证.pdf', sha256(ID_CARD_PDF)]);
    const seen: Buffer[] = [];
    const handled = await handleTasks(
      {
        address: world.jointReviewAddress(),
        keycloakUrl: stack.keycloakUrl,
        realm: stack.realm,
        clientId: account.clientId,
        clientSecret: account.secret,
        handlerName: '王五 ZR012',
      },
      (p, file) => {
        if (file) seen.push(file.content);
        return { kind: pb.OpinionKind.OPINION_KIND_AGREE, text: `经审查，${p.dossier!.itemName}符合用地要求` };
      },
    );
    expect(handled.map((h) => [h.taskId, h.answered])).toEqual([[taskB.id, true]]);
    expect(handled[0]!.file).toEqual({
      fileId: idCard.id,
      fileName: '身份证.pdf',
      contentType: 'application/pdf',
      size: ID_CARD_PDF.length,
      sha256: sha256(ID_CARD_PDF),
    });
    expect(seen).toEqual([ID_CARD_PDF]);
    const done = await storedTask(accepted.id, ZRZY);
    expect(done.state).toBe(pb.TaskState.TASK_STATE_DONE);
    expect(done.opinion).toMatchObject({
      source: pb.WorkSource.WORK_SOURCE_DEPARTMENT_SYSTEM,
      givenBy: `service:${account.clientId}`,
      handlerName: '王五 ZR012',
      text: `经审查，${review.itemName}符合用地要求`,
    });

    // 5. A retry of the post with the sample's request id is answered with the first result, nothing new.
    const retried = await answer({ ...claimed }, systemB, { requestId: `${claimed.id}:${claimed.version}` });
    expect(retried.task).toEqual(handled[0]!.task);
    expect(await storedTask(accepted.id, ZRZY)).toEqual(done);
    const events = await world.reviewEvents(review.id, 'TaskCompleted');
    expect(events.filter((e) => e.name === 'TaskCompleted')).toHaveLength(1);
  });

  it('streams each department its own task changes: live, resumed from a cursor, with heartbeats; refusals', async () => {
    const [systemA, systemB] = [await world.serviceToken('systemA'), await world.serviceToken('systemB')];
    const watchAll = { tenant: '', department: '', afterSequence: 0, kinds: [] };
    // Each stream starts where PullTasks says the department stands (B's changes of the first test are behind it).
    const fromB = Number((await pull(systemB)).lastSequence);
    const fromA = Number((await pull(systemA)).lastSequence);
    expect(fromB).toBeGreaterThan(0);
    const watchB = world.watch({ ...watchAll, afterSequence: fromB }, systemB);
    const watchA = world.watch({ ...watchAll, afterSequence: fromA }, systemA);

    const accepted = await world.acceptedJointCase('部门系统监听测试宾馆');
    const review = await world.openedReview(accepted.id);
    const taskB = review.tasks.find((t) => t.department === ZRZY)!;
    const taskA = review.tasks.find((t) => t.department === RSJ)!;
    const claimed = (await claim(taskB, systemB, '王五 ZR012')).task!;
    await answer(claimed, systemB, {});
    // The barrier: a later case's tasks, opened after B's answer, reach each stream after everything before them.
    const marker = await world.openedReview((await world.acceptedJointCase('部门系统监听标记宾馆')).id);
    const markerOf = (department: string) => marker.tasks.find((t) => t.department === department)!.id;
    await watchB.until((r) => r.task?.id === markerOf(ZRZY), 'the marker case on B’s stream');
    await watchA.until((r) => r.task?.id === markerOf(RSJ), 'the marker case on A’s stream');
    watchA.close();
    watchB.close();

    const changes = (received: jointReviewV1.WatchTasksResponse[], taskId: string) =>
      received.filter((r) => r.task?.id === taskId).map((r) => pb.TaskChange[r.change]);
    expect(changes(watchB.received, taskB.id)).toEqual([
      'TASK_CHANGE_OPENED',
      'TASK_CHANGE_CLAIMED',
      'TASK_CHANGE_DONE',
    ]);
    expect(changes(watchA.received, taskA.id)).toEqual(['TASK_CHANGE_OPENED']);
    const changesB = watchB.received.filter((r) => !r.heartbeat);
    expect(new Set(changesB.map((r) => r.task!.department))).toEqual(new Set([ZRZY]));
    expect(new Set(watchA.received.filter((r) => !r.heartbeat).map((r) => r.task!.department))).toEqual(new Set([RSJ]));
    const sequences = changesB.map((r) => Number(r.sequence));
    expect(sequences[0]).toBeGreaterThan(fromB);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);

    // A dropped stream resumes from the last sequence it received: after B's claim comes its answer, then quiet.
    const claimedAt = changesB.find((r) => r.task!.id === taskB.id && r.change === pb.TaskChange.TASK_CHANGE_CLAIMED)!;
    const resumed = world.watch({ ...watchAll, afterSequence: Number(claimedAt.sequence) }, systemB);
    const first = await resumed.until((r) => !r.heartbeat, 'the first change after the cursor');
    expect([first.task!.id, first.change]).toEqual([taskB.id, pb.TaskChange.TASK_CHANGE_DONE]);
    const heartbeat = await resumed.until((r) => r.heartbeat, 'a heartbeat once the stream is quiet');
    expect(heartbeat).toMatchObject({ sequence: sequences.at(-1), change: pb.TaskChange.TASK_CHANGE_UNSPECIFIED });
    expect(heartbeat.task).toBeUndefined();
    resumed.close();

    // Refusals end the stream with the status: a cursor the stream never had, another tenant, a person.
    const refusals: [jointReviewV1.WatchTasksRequest, string, status, string][] = [
      [{ ...watchAll, afterSequence: 999_999 }, systemB, status.FAILED_PRECONDITION, 'CURSOR_EXPIRED'],
      [
        { ...watchAll, tenant: TENANT },
        await world.serviceToken('otherTenant'),
        status.PERMISSION_DENIED,
        'TENANT_OUT_OF_SCOPE',
      ],
      [watchAll, await world.token('leadB'), status.PERMISSION_DENIED, 'ROLE_REQUIRED'],
    ];
    for (const [request, token, code, reason] of refusals) {
      const refused = await grpcFailure(world.watch(request, token).ended);
      expect([refused.code, refused.reason]).toEqual([code, reason]);
    }
  });

  it('takes the events of a case run in the department’s own system once each, publishes them, refuses others', async () => {
    const systemB = await world.serviceToken('systemB');
    const caseNumber = `ZR-${world.cases.suffix}`;
    const occurredAt = new Date(Date.now() - 3_600_000);
    const event = (over: Partial<jointReviewV1.ExternalCaseEvent>): jointReviewV1.ExternalCaseEvent => ({
      eventId: `${caseNumber}-1`,
      formatVersion: '1',
      tenant: TENANT,
      department: ZRZY,
      caseNumber,
      itemImplementationCode: '',
      itemBasicCode: '000111222333',
      itemName: '建设用地规划许可',
      kind: pb.ExternalEventKind.EXTERNAL_EVENT_KIND_RECEIVED,
      occurredAt,
      handlerName: '王五',
      handlerId: 'ZR012',
      applicantName: '李建国',
      channel: pb.ExternalChannel.EXTERNAL_CHANNEL_COUNTER,
      promisedLimitWorkingDays: 10,
      statutoryLimitWorkingDays: 20,
      step: undefined,
      procedure: '',
      plannedWorkingDays: 0,
      extensionWorkingDays: 0,
      outcome: pb.ExternalOutcome.EXTERNAL_OUTCOME_UNSPECIFIED,
      reasons: [],
      licenceNumber: '',
      feeFen: 0,
      note: '',
      ...over,
    });
    const stepStarted = event({
      eventId: `${caseNumber}-2`,
      kind: pb.ExternalEventKind.EXTERNAL_EVENT_KIND_STEP_STARTED,
      applicantName: '',
      step: { index: 1, name: '审查', budgetWorkingDays: 5, opinion: '' },
    });
    const deniedWithoutReasons = event({
      eventId: `${caseNumber}-3`,
      kind: pb.ExternalEventKind.EXTERNAL_EVENT_KIND_DECIDED,
      outcome: pb.ExternalOutcome.EXTERNAL_OUTCOME_DENIED,
    });
    const reportEvents = (events: jointReviewV1.ExternalCaseEvent[], token = systemB) =>
      world.systemCall<jointReviewV1.ReportExternalCaseEventsRequest, jointReviewV1.ReportExternalCaseEventsResponse>(
        'reportExternalCaseEvents',
        { tenant: '', department: '', events },
        token,
      );

    // A report naming another department anywhere is refused whole: its valid first event is not taken either.
    const foreign = await grpcFailure(reportEvents([event({}), event({ eventId: 'x-1', department: RSJ })]));
    expect([foreign.code, foreign.reason]).toEqual([status.PERMISSION_DENIED, 'DEPARTMENT_OUT_OF_SCOPE']);
    const person = await grpcFailure(reportEvents([event({})], await world.token('leadB')));
    expect([person.code, person.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);

    const first = await reportEvents([event({}), stepStarted, deniedWithoutReasons]);
    expect(first).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        expect.objectContaining({ index: 2, eventId: `${caseNumber}-3`, field: 'reasons', reason: 'REQUIRED' }),
      ],
    });
    const again = await reportEvents([event({}), stepStarted]);
    expect([again.accepted, again.duplicates, again.rejected]).toEqual([0, 2, []]);

    // Published for supervision on the external-case topic, keyed by the case, the applicant's name masked.
    const key = `${TENANT}:${ZRZY}:${caseNumber}`;
    const published = await waitFor(
      async () => {
        const read = world.events.of(EXTERNAL_CASE_TOPIC, key, 'govhall.joint_review.v1.ExternalCaseEventReported');
        return read.length >= 2 && read;
      },
      { timeoutMs: 30_000, what: `the reported events of ${key}` },
    );
    const payloads = published.map((e) => pb.ExternalCaseEventReported.decode(e.envelope.payload));
    expect(payloads.map((p) => p.event!.eventId)).toEqual([`${caseNumber}-1`, `${caseNumber}-2`]);
    expect(payloads[0]).toMatchObject({
      externalCaseId: key,
      reportedBy: `service:${world.accounts.systemB.clientId}`,
      event: { applicantName: '李**', kind: pb.ExternalEventKind.EXTERNAL_EVENT_KIND_RECEIVED, occurredAt },
    });
  });
});
