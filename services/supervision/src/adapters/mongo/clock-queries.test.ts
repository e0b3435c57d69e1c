import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import { createWorkingCalendar } from '@govhall/calendar';
import { applyCaseEvent } from '../../domain/clocks/apply-case-event';
import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { computeMatterClock } from '../../domain/clocks/compute-matter-clock';
import type { Signal } from '../../domain/signals/signal';
import { defaultThresholds } from '../../domain/signals/thresholds';
import { matterSchema } from './matter.schema';
import { MongoMatterStore } from './matter-store.repository';
import { MongoCalendarStore, MongoDirectory, MongoThresholdStore } from './settings.repositories';
import { calendarSchema, staffSchema, thresholdsSchema, windowSchema } from './settings.schemas';
import { signalSchema } from './signal.schema';
import { MongoSignalStore } from './signal-store.repository';

const matter = applyCaseEvent(undefined, caseEvent(1, 'accepted', '2026-11-02'))!;
const clock = computeMatterClock(matter, createWorkingCalendar(), '2026-11-03');
const signal: Signal = {
  id: 'case-1.promised.warning.1',
  matterId: 'case-1',
  tenant: '620321',
  level: 'warning',
  rule: 'promised.warning',
  reason: '承诺办结时限剩余1个工作日（共5个工作日）',
  raisedAt: new Date('2026-11-06T04:00:00Z'),
  clearedReason: '',
  caseNumber: '620321202611020001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  responsible: 'ycx-reviewer',
  notified: [],
  stepIndex: 0,
};
const selector = { tenant: '620321', includeSubordinates: false };

describe('clock and signal queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const schemas = [matterSchema, signalSchema, thresholdsSchema, calendarSchema, staffSchema, windowSchema];

  it('matters', async () => {
    const store = new MongoMatterStore(recording.connection);
    const invoked = await exercise(recording, 'MongoMatterStore', store, {
      get: (s) => s.get('case-1'),
      getAll: (s) => s.getAll(['case-1', 'case-2']),
      save: (s) => s.save({ matter, clock }),
      saveAll: (s) => s.saveAll([{ matter, clock }]),
      listOpen: async (s) => {
        await s.listOpen();
        await s.listOpen('620321');
      },
      listByTenant: (s) => s.listByTenant('620321'),
      query: (s) =>
        s.query(
          { ...selector, minSignal: 'warning', department: '620321-SCJG', windowId: '', openOnly: true },
          { offset: 0, limit: 20 },
        ),
      hallRows: async (s) => {
        await s.hallRows(selector, '2026-11-03');
        await s.hallRows({ tenant: '620300', includeSubordinates: true }, '2026-11-03');
      },
    });
    expect(invoked).toEqual(publicMethods(MongoMatterStore));
  });

  it('signals', async () => {
    const store = new MongoSignalStore(recording.connection);
    const invoked = await exercise(recording, 'MongoSignalStore', store, {
      history: (s) => s.history(['case-1', 'case-2']),
      raiseAll: (s) => s.raiseAll([signal]),
      clear: (s) => s.clear(signal, new Date(), '办件已办结'),
      list: (s) => s.list({ ...selector, matterId: '', activeOnly: true, minLevel: 'none' }, { offset: 0, limit: 20 }),
    });
    expect(invoked).toEqual(publicMethods(MongoSignalStore));
  });

  it('thresholds, calendars and the directory', async () => {
    await exercise(recording, 'MongoThresholdStore', new MongoThresholdStore(recording.connection), {
      get: (s) => s.get('620321'),
      save: (s) => s.save(defaultThresholds('620321'), 0),
    });
    await exercise(recording, 'MongoCalendarStore', new MongoCalendarStore(recording.connection), {
      overrides: (s) => s.overrides('620321'),
      set: (s) => s.set('620321', { date: '2026-12-09', kind: 'holiday', reason: '地方节日' }, true),
    });
    await exercise(recording, 'MongoDirectory', new MongoDirectory(recording.connection), {
      staffOf: (s) => s.staffOf('620321'),
      window: (s) => s.window('w-1'),
      putStaff: (s) =>
        s.putStaff({ id: 's1', tenant: '620321', department: '', username: 'u', roles: [], active: true }),
      putWindow: (s) => s.putWindow({ id: 'w-1', tenant: '620321', aPostStaffId: 's1' }),
    });
  });

  it('serves every query from a declared index, but the two filtered lists', () => {
    // Known limit (README): ListClocks and ListSignals combine optional filters (state, level, department, window,
    // active) with a sort; only their tenant prefix is indexed yet.
    // They are left out here on purpose and listed in the README's known limits.
    const lists = ['MongoMatterStore.query', 'MongoSignalStore.list'];
    expect(recording.queries.filter((q) => lists.includes(q.source ?? '')).length).toBeGreaterThan(0);
    expectEveryQueryCovered(
      recording.queries.filter((q) => !lists.includes(q.source ?? '')),
      schemas,
    );
  });
});
