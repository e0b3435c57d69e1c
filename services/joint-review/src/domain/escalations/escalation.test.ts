import { testLegCalendar } from '../reviews/opened-review.test-double';
import type { Escalation } from './escalation';
import {
  completeRoundIfDone,
  decideEscalation,
  fileArrived,
  receiveEscalation,
  claimDecisionTask,
  receiveResupply,
  reportStatus,
  returnEscalation,
  withdrawReceiver,
} from './receiver';
import {
  concludeEscalation,
  forwardEscalation,
  mirrorUpdate,
  openSenderEscalation,
  recordFollowUp,
  resupplyEscalation,
  transferCompleted,
  withdrawSender,
} from './sender';

const t0 = new Date('2026-06-04T02:00:00Z');
const later = (days: number) => new Date(t0.getTime() + days * 86_400_000);
const file = {
  id: 'f1',
  materialId: 'm1',
  materialName: '身份证',
  fileName: 'id.pdf',
  contentType: 'application/pdf',
  size: 3,
  sha256: 'a'.repeat(64),
};

function opened(): Escalation {
  return openSenderEscalation(
    {
      id: 'es-1',
      facts: {
        tenant: '620321',
        targetTenant: '620300',
        caseId: 'case-1',
        caseNumber: '62032120260604000001',
        itemName: '排污许可',
        itemBasicCode: '000111222333',
        department: '620321-STHJ',
        windowId: 'w1',
        promisedDueDate: '2026-07-02',
        statutoryDueDate: '2026-07-10',
      },
      forwardWorkingDays: 2,
      followUpBy: 'clerk',
      at: t0,
    },
    testLegCalendar,
  ).escalation;
}

function forwarded(): Escalation {
  const e = opened();
  return forwardEscalation(e, {
    targetDepartment: '620300-STHJ',
    note: '请审批 13912345678',
    snapshot: e.case,
    files: [file],
    by: 'clerk',
    at: t0,
  }).escalation;
}

function received(): Escalation {
  const s = forwarded();
  const r = receiveEscalation({
    id: 'er-1',
    sourceTenant: '620321',
    targetTenant: '620300',
    targetDepartment: '620300-STHJ',
    sourceEscalationId: s.id,
    case: s.case,
    files: [file],
    note: s.note,
    forwardedByName: '张三',
    at: t0,
  }).escalation;
  const arrived = fileArrived(r, 'f1', t0);
  return completeRoundIfDone(
    arrived,
    { sequence: 1, taskId: 't1', windowLead: 'lead', budgetWorkingDays: 15, at: t0 },
    testLegCalendar,
  ).escalation;
}

