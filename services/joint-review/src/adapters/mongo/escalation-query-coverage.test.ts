import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import { openSenderEscalation } from '../../domain/escalations/sender';
import { testLegCalendar } from '../../domain/reviews/opened-review.test-double';
import { MongoFileChunks, MongoUpdateCursors } from './file-chunks.repository';
import { escalationQueryFields, MongoEscalationRepository } from './escalation.repository';
import { escalationCursorSchema, fileChunkSchema, escalationSchema } from './escalation.schema';

/* Every query of the escalation stores is served by an index their schemas declare (docs/store-rules.md). */

const at = new Date('2026-06-04T02:00:00Z');
const sender = openSenderEscalation(
  {
    id: 'es-1',
    facts: {
      tenant: '620321',
      targetTenant: '620300',
      caseId: 'case-1',
      caseNumber: '62032120260604000001',
      itemName: '排污许可',
      itemBasicCode: '000111222333',
      department: '620321-STHJ',
      windowId: 'w1',
      promisedDueDate: '2026-07-02',
      statutoryDueDate: '2026-07-10',
    },
    forwardWorkingDays: 2,
    followUpBy: 'clerk',
    at,
  },
  testLegCalendar,
).escalation;
const page = { pageSize: 10, pageToken: '' };

describe('the escalations collections', () => {
  it('serve every query of the escalation repository from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoEscalationRepository(recording.connection);
    const invoked = await exercise(recording, 'MongoEscalationRepository', repo, {
      insert: async (r) => {
        await r.insert(sender, []);
        await recording.withDuplicateKeys(() => r.insert(sender, [])).catch(() => undefined);
      },
      findById: (r) => r.findById('es-1'),
      findSenderByCase: (r) => r.findSenderByCase('620321', 'case-1'),
      findReceiverByKey: (r) => r.findReceiverByKey('620321:es-1'),
      findByTaskId: (r) => r.findByTaskId('task-1'),
      receiversOf: (r) => r.receiversOf('620300', '620300-STHJ', ['in_handling', 'returned']),
      save: (r) => r.save({ ...sender, version: 2 }, 1, []),
      list: (r) => r.list({ tenant: '620321', side: 'sender', department: '620321-STHJ', states: ['returned'] }, page),
      sendersIn: (r) => r.sendersIn(['transferring'], 10),
      updatedSince: (r) => r.updatedSince('620300', '620321', 4, 10),
      lastSequence: (r) => r.lastSequence('620300'),
    });
    expect(invoked).toEqual(publicMethods(MongoEscalationRepository));
    expectEveryQueryCovered(recording.queries, [escalationSchema]);
  });

  it('serve the file chunks and the cursors from declared indexes', async () => {
    const recording = new RecordingConnection();
    const files = new MongoFileChunks(recording.connection);
    const cursors = new MongoUpdateCursors(recording.connection);
    await exercise(recording, 'MongoFileChunks', files, {
      put: (f) => f.put('er-1', 'f1', Buffer.from('pdf')),
      get: (f) => f.get('er-1', 'f1'),
    });
    await exercise(recording, 'MongoUpdateCursors', cursors, {
      get: (c) => c.get('620300', '620321'),
      set: (c) => c.set('620300', '620321', 5),
    });
    expectEveryQueryCovered(recording.queries, [fileChunkSchema, escalationCursorSchema]);
  });

  it("keys a sender record for its tenant's and its department's lists in its state", () => {
    expect(escalationQueryFields(sender)).toMatchObject({
      caseKey: '620321|case-1',
      listKeys: ['sender|620321||awaiting_forward', 'sender|620321|620321-STHJ|awaiting_forward'],
      pullKey: '',
      workKey: 'sender|awaiting_forward',
    });
  });
});
