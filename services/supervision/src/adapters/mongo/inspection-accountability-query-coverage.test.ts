import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { Accountability } from '../../domain/accountability/accountability';
import type { Inspection } from '../../domain/inspections/inspection';
import { MongoAccountabilityStore } from './accountability.repository';
import { accountabilitySchema } from './accountability.schema';
import { MongoInspectionChecklists, MongoInspectionPhotoStore, MongoInspectionStore } from './inspection.repository';
import { inspectionChecklistSchema, inspectionPhotoSchema, inspectionSchema } from './inspection.schema';

const at = new Date('2026-03-12T02:00:00Z');
const inspection: Inspection = {
  id: 'insp-1',
  tenant: '620321',
  windowId: 'w-1',
  date: '2026-03-12',
  inspector: 'sup1',
  checklist: [],
  photoFileIds: [],
  person: '',
  violationIds: [],
  recordedAt: at,
  requestId: 'request-1',
};
const accountability: Accountability = {
  id: 'acc-1',
  tenant: '620321',
  violationIds: ['v1'],
  targetKind: 'person',
  targetId: 'clerk1',
  state: 'proposed',
  proposedSanctions: ['admonitory_talk'],
  proposal: '诫勉谈话',
  proposedBy: 'sup1',
  proposedAt: at,
  sanctions: [],
  decision: '',
  decidedBy: '',
  year: 2026,
  version: 1,
};

describe('inspection and accountability queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const inspections = new MongoInspectionStore(recording.connection);
  const photos = new MongoInspectionPhotoStore(recording.connection);
  const checklists = new MongoInspectionChecklists(recording.connection);
  const accountabilities = new MongoAccountabilityStore(recording.connection);
  const invoked: Record<string, string[]> = {};

  beforeAll(async () => {
    invoked.inspections = await exercise(recording, 'MongoInspectionStore', inspections, {
      insertOrGet: async (s) => {
        await s.insertOrGet(inspection);
        await recording.withDuplicateKeys(() => s.insertOrGet(inspection)).catch(() => undefined);
      },
      list: async (s) => {
        await s.list({ tenant: '620321' }, 0, 20);
        await s.list({ tenant: '620321', windowId: 'w-1', fromDate: '2026-03-01' }, 0, 20);
      },
    });
    invoked.photos = await exercise(recording, 'MongoInspectionPhotoStore', photos, {
      save: (s) =>
        s.save(
          {
            id: 'p1',
            tenant: '620321',
            fileName: 'a.png',
            contentType: 'image/png',
            size: 1,
            sha256: '',
            uploadedBy: 'sup1',
            uploadedAt: at,
          },
          Buffer.from([1]),
        ),
      find: (s) => s.find(['p1']),
      get: (s) => s.get('p1'),
      expire: (s) => s.expire(at, 30 * 86_400_000),
    });
    invoked.checklists = await exercise(recording, 'MongoInspectionChecklists', checklists, {
      forTenant: (s) => s.forTenant('620321'),
    });
    invoked.accountabilities = await exercise(recording, 'MongoAccountabilityStore', accountabilities, {
      insertOrGet: (s) => s.insertOrGet(accountability),
      get: (s) => s.get('acc-1'),
      proposedFor: (s) => s.proposedFor(['v1', 'v2']),
      list: async (s) => {
        await s.list({ tenant: '620321', includeSubordinates: false }, 0, 20);
        await s.list({ tenant: '620300', includeSubordinates: true, state: 'proposed' }, 0, 20);
      },
      saveDecision: (s) =>
        s.saveDecision({ ...accountability, state: 'decided', sanctions: ['admonitory_talk'], decidedAt: at }, 1),
      pendingViolationSync: (s) => s.pendingViolationSync(100),
      markViolationsSynced: (s) => s.markViolationsSynced('acc-1'),
    });
  });

  it('exercises every public method of each store', () => {
    expect(invoked.inspections).toEqual(publicMethods(MongoInspectionStore));
    expect(invoked.photos).toEqual(publicMethods(MongoInspectionPhotoStore));
    expect(invoked.checklists).toEqual(publicMethods(MongoInspectionChecklists));
    expect(invoked.accountabilities).toEqual(publicMethods(MongoAccountabilityStore));
  });

  it('serves every query from a declared index', () => {
    expectEveryQueryCovered(recording.queries, [
      inspectionSchema,
      inspectionPhotoSchema,
      inspectionChecklistSchema,
      accountabilitySchema,
    ]);
  });
});
