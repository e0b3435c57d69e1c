import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import { emptyCounts } from '../../domain/evaluation/kpi';
import { MongoDailyCheckSource } from './daily-check.source';
import { MongoDisplayNameStore } from './display-name.repository';
import { displayNameSchema } from './display-name.schema';
import { MongoDirtyDays, MongoKpiDayStore } from './kpi-day.repository';
import { kpiDaySchema, kpiDirtyDaySchema } from './kpi-day.schema';
import { MongoKpiFactsSource } from './kpi-facts.source';
import { MongoMatterStore } from './matter-store.repository';
import { matterSchema } from './matter.schema';
import { MongoSignalStore } from './signal-store.repository';
import { signalSchema } from './signal.schema';
import { MongoViolationStore } from './violation.repository';
import { violationSchema } from './violation.schema';

describe('KPI projection queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const days = new MongoKpiDayStore(recording.connection);
  const dirty = new MongoDirtyDays(recording.connection);
  const facts = new MongoKpiFactsSource({
    matters: new MongoMatterStore(recording.connection).model.collection,
    signals: new MongoSignalStore(recording.connection).model.collection,
    violations: new MongoViolationStore(recording.connection, () => undefined).model.collection,
  });
  const daily = new MongoDailyCheckSource({
    signals: new MongoSignalStore(recording.connection).model.collection,
    violations: new MongoViolationStore(recording.connection, () => undefined).model.collection,
  });
  const names = new MongoDisplayNameStore(recording.connection);
  const invoked: string[] = [];

  beforeAll(async () => {
    const row = {
      subject: { level: 'tenant' as const, id: '620321', tenant: '620321' },
      day: '2026-11-02',
      counts: emptyCounts(),
    };
    invoked.push(
      ...(await exercise(recording, 'MongoKpiDayStore', days, {
        replaceDay: async (s) => {
          await s.replaceDay('620321', '2026-11-02', [row]);
          await s.replaceDay('620321', '2026-11-03', []);
        },
        query: async (s) => {
          const range = { level: 'department' as const, firstDay: '2026-11-01', lastDay: '2026-11-30' };
          await s.query({ tenant: '620321', includeSubordinates: false, subjectId: '', ...range });
          await s.query({ tenant: '620321', includeSubordinates: false, subjectId: '620321-SCJG', ...range });
          await s.query({ tenant: '620300', includeSubordinates: true, subjectId: '', ...range });
        },
      })),
      ...(await exercise(recording, 'MongoDirtyDays', dirty, {
        mark: (s) => s.mark('620321', '2026-11-02'),
        markAll: (s) => s.markAll([{ tenant: '620321', day: '2026-11-02' }]),
        pending: async (s) => {
          await s.pending(200, '');
          await s.pending(200, '620321|2026-11-02', {
            tenant: '620321',
            includeSubordinates: false,
            firstDay: '2026-11-01',
            lastDay: '2026-11-30',
          });
          await s.pending(200, '', {
            tenant: '620300',
            includeSubordinates: true,
            firstDay: '2026-11-01',
            lastDay: '2026-11-30',
          });
        },
        done: (s) => s.done({ tenant: '620321', day: '2026-11-02', seq: 1 }),
      })),
      ...(await exercise(recording, 'MongoKpiFactsSource', facts, {
        dayFacts: (s) => s.dayFacts('620321', '2026-11-02'),
        details: (s) => s.details('620321', '2026-11-01', '2026-11-30', 50),
      })),
      ...(await exercise(recording, 'MongoDailyCheckSource', daily, {
        day: (s) => s.day('620321', '2026-11-02', 200),
      })),
      ...(await exercise(recording, 'MongoDisplayNameStore', names, {
        put: (s) => s.put({ tenant: '620321', kind: 'window', code: 'w-1', name: '综合窗口（A01）', version: 2 }),
        ofTenant: (s) => s.ofTenant('620321'),
      })),
    );
  });

  it('exercises every public method of the stores', () => {
    expect(invoked).toEqual([
      ...publicMethods(MongoKpiDayStore),
      ...publicMethods(MongoDirtyDays),
      ...publicMethods(MongoKpiFactsSource),
      ...publicMethods(MongoDailyCheckSource),
      ...publicMethods(MongoDisplayNameStore),
    ]);
  });

  it('serves every query from a declared index', () => {
    expectEveryQueryCovered(recording.queries, [
      kpiDaySchema,
      kpiDirtyDaySchema,
      matterSchema,
      signalSchema,
      violationSchema,
      displayNameSchema,
    ]);
  });
});
