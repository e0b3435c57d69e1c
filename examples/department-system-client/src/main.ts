import { jointReviewV1 } from '@govhall/proto';
import { handleTasks, type SystemOptions } from './loop';

/**
 * The sample department system from the command line: one round against the local stack. Without OPINION_TEXT it
 * claims and lists its tasks; with it, it agrees to each with that text.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required (see examples/department-system-client/README.md)\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const options: SystemOptions = {
    address: process.env.JOINT_REVIEW_GRPC_ADDR ?? '127.0.0.1:50054',
    keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8080',
    realm: process.env.KEYCLOAK_REALM ?? 'govhall',
    clientId: required('CLIENT_ID'),
    clientSecret: required('CLIENT_SECRET'),
    handlerName: required('HANDLER_NAME'),
  };
  const text = process.env.OPINION_TEXT ?? '';
  const handled = await handleTasks(options, () =>
    text ? { kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE, text } : null,
  );
  for (const h of handled) {
    const state = jointReviewV1.TaskState[h.task.state];
    const given = h.answered ? ' (opinion given)' : '';
    process.stdout.write(`${h.caseNumber} ${h.task.itemName} task ${h.taskId}: ${state}${given}\n`);
    if (h.file) {
      process.stdout.write(`  ${h.file.fileName} (${h.file.size} bytes, SHA-256 ${h.file.sha256} as in the dossier)\n`);
    }
  }
  if (handled.length === 0) process.stdout.write('no open tasks\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
