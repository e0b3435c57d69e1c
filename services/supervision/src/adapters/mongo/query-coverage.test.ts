import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { RecordedEvent } from '../../domain/recorded-event';
import { MongoEventJournal } from './event-journal.repository';
import { recordedEventSchema } from './recorded-event.schema';

const event: RecordedEvent = {
  eventId: '7b0c5d1e-2f3a-4b5c-8d6e-7f8091a2b3c4',
  type: 'govhall.catalogue.v1.ItemDraftCreated',
  tenant: '620321',
  aggregateId: '00000000-0000-4000-8000-000000000001',
  aggregateVersion: 1,
  occurredAt: new Date('2026-03-02T02:00:00Z'),
  recordedAt: new Date('2026-03-02T02:00:01Z'),
  topic: 'govhall.catalogue.item',
  traceparent: '',
};

describe('supervision queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const journal = new MongoEventJournal(recording.connection);
  let invoked: string[];

  beforeAll(async () => {
    invoked = await exercise(recording, 'MongoEventJournal', journal, {
      record: async (j) => {
        await j.record(event);
        // A replayed event: the duplicate key is swallowed.
        await recording.withDuplicateKeys(() => j.record(event));
      },
      recordAll: async (j) => {
        await j.recordAll([event, { ...event, eventId: 'another' }]);
        await recording.withDuplicateKeys(() => j.recordAll([event]));
      },
      listByAggregate: (j) => j.listByAggregate(event.aggregateId),
    });
  });

  it('exercises every public method of the journal', () => {
    expect(invoked).toEqual(publicMethods(MongoEventJournal));
  });

  it('serves every query from a declared index', () => {
    expect(recording.queries.map((q) => q.source)).toContain('MongoEventJournal.listByAggregate');
    expectEveryQueryCovered(recording.queries, [recordedEventSchema]);
  });
});
