import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError } from '@govhall/errors';
import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { stack, uniqueSuffix } from '@govhall/testing';
import { MongoItemRepository } from '../src/adapters/mongo/item.repository';
import { newEdition, review, submit, updateDraft } from '../src/domain/item-lifecycle';
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

  it('keeps one item per basic code per tenant: a second series is refused, even when the inserts race', async () => {
    // 000172028000 is id(1)'s basic code in 620321: another series cannot take it, in the same tenant only.
    const racers = [20, 21, 22, 23].map((n) =>
      validItemFixture({ id: id(n), seriesId: id(n), basicCode: '000125019000' }),
    );
    const results = await Promise.allSettled(
      racers.map((item, i) => items.insert(item, [{ type: 'ItemDraftCreated', item }], `repo-key-002${i}`, actor)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'BASIC_CODE_TAKEN' });
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    }
    expect(await items.model.countDocuments({ tenant: '620321', basicCode: '000125019000' })).toBe(1);
    const second = validItemFixture({ id: id(24), seriesId: id(24), basicCode: '000172028000' });
    const error = await items.insert(second, [], 'repo-key-0024', actor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BASIC_CODE_TAKEN' });
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('新建版本');
    // The conflict names its field, so the admin console shows it under 基本编码.
    expect((error as { violations: unknown }).violations).toEqual([
      { path: 'basicCode', reason: 'BASIC_CODE_TAKEN', message: (error as Error).message },
    ]);
    const elsewhere = validItemFixture({ id: id(25), seriesId: id(25), tenant: '620302', department: '620302-SCJG' });
    await expect(items.insert(elsewhere, [], 'repo-key-0025', actor)).resolves.toMatchObject({ created: true });
    await items.model.deleteOne({ _id: id(25) as never });
  });

  it('refuses a draft renamed to a basic code another series holds, and stores nothing', async () => {
    const other = validItemFixture({ id: id(30), seriesId: id(30), basicCode: '000117099000' });
    await items.insert(other, [], 'repo-key-0030', actor);
    const { name, kind, handlingCategory, department, content } = other;
    const renamed = updateDraft(
      other,
      { name, kind, handlingCategory, department, content, basicCode: '000172028000' },
      T(4),
      'yc-admin',
    );
    const error = await items.update(renamed.item, other.version, [], actor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BASIC_CODE_TAKEN', violations: [{ path: 'basicCode' }] });
    expect(await items.findById(id(30))).toMatchObject({ basicCode: '000117099000', version: 1 });
    await items.model.deleteOne({ _id: id(30) as never });
  });

  it('lists a tenant by basic code and edition, optionally by status', async () => {
    const all = await items.list('620321', undefined, 0, 10);
    expect(all.items.map((i) => [i.basicCode, i.edition])).toEqual([
      ['000117022000', 1],
      ['000117022000', 2],
      ['000125019000', 1],
      ['000172028000', 1],
    ]);
    expect(all.total).toBe(4);
    const drafts = await items.list('620321', 'draft', 2, 1);
    expect(drafts).toMatchObject({ total: 3, items: [{ id: id(1) }] });
    // A keyword: the start of a basic code (a regular-expression character taken literally), or part of the name.
    const byCode = await items.list('620321', undefined, 0, 10, '0001250');
    expect(byCode).toMatchObject({ total: 1, items: [{ basicCode: '000125019000' }] });
    expect((await items.list('620321', undefined, 0, 10, '125019')).total).toBe(0);
    expect((await items.list('620321', undefined, 0, 10, '.*')).total).toBe(0);
    const byName = await items.list('620321', undefined, 0, 10, all.items[0]!.name.slice(0, 2));
    expect(byName.items.map((i) => i.id)).toContain(all.items[0]!.id);
  });

  it('removes a draft only at the version read', async () => {
    const draft = validItemFixture({ id: id(40), seriesId: id(40), basicCode: '000117098000' });
    await items.insert(draft, [], 'repo-key-0040', actor);
    await expect(items.remove(draft, draft.version + 1)).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
    expect(await items.findById(id(40))).not.toBeNull();
    await items.remove(draft, draft.version);
    expect(await items.findById(id(40))).toBeNull();
    expect(await items.model.countDocuments({ tenant: '620321', basicCode: '000117098000' })).toBe(0);
  });
});
