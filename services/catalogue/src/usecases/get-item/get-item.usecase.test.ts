import { NotFoundError, ValidationError } from '@govhall/errors';
import { cityAdmin, fixtureId, itemsSetup, principal, seedItem, seedPublished } from '../in-memory-items.test-double';

describe('get item', () => {
  it('shows an item of any status to staff of its tenant, whatever their department', async () => {
    const { items, getItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const published = seedPublished(items, 2);
    const clerkElsewhere = principal({ roles: ['window_clerk'], department: '620321-GTZY' });
    await expect(getItem(draft.id, clerkElsewhere)).resolves.toMatchObject({ id: draft.id, status: 'draft' });
    await expect(getItem(published.id, principal())).resolves.toMatchObject({ status: 'published' });
  });

  it('lets the city above read a county item (vertical supervision)', async () => {
    const { items, getItem } = itemsSetup();
    const draft = seedItem(items, 1);
    await expect(getItem(draft.id, cityAdmin())).resolves.toMatchObject({ id: draft.id });
    await expect(getItem(draft.id, cityAdmin({ roles: ['supervisor'] }))).resolves.toMatchObject({ id: draft.id });
  });

  it('hides the item from a sibling tenant, applicants and service accounts (404 as if absent), logging each denial', async () => {
    const { items, denials, getItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const absent = await getItem(fixtureId(9), principal()).catch((e: unknown) => e);
    const actors = [
      principal({ tenant: '620302' }),
      principal({ roles: ['applicant'], tenant: '' }),
      principal({ kind: 'service', roles: ['service'] }),
    ];
    for (const actor of actors) {
      const error = await getItem(draft.id, actor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toEqual(absent);
    }
    expect(denials.map((d) => (d as { reason: string }).reason)).toEqual([
      'TENANT_OUT_OF_SCOPE',
      'ROLE_REQUIRED',
      'ROLE_REQUIRED',
    ]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const { getItem } = itemsSetup();
    await expect(getItem(fixtureId(9), principal())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getItem('item-1', principal())).rejects.toBeInstanceOf(ValidationError);
  });
});
