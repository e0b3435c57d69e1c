export * from './client';
export * from './envelope';
export * from './outbox';
export * from './outbox-relay';
export * from './consumer';
export * from './retry-policy';
export * from './dead-letter';
export * from './inbox';
export { type Kafka, type Producer, type Consumer } from 'kafkajs';
