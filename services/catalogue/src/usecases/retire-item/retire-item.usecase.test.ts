import { ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { cityAdmin, itemsSetup, principal, seedItem, seedPublished } from '../in-memory-items.test-double';

const REASON = '根据《国务院关于取消和下放一批行政许可事项的决定》取消';

describe('retire item', () => {
  it('retires a published item with the reason and one event', async () => {
    const { items, retireItem } = itemsSetup();
    const published = seedPublished(items, 1);
    const retired = await retireItem({ id: published.id, expectedVersion: 3, reason: REASON }, principal());
    expect(retired).toMatchObject({ status: 'retired', retiredReason: REASON, version: 4 });
    expect(await items.findById(published.id)).toMatchObject({ status: 'retired', retiredReason: REASON });
    expect(items.events).toEqual([{ type: 'ItemRetired', item: retired }]);
  });

  it('retires published items only, needs a reason, and only for the own tenant', async () => {
    const { items, retireItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const published = seedPublished(items, 2);
    await expect(retireItem({ id: draft.id, expectedVersion: 1, reason: REASON }, principal())).rejects.toBeInstanceOf(
      PreconditionError,
    );
    await expect(retireItem({ id: published.id, expectedVersion: 3, reason: '' }, principal())).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      retireItem({ id: published.id, expectedVersion: 3, reason: REASON }, cityAdmin()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await items.findById(published.id)).toEqual(published);
  });
});
