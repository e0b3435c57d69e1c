import { ConcurrencyError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import {
  cityAdmin,
  draftCommand,
  itemsSetup,
  principal,
  seedItem,
  seedPublished,
} from '../in-memory-items.test-double';

const RETURNED = {
  approved: false,
  comments: '材料清单不全',
  reviewer: 'yc-reviewer',
  at: new Date('2026-11-20T02:00:00Z'),
};

describe('delete draft item', () => {
  it('deletes a draft nobody has reviewed: the item is gone, and so is its basic code', async () => {
    const { items, deleteDraftItem, createDraftItem } = itemsSetup();
    const draft = seedItem(items, 1);
    await deleteDraftItem({ id: draft.id, expectedVersion: 1 }, principal());
    expect(await items.findById(draft.id)).toBeNull();
    // The basic code is free again: a new item may take it.
    await expect(createDraftItem({ ...draftCommand, basicCode: draft.basicCode }, principal())).resolves.toMatchObject({
      basicCode: draft.basicCode,
      edition: 1,
    });
  });

  it('keeps a draft that went to review, anything not a draft, and a stale or foreign request', async () => {
    const { items, deleteDraftItem } = itemsSetup();
    const returned = seedItem(items, 1, { reviews: [RETURNED], version: 3 });
    const published = seedPublished(items, 2, { basicCode: '000117022000' });
    const draft = seedItem(items, 3, { basicCode: '000109001000' });
    const failure = (p: Promise<unknown>) => p.catch((e: unknown) => e);

    const kept = await failure(deleteDraftItem({ id: returned.id, expectedVersion: 3 }, principal()));
    expect(kept).toBeInstanceOf(PreconditionError);
    expect(kept).toMatchObject({ code: 'ITEM_EVER_SUBMITTED' });
    const live = await failure(deleteDraftItem({ id: published.id, expectedVersion: 3 }, principal()));
    expect(live).toMatchObject({ code: 'ITEM_NOT_DRAFT' });
    await expect(deleteDraftItem({ id: draft.id, expectedVersion: 2 }, principal())).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(deleteDraftItem({ id: draft.id, expectedVersion: 1 }, cityAdmin())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const bad = await failure(deleteDraftItem({ id: 'x', expectedVersion: 0 }, principal()));
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).violations.map((v) => v.path)).toEqual(['id', 'expectedVersion']);
    expect(await items.findById(returned.id)).toEqual(returned);
    expect(await items.findById(published.id)).toEqual(published);
    expect(await items.findById(draft.id)).toEqual(draft);
  });
});
