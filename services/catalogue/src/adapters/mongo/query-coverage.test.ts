import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { Item } from '../../domain/item';
import { validItemFixture } from '../../domain/item.test-double';
import type { CalendarChangedEvent, TenantOverrides } from '../../usecases/calendar.ports';
import { fixtureId, principal, reviewer } from '../../usecases/in-memory-items.test-double';
import type { ItemFile } from '../../usecases/public.ports';
import { MongoCalendarOverrideRepository } from './calendar.repository';
import { calendarSchema } from './calendar.schema';
import { MongoItemFileRepository } from './item-file.repository';
import { itemFileSchema } from './item-file.schema';
import { MongoItemRepository } from './item.repository';
import { itemSchema } from './item.schema';
import { MongoPublishedItemsQuery } from './published-items.query';

const actor = principal();
const draft: Item = validItemFixture({ id: fixtureId(1), seriesId: fixtureId(1) });
const submitted: Item = {
  ...draft,
  status: 'submitted',
  version: draft.version + 1,
  submittedAt: new Date('2026-11-20T02:00:00Z'),
  submittedBy: actor.username,
};
const file: ItemFile = {
  id: fixtureId(9),
  tenant: '620321',
  fileName: '食品经营许可申请书.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 4,
  sha256: 'a'.repeat(64),
  createdAt: new Date('2026-11-20T02:00:00Z'),
  createdBy: actor.username,
};
const holiday = { date: '2026-04-03', kind: 'holiday' as const, reason: '三月三（壮族传统节日）' };
const overrides = (version: number): TenantOverrides => ({
  tenant: '620321',
  overrides: [holiday],
  version,
  updatedAt: new Date('2026-03-02T02:00:00Z'),
});
const changed = (version: number): CalendarChangedEvent => ({
  type: 'CalendarChanged',
  tenant: '620321',
  override: holiday,
  set: true,
  version,
  occurredAt: new Date('2026-03-02T02:00:00Z'),
});

describe('catalogue queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const items = new MongoItemRepository(recording.connection);
  const files = new MongoItemFileRepository(recording.connection);
  const calendars = new MongoCalendarOverrideRepository(recording.connection);
  const published = new MongoPublishedItemsQuery(recording.connection);
  const invoked: Record<string, string[]> = {};

  beforeAll(async () => {
    invoked.MongoItemRepository = await exercise(recording, 'MongoItemRepository', items, {
      insert: async (r) => {
        await r.insert(draft, [{ type: 'ItemDraftCreated', item: draft }], 'key-00000001', actor);
        // A retried create finds the first item by its idempotency key; with none, another edition won.
        await expect(
          recording.withDuplicateKeys(() => r.insert(draft, [], 'key-00000001', actor)),
        ).rejects.toMatchObject({ code: 'EDITION_IN_PROGRESS' });
      },
      findById: (r) => r.findById(draft.id),
      findByIdempotencyKey: (r) => r.findByIdempotencyKey(draft.tenant, 'key-00000001'),
      update: (r) => r.update(submitted, draft.version, [{ type: 'ItemSubmitted', item: submitted }], reviewer()),
      findInSeries: async (r) => {
        await r.findInSeries(draft.seriesId, ['draft', 'submitted']);
        await r.findInSeries(draft.seriesId, ['published']);
      },
      remove: (r) => r.remove(draft, draft.version),
      list: async (r) => {
        await r.list(draft.tenant, undefined, 0, 20);
        await r.list(draft.tenant, 'published', 20, 20);
        await r.list(draft.tenant, undefined, 0, 20, '食品');
        await r.list(draft.tenant, 'draft', 0, 20, '0001');
      },
    });
    invoked.MongoItemFileRepository = await exercise(recording, 'MongoItemFileRepository', files, {
      insert: async (r) => {
        await r.insert(file, Buffer.from('form'));
        // A retried upload of the same content looks the first file up (none here: an id collision).
        await expect(recording.withDuplicateKeys(() => r.insert(file, Buffer.from('form')))).rejects.toThrow(
          'collided',
        );
      },
      findById: (r) => r.findById(file.id),
    });
    invoked.MongoCalendarOverrideRepository = await exercise(recording, 'MongoCalendarOverrideRepository', calendars, {
      find: (r) => r.find('620321'),
      save: async (r) => {
        await r.save(overrides(1), [changed(1)], 0, actor);
        await r.save(overrides(2), [changed(2)], 1, actor);
      },
    });
    invoked.MongoPublishedItemsQuery = await exercise(recording, 'MongoPublishedItemsQuery', published, {
      findPublic: (q) => q.findPublic(draft.id),
      isFileReferenced: (q) => q.isFileReferenced(file.tenant, file.id),
      publishedBasicCodes: (q) => q.publishedBasicCodes('620321', ['000117006000', '000125019000']),
      publishedVersions: (q) => q.publishedVersions(),
      findByIds: (q) => q.findByIds([fixtureId(1), fixtureId(2)]),
    });
  });

  it.each([
    ['MongoItemRepository', MongoItemRepository],
    ['MongoItemFileRepository', MongoItemFileRepository],
    ['MongoCalendarOverrideRepository', MongoCalendarOverrideRepository],
    ['MongoPublishedItemsQuery', MongoPublishedItemsQuery],
  ] as const)('exercises every public method of %s', (name, cls) => {
    expect(invoked[name]).toEqual(publicMethods(cls));
  });

  it('records the queries of the reads, the versioned writes and the retry paths', () => {
    const sources = new Set(recording.queries.map((q) => q.source));
    expect([...sources].sort()).toEqual(
      [
        'MongoCalendarOverrideRepository.find',
        'MongoCalendarOverrideRepository.save',
        'MongoItemFileRepository.findById',
        'MongoItemFileRepository.insert',
        'MongoItemRepository.findById',
        'MongoItemRepository.findByIdempotencyKey',
        'MongoItemRepository.findInSeries',
        'MongoItemRepository.insert',
        'MongoItemRepository.list',
        'MongoItemRepository.remove',
        'MongoItemRepository.update',
        'MongoPublishedItemsQuery.findByIds',
        'MongoPublishedItemsQuery.findPublic',
        'MongoPublishedItemsQuery.isFileReferenced',
        'MongoPublishedItemsQuery.publishedBasicCodes',
        'MongoPublishedItemsQuery.publishedVersions',
      ].sort(),
    );
  });

  it('serves every query from a declared index', () => {
    expectEveryQueryCovered(recording.queries, [itemSchema, itemFileSchema, calendarSchema]);
  });
});
