import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import type { Logger } from '@govhall/logging';

/** kafkajs is kept behind this module (it is unmaintained since 2023): swap here, nowhere else. */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        const { message, ...extra } = log;
        const method = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';
        logger[method]({ kafka: extra }, message);
      },
  });
}

/**
 * The relay's producer: acks from all in-sync replicas, one request in flight (per-key order kept across
 * retries), the Java-compatible murmur2 partitioner (the same key lands on the same partition as from Java
 * clients). Not kafkajs's "idempotent" mode: it wants unlimited retries, which would block the relay during a
 * broker outage; delivery is at-least-once and consumers dedupe by event id (ADR 0002).
 */
export async function createProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}
