import { createWorkingCalendar } from '@govhall/calendar';
import { decodeEnvelope } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import {
  cancelDelegatedCase,
  claimDelegatedTask,
  openDelegatedCase,
  recordDelegatedDecision,
  recordDelegatedReply,
  transferDelegatedCase,
} from '../../domain/delegation/delegated-case';
import { legCalendar } from '../../usecases/reviews/leg-calendar';
import { DELEGATED_CASE_TOPIC, toDelegatedCaseOutbox } from './delegated-case-events';

const pb = jointReviewV1;
const calendar = legCalendar(createWorkingCalendar());
const t0 = new Date('2026-06-04T02:00:00Z');
const later = (days: number) => new Date(t0.getTime() + days * 86_400_000);

function life() {
  const opened = openDelegatedCase(
    {
      id: 'dc-1',
      subject: {
        tenant: '620300',
        caseId: 'case-1',
        caseNumber: 'C-1',
        itemName: '林木采伐许可',
        itemBasicCode: '000123456001',
        casePromisedDueDate: '2026-06-30',
      },
      department: '620300-LYJ',
      agreementId: 'a-1',
      windowId: 'w-zh',
      windowResponsible: 'zh.clerk',
      transferWorkingDays: 2,
      replyWorkingDays: 1,
      at: t0,
    },
    calendar,
  );
  const transferred = transferDelegatedCase(
    opened.delegatedCase,
    {
      preReviewOpinion: '初审通过',
      taskId: 't-1',
      windowLead: 'lyj.lead',
      departmentWorkingDays: 10,
      by: 'zh.clerk',
      at: later(1),
    },
    calendar,
  );
  const claimed = claimDelegatedTask(transferred.delegatedCase, 'service-account-lyj', later(2), '林业经办人');
  const decided = recordDelegatedDecision(
    claimed.delegatedCase,
    {
      outcome: 'approved',
      reasons: [],
      remedies: [],
      documentNumber: '',
      attachments: [],
      decidedBy: 'lyj.head',
      handlerName: '',
      decidedAt: later(4),
      source: 'case_stream',
    },
    'zh.clerk',
    calendar,
  )!;
  const replied = recordDelegatedReply(decided.delegatedCase, later(5))!;
  const cancelled = cancelDelegatedCase(transferred.delegatedCase, '申请人已撤回申请', later(2))!;
  return [opened, transferred, claimed, decided, replied, cancelled];
}

describe('delegated case events', () => {
  it('publishes each on the delegated-case topic, keyed by the delegated case, with its proto payload', () => {
    const changes = life();
    const names: string[] = [];
    for (const change of changes) {
      const messages = toDelegatedCaseOutbox(change.events, change.delegatedCase, undefined);
      change.events.forEach((e, i) => {
        const message = messages[i]!;
        expect(message).toMatchObject({ topic: DELEGATED_CASE_TOPIC, key: 'dc-1' });
        const envelope = decodeEnvelope(message.value);
        expect(envelope).toMatchObject({
          type: `govhall.joint_review.v1.${e.type}`,
          tenant: '620300',
          aggregateId: 'dc-1',
          actor: { username: 'joint-review' },
        });
        names.push(e.type);
        if (e.type === 'LegStarted' || e.type === 'LegFinished') {
          const { leg } = pb[e.type].decode(envelope.payload);
          expect(leg).toMatchObject({ id: e.leg.id, aggregateId: 'dc-1', caseId: 'case-1', kind: expect.any(Number) });
        }
      });
    }
    expect(names).toEqual([
      'DelegatedCaseOpened',
      'LegStarted',
      'DelegatedCaseTransferred',
      'LegFinished',
      'TaskOpened',
      'LegStarted',
      'TaskClaimed',
      'DelegatedCaseDecided',
      'TaskCompleted',
      'LegFinished',
      'LegStarted',
      'DelegatedCaseReplied',
      'LegFinished',
      'DelegatedCaseCancelled',
      'TaskCancelled',
      'LegFinished',
    ]);
    const decided = changes[3]!;
    const message = toDelegatedCaseOutbox(decided.events.slice(0, 1), decided.delegatedCase, undefined)[0]!;
    const payload = pb.DelegatedCaseDecided.decode(decodeEnvelope(message.value).payload);
    expect(payload.delegatedCase).toMatchObject({
      state: pb.DelegatedCaseState.DELEGATED_CASE_STATE_REPLYING,
      decision: {
        outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
        source: pb.WorkSource.WORK_SOURCE_CASE_STREAM,
      },
      task: { kind: pb.TaskKind.TASK_KIND_DELEGATED_DECISION, state: pb.TaskState.TASK_STATE_DONE },
    });
    expect(payload.delegatedCase!.legs.map((l) => l.kind)).toEqual([
      pb.LegKind.LEG_KIND_DELEGATED_TRANSFER,
      pb.LegKind.LEG_KIND_DELEGATED_DEPARTMENT,
      pb.LegKind.LEG_KIND_DELEGATED_REPLY,
    ]);
  });
});
