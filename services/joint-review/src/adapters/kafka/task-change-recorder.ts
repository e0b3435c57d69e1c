import { decodeEnvelope, type MessageFns, type OutboxMessage } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import type { TaskChangeKind } from '../../domain/tasks/task-change';
import { fromProtoTask } from '../grpc/joint-review.mapper';
import type { RecordedChange } from '../mongo/task-changes.repository';

const pb = jointReviewV1;

type TaskEvent = { task?: jointReviewV1.Task | undefined };

/** The task events (events.proto) and the change each tells a department's stream. */
const CHANGES = new Map<string, [TaskChangeKind, MessageFns<TaskEvent>]>([
  ['govhall.joint_review.v1.TaskOpened', ['opened', pb.TaskOpened]],
  ['govhall.joint_review.v1.TaskAssigned', ['assigned', pb.TaskAssigned]],
  ['govhall.joint_review.v1.TaskClaimed', ['claimed', pb.TaskClaimed]],
  ['govhall.joint_review.v1.TaskCompleted', ['done', pb.TaskCompleted]],
  ['govhall.joint_review.v1.TaskCancelled', ['cancelled', pb.TaskCancelled]],
  ['govhall.joint_review.v1.TaskReopened', ['reopened', pb.TaskReopened]],
]);

/** The task changes an outbox batch carries, in its order (other events carry none). */
export function taskChangesOf(messages: readonly OutboxMessage[]): RecordedChange[] {
  return messages.flatMap((m) => {
    const envelope = decodeEnvelope(m.value);
    const entry = CHANGES.get(envelope.type);
    if (!entry) return [];
    const { task } = entry[1].decode(envelope.payload);
    if (!task) return [];
    return [
      { eventId: envelope.id, change: entry[0], task: fromProtoTask(task), at: envelope.occurredAt ?? m.createdAt },
    ];
  });
}

/**
 * The outbox relay's `beforeSend`: records each batch's task changes in the departments' change streams before the
 * events go to Kafka (the review write that queued them is stored by then; a resent batch is skipped by event id).
 */
export function taskChangeRecorder(log: { append(changes: RecordedChange[]): Promise<void> }) {
  return async (messages: OutboxMessage[]): Promise<void> => {
    const changes = taskChangesOf(messages);
    if (changes.length > 0) await log.append(changes);
  };
}
