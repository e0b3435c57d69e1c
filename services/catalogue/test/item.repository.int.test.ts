import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError } from '@govhall/errors';
import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { stack, uniqueSuffix } from '@govhall/testing';
import { MongoItemRepository } from '../src/adapters/mongo/item.repository';
import { newEdition, review, submit } from '../src/domain/item-lifecycle';
import { validItemFixture } from '../src/domain/item.test-double';

// The item repository against the real database (FerretDB locally): the edition index, version checks, cleared
// fields and the outbox written with the state.
let connection: Connection;
let items: MongoItemRepository;
const db = `govhall_catalogue_r${uniqueSuffix()}`;

const actor: Principal = {
  kind: 'user',
  subject: 'sub-1',
  username: 'yc-admin',
  tenant: '620321',
  roles: ['center_admin'],
  clientId: 'govhall-workbench',
};
const T = (minute: number) => new Date(Date.UTC(2026, 10, 26, 2, minute));
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  items = new MongoItemRepository(connection);
  await ensureIndexes([items.model]);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

const outboxOf = async (itemId: string) =>
  ((await items.model.collection.findOne({ _id: itemId as never }))?.outbox as unknown[]) ?? [];

describe('MongoItemRepository', () => {
  it('stores the content as one sub-document and reads the same item back, with its outbox', async () => {
    const item = validItemFixture({ id: id(1), seriesId: id(1) });
    await items.insert(item, [{ type: 'ItemDraftCreated', item }], 'repo-key-0001', actor);
    expect(await items.findById(id(1))).toEqual(item);
    expect(await outboxOf(id(1))).toHaveLength(1);
    expect(await items.insert(item, [], 'repo-key-0001', actor)).toEqual({ item, created: false });
  });

  it('walks the lifecycle with version checks, clearing the submitter when a submission is rejected', async () => {
    const draft = (await items.findById(id(1)))!;
    const submitted = submit(draft, 'yc-admin', T(1));
    await items.update(submitted.item, draft.version, submitted.events, actor);
    await expect(items.update(submitted.item, draft.version, [], actor)).rejects.toBeInstanceOf(ConcurrencyError);
    const rejected = review(submitted.item, { approve: false, comments: '请补充材料' }, 'yc-reviewer', T(2));
    await items.update(rejected.item, submitted.item.version, rejected.events, actor);
    const stored = (await items.findById(id(1)))!;
    expect(stored).toMatchObject({ status: 'draft', version: 3 });
    expect(stored).not.toHaveProperty('submittedBy');
    expect(stored).not.toHaveProperty('submittedAt');
    expect(stored.reviews).toEqual([{ approved: false, comments: '请补充材料', reviewer: 'yc-reviewer', at: T(2) }]);
    expect(await outboxOf(id(1))).toHaveLength(3);
  });

  it('refuses a second document for the same edition of a series (EDITION_IN_PROGRESS)', async () => {
    const published = validItemFixture({
      id: id(10),
      seriesId: id(10),
      status: 'published',
      basicCode: '000117022000',
    });
    await items.insert(published, [], 'repo-key-0010', actor);
    const a = newEdition(published, id(11), T(3), 'yc-admin');
    const b = newEdition(published, id(12), T(3), 'yc-admin');
    await items.insert(a.item, a.events, 'repo-key-0011', actor);
    const error = await items.insert(b.item, b.events, 'repo-key-0012', actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'EDITION_IN_PROGRESS' });
    expect((await items.findInSeries(id(10), ['draft', 'published'])).map((i) => i.id)).toEqual([id(10), id(11)]);
  });

  it('lists a tenant by basic code and edition, optionally by status', async () => {
    const all = await items.list('620321', undefined, 0, 10);
    expect(all.items.map((i) => [i.basicCode, i.edition])).toEqual([
      ['000117022000', 1],
      ['000117022000', 2],
      ['000172028000', 1],
    ]);
    expect(all.total).toBe(3);
    const drafts = await items.list('620321', 'draft', 1, 1);
    expect(drafts).toMatchObject({ total: 2, items: [{ id: id(1) }] });
  });
});
