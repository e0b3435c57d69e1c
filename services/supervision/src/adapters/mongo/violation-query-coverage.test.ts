import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import { openViolation } from '../../domain/violations/violation';
import { MongoViolationStore } from './violation.repository';
import { violationSchema } from './violation.schema';

const violation = openViolation(
  {
    id: 'case-1.decision-past-limit',
    tenant: '620321',
    kind: 'decision_past_limit',
    summary: '超期',
    evidence: [],
    occurredDate: '2026-03-11',
  },
  'automatic',
  new Date('2026-03-11T02:00:00Z'),
);

describe('violation queries are served by the indexes of their schema', () => {
  const recording = new RecordingConnection();
  const store = new MongoViolationStore(recording.connection);
  let invoked: string[];

  beforeAll(async () => {
    invoked = await exercise(recording, 'MongoViolationStore', store, {
      recordNew: async (s) => {
        await s.recordNew([violation]);
        await recording.withDuplicateKeys(() => s.recordNew([violation]));
      },
      get: (s) => s.get(violation.id),
      list: async (s) => {
        await s.list({ tenant: '620321', includeSubordinates: false }, 0, 20);
        await s.list({ tenant: '620300', includeSubordinates: true, state: 'open', fromDate: '2026-03-01' }, 20, 20);
      },
      save: (s) => s.save({ ...violation, state: 'dismissed' }, 1),
    });
  });

  it('exercises every public method of the store', () => {
    expect(invoked).toEqual(publicMethods(MongoViolationStore));
  });

  it('serves every query from a declared index', () => {
    expectEveryQueryCovered(recording.queries, [violationSchema]);
  });
});
