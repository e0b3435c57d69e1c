import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { SupervisionOrder } from '../../domain/orders/supervision-order';
import { MongoOrderStore } from './order.repository';
import { orderSchema } from './order.schema';

const at = new Date('2026-03-12T02:00:00Z');
const order: SupervisionOrder = {
  id: 'ord-1',
  tenant: '620321',
  targetKind: 'case',
  targetId: 'case-1',
  subject: '督办事由',
  requirement: '督办要求',
  deadlineWorkingDays: 3,
  responsibleDepartment: '620321-SCJG',
  responsiblePerson: 'clerk1',
  state: 'issued',
  issuedBy: 'sup1',
  issuedAt: at,
  issuedDate: '2026-03-12',
  replies: [],
  returns: [],
  closedBy: '',
  closingNote: '',
  version: 1,
};

describe('督办 order queries are served by the indexes of their schema', () => {
  const recording = new RecordingConnection();
  const orders = new MongoOrderStore(recording.connection);
  let invoked: string[] = [];

  beforeAll(async () => {
    invoked = await exercise(recording, 'MongoOrderStore', orders, {
      insertOrGet: async (s) => {
        await s.insertOrGet({ order, event: 'issued' });
        await recording.withDuplicateKeys(() => s.insertOrGet({ order, event: 'issued' })).catch(() => undefined);
      },
      get: (s) => s.get('ord-1'),
      save: (s) =>
        s.save(
          {
            order: { ...order, state: 'replied', replies: [{ text: '已办理', by: 'clerk1', at, date: '2026-03-12' }] },
            event: 'replied',
          },
          1,
        ),
      list: async (s) => {
        await s.list({ tenant: '620321', includeSubordinates: false }, 0, 20);
        await s.list(
          { tenant: '620300', includeSubordinates: true, state: 'issued', responsibleDepartment: '620321-SCJG' },
          0,
          20,
        );
      },
      pendingMatters: (s) => s.pendingMatters(100),
      markMatterSynced: (s) => s.markMatterSynced('ord-1', 2),
    });
  });

  it('exercises every public method of the store', () => {
    expect(invoked).toEqual(publicMethods(MongoOrderStore));
  });

  it('serves every query from a declared index', () => {
    expectEveryQueryCovered(recording.queries, [orderSchema]);
  });
});