describe('the lower center’s record', () => {
  it('opens awaiting forward with a forwarding leg budgeted by the tenant’s setting', () => {
    const e = opened();
    expect(e.state).toBe('awaiting_forward');
    expect(e.legs).toMatchObject([
      {
        id: 'es-1:escalation_forward:1',
        kind: 'escalation_forward',
        budgetWorkingDays: 2,
        windowId: 'w1',
        counterpartTenant: '620300',
        state: 'running',
      },
    ]);
  });

  it('forwards once, with the note masked of phone numbers; forwarding again is a wrong state', () => {
    const e = forwarded();
    expect(e).toMatchObject({
      state: 'transferring',
      targetDepartment: '620300-STHJ',
      files: [{ id: 'f1', round: 1, transferred: false }],
    });
    expect(e.note).not.toContain('13912345678');
    expect(() =>
      forwardEscalation(e, { targetDepartment: '', note: '', snapshot: e.case, files: [], by: 'clerk', at: t0 }),
    ).toThrow(expect.objectContaining({ code: 'WRONG_STATE' }));
  });

  it('finishes the forwarding leg once the parent holds the round', () => {
    const { escalation, events } = transferCompleted(forwarded(), 'er-1', later(1));
    expect(escalation).toMatchObject({ state: 'in_handling', counterpartId: 'er-1', files: [{ transferred: true }] });
    expect(events.map((e) => e.type)).toEqual(['EscalationReceived', 'LegFinished']);
    expect(escalation.legs[0]).toMatchObject({ state: 'finished', end: 'completed' });
  });

  it('mirrors each update once: a return starts the next forwarding leg, a decision ends the parent’s part', () => {
    const s = transferCompleted(forwarded(), 'er-1', t0).escalation;
    const update = {
      sequence: 2,
      kind: 'returned' as const,
      text: '',
      reasons: ['缺少材料'],
      procedure: '',
      plannedWorkingDays: 0,
      attachments: [],
      by: 'lead',
      at: later(2),
    };
    const returned = mirrorUpdate(
      s,
      { counterpartId: 'er-1', state: 'returned', update },
      2,
      later(2),
      testLegCalendar,
    );
    expect(returned.escalation.state).toBe('returned');
    expect(returned.escalation.legs.map((l) => [l.id, l.state])).toEqual([
      ['es-1:escalation_forward:1', 'finished'],
      ['es-1:escalation_forward:2', 'running'],
    ]);
    const again = mirrorUpdate(
      returned.escalation,
      { counterpartId: 'er-1', state: 'returned', update },
      2,
      later(3),
      testLegCalendar,
    );
    expect(again.events).toEqual([]);
    expect(again.escalation.updates).toHaveLength(1);

    const resupplied = resupplyEscalation(returned.escalation, {
      note: '已补充',
      files: [file],
      by: 'clerk',
      at: later(3),
    }).escalation;
    expect(resupplied).toMatchObject({ state: 'transferring', round: 2 });
    expect(resupplied.files.map((f) => [f.id, f.round])).toEqual([
      ['f1', 1],
      ['f1', 2],
    ]);
  });

  it('concludes after the decision; a follow-up needs text; the case ending cancels the forwarding leg', () => {
    const s = transferCompleted(forwarded(), 'er-1', t0).escalation;
    const decision = {
      outcome: 'approved' as const,
      reasons: [],
      remedies: [],
      documentNumber: 'N1',
      attachments: [],
      decidedBy: 'approver',
      handlerName: '',
      decidedAt: later(4),
      source: 'workbench' as const,
    };
    const decided = mirrorUpdate(
      s,
      {
        counterpartId: 'er-1',
        state: 'decided',
        update: {
          sequence: 3,
          kind: 'decided',
          text: '',
          reasons: [],
          procedure: '',
          plannedWorkingDays: 0,
          attachments: [],
          decision,
          by: 'approver',
          at: later(4),
        },
      },
      2,
      later(4),
      testLegCalendar,
    ).escalation;
    expect(decided).toMatchObject({ state: 'decided', decision: { documentNumber: 'N1' } });
    expect(concludeEscalation(decided, later(5)).escalation.state).toBe('concluded');
    // The shared safe-text rule: a bidirectional override is refused, a decomposed character is stored composed.
    expect(() => recordFollowUp(decided, { text: '已联系\u202e市局', contact: '', by: 'clerk' }, later(5))).toThrow(
      expect.objectContaining({ violations: [expect.objectContaining({ path: 'text', reason: 'BIDI_CONTROL' })] }),
    );
    expect(
      recordFollowUp(decided, { text: ' Cafe\u0301 已联系 ', contact: '', by: 'clerk' }, later(5)).escalation
        .followUps[0]!.text,
    ).toBe('Café 已联系');
    expect(() => recordFollowUp(decided, { text: '  ', contact: '', by: 'clerk' }, later(5))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );

    const ended = withdrawSender(opened(), '申请人已撤回申请', later(1));
    expect(ended.escalation).toMatchObject({ state: 'withdrawn', legs: [{ state: 'finished', end: 'cancelled' }] });
  });
});

