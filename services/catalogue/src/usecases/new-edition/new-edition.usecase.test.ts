import { ConflictError, ForbiddenError, PreconditionError } from '@govhall/errors';
import { cityAdmin, itemsSetup, principal, seedItem, seedPublished, uuid } from '../in-memory-items.test-double';

const KEY = 'edition-key-0001';

describe('new edition', () => {
  it('starts edition 2 as a draft copy of the published edition', async () => {
    const { items, newEdition } = itemsSetup();
    const published = seedPublished(items, 1);
    const draft = await newEdition({ id: published.id, idempotencyKey: KEY }, principal());
    expect(draft).toMatchObject({
      id: uuid(1),
      seriesId: published.seriesId,
      edition: 2,
      previousId: published.id,
      status: 'draft',
      version: 1,
      reviews: [],
    });
    expect(draft.content).toEqual(published.content);
    expect(await items.findById(published.id)).toEqual(published);
    expect(items.events).toEqual([{ type: 'ItemDraftCreated', item: draft }]);
  });

  it('answers a retry with the same draft, even after the copied edition was superseded', async () => {
    const { items, newEdition } = itemsSetup();
    const published = seedPublished(items, 1);
    const first = await newEdition({ id: published.id, idempotencyKey: KEY }, principal());
    items.seed({ ...published, status: 'superseded', version: 4 });
    await expect(newEdition({ id: published.id, idempotencyKey: KEY }, principal())).resolves.toEqual(first);
    expect(items.events).toHaveLength(1);
  });

  it('allows one edition in progress per series (409 EDITION_IN_PROGRESS)', async () => {
    const { items, newEdition } = itemsSetup();
    const published = seedPublished(items, 1);
    const open = await newEdition({ id: published.id, idempotencyKey: KEY }, principal());
    const second = await newEdition({ id: published.id, idempotencyKey: 'edition-key-0002' }, principal()).catch(
      (e) => e,
    );
    expect(second).toBeInstanceOf(ConflictError);
    // It says which edition is open, so the administrator can be led to it.
    expect(second).toMatchObject({
      code: 'EDITION_IN_PROGRESS',
      metadata: { openItemId: open.id, openStatus: 'draft', openEdition: '2' },
    });
    expect(items.items.size).toBe(2);
  });

  it('refuses a key already used for something else', async () => {
    const { items, newEdition } = itemsSetup();
    const a = seedPublished(items, 1);
    const b = seedPublished(items, 2, { basicCode: '000117022000', name: '公共场所卫生许可' });
    await newEdition({ id: a.id, idempotencyKey: KEY }, principal());
    await expect(newEdition({ id: b.id, idempotencyKey: KEY }, principal())).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('copies published editions only, of the own tenant only', async () => {
    const { items, newEdition } = itemsSetup();
    const draft = seedItem(items, 1);
    const published = seedPublished(items, 2);
    await expect(newEdition({ id: draft.id, idempotencyKey: KEY }, principal())).rejects.toBeInstanceOf(
      PreconditionError,
    );
    await expect(newEdition({ id: published.id, idempotencyKey: KEY }, cityAdmin())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(items.items.size).toBe(2);
  });
});
