/**
 * Operators' tool for a dead-letter topic (docs/adr/0016-consumer-retries-and-dead-letters.md):
 *
 *   node packages/kafka/dist/dead-letters-cli.js list   <dead-letter topic>
 *   node packages/kafka/dist/dead-letters-cli.js replay <dead-letter topic> <offset> [<offset> …]
 *
 * `list` prints one JSON line per dead letter (its offset, key and `dlq-` headers; never the value). `replay`
 * publishes the chosen dead letters again to the topic they came from, with their original key, value and headers;
 * every consumer group of that topic sees them again, and those that handled the event already skip it (inbox).
 * Brokers come from KAFKA_BROKERS (default 127.0.0.1:9092).
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type KafkaMessage } from 'kafkajs';
import { replayOf } from './dead-letter';

/** The dead letters on the topic now, read with a throwaway group (nothing is committed for anyone else). */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  const groupId = `govhall-dead-letters-${randomUUID()}`;
  const pending = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high) - 1n]));
  const read: KafkaMessage[] = [];
  if (pending.size) {
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const last = pending.get(partition);
            if (last === undefined || BigInt(message.offset) > last) return;
            read.push(message);
            if (BigInt(message.offset) === last) pending.delete(partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  await admin.disconnect();
  return read;
}

function summary(message: KafkaMessage): Record<string, string | null> {
  const out: Record<string, string | null> = { offset: message.offset, key: message.key?.toString() ?? null };
  for (const [name, value] of Object.entries(message.headers ?? {}))
    if (name.startsWith('dlq-') && value !== undefined) out[name] = String(value);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [command, topic, ...offsets] = argv;
  if (!topic || (command !== 'list' && command !== 'replay') || (command === 'replay' && offsets.length === 0)) {
    process.stderr.write('usage: dead-letters-cli list <topic> | replay <topic> <offset> [<offset> …]\n');
    return 64;
  }
  const kafka = new Kafka({
    clientId: 'govhall-dead-letters',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.WARN,
  });
  const letters = await readDeadLetters(kafka, topic);
  if (command === 'list') {
    for (const letter of letters) process.stdout.write(`${JSON.stringify(summary(letter))}\n`);
    return 0;
  }
  const chosen = letters.filter((l) => offsets.includes(l.offset));
  const missing = offsets.filter((o) => !chosen.some((l) => l.offset === o));
  if (missing.length) {
    process.stderr.write(`no dead letter at offset ${missing.join(', ')} of ${topic}\n`);
    return 1;
  }
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    for (const letter of chosen) {
      const { topic: original, message } = replayOf(letter);
      await producer.send({ topic: original, acks: -1, messages: [message] });
      process.stdout.write(`${JSON.stringify({ replayed: letter.offset, to: original })}\n`);
    }
  } finally {
    await producer.disconnect();
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