describe('the parent’s record', () => {
  it('starts handling with the decision task at the window lead once every file arrived', () => {
    const r = received();
    expect(r).toMatchObject({
      state: 'in_handling',
      lastSequence: 1,
      task: { kind: 'escalation_decision', assignee: 'lead', state: 'open' },
    });
    expect(r.legs).toMatchObject([
      { id: 'er-1:escalation_handling:1', budgetWorkingDays: 15, counterpartTenant: '620321', taskId: 't1' },
    ]);
    expect(r.updates.map((u) => u.kind)).toEqual(['received']);
  });

  it('waits for the sender on a return and resumes on the supplement, the due date moved by the working days waited', () => {
    const r = received();
    const due = r.legs[0]!.dueDate;
    const returned = returnEscalation(r, { reasons: ['缺少营业执照'], sequence: 2, by: 'lead', at: t0 }).escalation;
    expect(returned.legs[0]).toMatchObject({ state: 'paused', pauses: [{ reason: 'waiting_for_sender' }] });
    expect(() =>
      receiveResupply(returned, { round: 3, note: '', files: [], forwardedByName: '', at: later(1) }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    // 2026-06-04 (Thu) to 06-08 (Mon): two working days waited.
    const round2 = receiveResupply(returned, {
      round: 2,
      note: '已补充',
      files: [file],
      forwardedByName: '张三',
      at: later(4),
    }).escalation;
    const arrived = fileArrived(round2, 'f1', later(4));
    const resumed = completeRoundIfDone(
      arrived,
      { sequence: 3, taskId: 'unused', windowLead: '', budgetWorkingDays: 0, at: later(4) },
      testLegCalendar,
    ).escalation;
    expect(resumed.state).toBe('in_handling');
    expect(resumed.legs[0]!.pauses[0]!.pausedWorkingDays).toBe(2);
    expect(resumed.legs[0]!.dueDate > due).toBe(true);
    expect(resumed.task!.id).toBe('t1');
  });

  it('pauses for a §45 procedure only with a known procedure and a planned length', () => {
    const r = received();
    expect(() =>
      reportStatus(
        r,
        {
          kind: 'special_procedure_started',
          text: '组织听证',
          procedure: '开会',
          plannedWorkingDays: 0,
          sequence: 2,
          by: 'lead',
          at: t0,
        },
        testLegCalendar,
      ),
    ).toThrow(
      expect.objectContaining({
        violations: expect.arrayContaining([
          expect.objectContaining({ path: 'procedure' }),
          expect.objectContaining({ path: 'plannedWorkingDays' }),
        ]),
      }),
    );
    const started = reportStatus(
      r,
      {
        kind: 'special_procedure_started',
        text: '组织听证',
        procedure: '听证',
        plannedWorkingDays: 10,
        sequence: 2,
        by: 'lead',
        at: t0,
      },
      testLegCalendar,
    ).escalation;
    expect(started.legs[0]).toMatchObject({
      state: 'paused',
      pauses: [{ reason: 'special_procedure', procedure: '听证' }],
    });
    expect(() =>
      reportStatus(
        started,
        {
          kind: 'special_procedure_started',
          text: '再次听证',
          procedure: '听证',
          plannedWorkingDays: 5,
          sequence: 3,
          by: 'lead',
          at: t0,
        },
        testLegCalendar,
      ),
    ).toThrow(expect.objectContaining({ code: 'WRONG_STATE' }));
  });

  it('decides: a denial needs reasons and gets the default remedies; the task is done and the leg finished', () => {
    const r = received();
    expect(() =>
      decideEscalation(r, {
        outcome: 'denied',
        reasons: [],
        remedies: [],
        documentNumber: '',
        handlerName: '',
        source: 'workbench',
        sequence: 2,
        by: 'approver',
        at: t0,
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const { escalation, events } = decideEscalation(r, {
      outcome: 'denied',
      reasons: ['不符合规划'],
      remedies: [],
      documentNumber: '',
      handlerName: '',
      source: 'workbench',
      sequence: 2,
      by: 'approver',
      at: t0,
    });
    expect(escalation).toMatchObject({
      state: 'decided',
      task: { state: 'done' },
      legs: [{ state: 'finished', end: 'completed' }],
    });
    expect(escalation.decision!.remedies.join('')).toContain('行政复议');
    expect(events.map((e) => e.type)).toEqual(['EscalationDecided', 'TaskCompleted', 'LegFinished']);
  });

  it('lets a department system claim the decision task: the task and the handling leg become its own, once', () => {
    const r = received();
    const { escalation, events } = claimDecisionTask(r, 'service:sthj-system', t0, ' 李审批 0012 ');
    expect(escalation.task).toMatchObject({
      state: 'claimed',
      assignee: 'service:sthj-system',
      assignmentBasis: 'claimed',
      claimHandlerName: '李审批 0012',
      version: r.task!.version + 1,
    });
    expect(escalation.legs[0]!.responsible).toBe('service:sthj-system');
    expect(events.map((e) => e.type)).toEqual(['TaskClaimed']);
    // Its own claim again changes nothing; another's is TASK_CLAIMED; after the decision a wrong state.
    expect(claimDecisionTask(escalation, 'service:sthj-system', t0, '李审批').events).toEqual([]);
    expect(() => claimDecisionTask(escalation, 'service:other', t0, '王')).toThrow(
      expect.objectContaining({ code: 'TASK_CLAIMED' }),
    );
    const decided = decideEscalation(escalation, {
      outcome: 'approved',
      reasons: [],
      remedies: [],
      documentNumber: '',
      handlerName: '李审批 0012',
      source: 'department_system',
      sequence: 2,
      by: 'service:sthj-system',
      at: t0,
    }).escalation;
    expect(decided.decision).toMatchObject({ source: 'department_system', handlerName: '李审批 0012' });
    expect(() => claimDecisionTask(decided, 'service:sthj-system', t0, '李审批')).toThrow(
      expect.objectContaining({ code: 'WRONG_STATE' }),
    );
  });

  it('withdraws once: the leg and the task are cancelled; after a decision it is a wrong state', () => {
    const r = received();
    const w = withdrawReceiver(r, '申请人已撤回申请', t0);
    expect(w.escalation).toMatchObject({
      state: 'withdrawn',
      task: { state: 'cancelled' },
      legs: [{ end: 'cancelled' }],
    });
    expect(withdrawReceiver(w.escalation, '申请人已撤回申请', t0).events).toEqual([]);
    const decided = decideEscalation(r, {
      outcome: 'approved',
      reasons: [],
      remedies: [],
      documentNumber: '',
      handlerName: '',
      source: 'workbench',
      sequence: 2,
      by: 'approver',
      at: t0,
    }).escalation;
    expect(() => withdrawReceiver(decided, '撤回', t0)).toThrow(expect.objectContaining({ code: 'WRONG_STATE' }));
  });
});
