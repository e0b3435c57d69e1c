import type { KafkaMessage } from 'kafkajs';
import { DLQ_HEADER, deadLetterOf, replayOf, summarizeError } from './dead-letter';

const original: KafkaMessage = {
  key: Buffer.from('item-1'),
  value: Buffer.from([1, 2, 3]),
  headers: { 'event-id': Buffer.from('e-1'), traceparent: Buffer.from('00-abc-def-01') },
  offset: '42',
  timestamp: '1767225600000',
  attributes: 0,
};

describe('dead letters', () => {
  it('keep the value, key and headers and say where from, why, how often and when', () => {
    const letter = deadLetterOf(original, {
      topic: 'govhall.catalogue.item',
      partition: 2,
      groupId: 'supervision-journal',
      attempts: 5,
      reason: 'handler',
      error: { name: 'Error', message: 'refused', code: 'E_RULE', stack: 'at handler (x.ts:1:1)' },
      at: new Date('2026-01-02T03:04:05Z'),
      event: { id: 'e-1', type: 'govhall.catalogue.v1.ItemDraftCreated' },
    });
    expect(letter.key).toBe(original.key);
    expect(letter.value).toBe(original.value);
    expect(letter.headers).toMatchObject({
      'event-id': original.headers!['event-id'],
      traceparent: original.headers!.traceparent,
      [DLQ_HEADER.topic]: 'govhall.catalogue.item',
      [DLQ_HEADER.partition]: '2',
      [DLQ_HEADER.offset]: '42',
      [DLQ_HEADER.timestamp]: '1767225600000',
      [DLQ_HEADER.group]: 'supervision-journal',
      [DLQ_HEADER.attempts]: '5',
      [DLQ_HEADER.deadLetteredAt]: '2026-01-02T03:04:05.000Z',
      [DLQ_HEADER.reason]: 'handler',
      [DLQ_HEADER.errorMessage]: 'refused',
      [DLQ_HEADER.errorCode]: 'E_RULE',
      [DLQ_HEADER.eventId]: 'e-1',
    });
  });

  it('replay to the original topic with the original headers only', () => {
    const letter = deadLetterOf(original, {
      topic: 'govhall.catalogue.item',
      partition: 0,
      groupId: 'g',
      attempts: 1,
      reason: 'decode',
      error: summarizeError(new Error('bad wire type')),
      at: new Date(),
    });
    const replay = replayOf({ ...original, headers: letter.headers! });
    expect(replay.topic).toBe('govhall.catalogue.item');
    expect(replay.message).toEqual({ key: original.key, value: original.value, headers: original.headers });
    expect(() => replayOf(original)).toThrow(/not a dead letter/);
  });

  it('summarize an error without personal data, with a bounded message and the first frames', () => {
    const err = Object.assign(new Error(`applicant 620321199001011234 phone 13912345678 ${'x'.repeat(900)}`), {
      code: 11000,
      payload: { idNumber: '620321199001011234' },
    });
    const summary = summarizeError(err);
    expect(JSON.stringify(summary)).not.toMatch(/620321199001011234|13912345678/);
    expect(summary.message.length).toBeLessThanOrEqual(501);
    expect(summary.code).toBe('11000');
    expect(summary.stack.split('\n').length).toBeLessThanOrEqual(8);
    expect(summary.stack).toMatch(/^at /);
    expect(summary.stack).not.toContain('applicant');
  });
});
