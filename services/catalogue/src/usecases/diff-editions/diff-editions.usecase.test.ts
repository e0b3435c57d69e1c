import { NotFoundError, ValidationError } from '@govhall/errors';
import { cityAdmin, fixtureId, itemsSetup, principal, seedItem, seedPublished } from '../in-memory-items.test-double';

describe('diff editions', () => {
  function twoEditions() {
    const setup = itemsSetup();
    const first = seedPublished(setup.items, 1);
    const base = structuredClone(first.content);
    const second = seedItem(setup.items, 2, {
      seriesId: first.id,
      edition: 2,
      previousId: first.id,
      content: { promisedLimit: { days: 8, unit: 'working_day' }, visits: base.visits },
    });
    return { ...setup, first, second };
  }

  it('lists what changed between two editions of one series', async () => {
    const { diffEditions, first, second } = twoEditions();
    await expect(
      diffEditions({ fromId: first.id, toId: second.id }, principal({ roles: ['window_clerk'] })),
    ).resolves.toEqual([{ path: 'content.promisedLimit.days', before: '10', after: '8' }]);
    await expect(diffEditions({ fromId: first.id, toId: second.id }, cityAdmin())).resolves.toHaveLength(1);
  });

  it('refuses editions of different items (400)', async () => {
    const { items, diffEditions, first } = twoEditions();
    const other = seedPublished(items, 3, { basicCode: '000117022000' });
    const error = await diffEditions({ fromId: first.id, toId: other.id }, principal()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ path: 'toId', reason: 'DIFFERENT_SERIES' })]);
  });

  it('answers 404 for an unknown edition and for another tenant’s', async () => {
    const { diffEditions, first, second } = twoEditions();
    await expect(diffEditions({ fromId: first.id, toId: fixtureId(9) }, principal())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      diffEditions({ fromId: first.id, toId: second.id }, principal({ tenant: '620302' })),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });
});
