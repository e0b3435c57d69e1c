import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
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

  it('refuses a sibling tenant, applicants and service accounts (403), and logs each denial', async () => {
    const { items, denials, getItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const cases: [ReturnType<typeof principal>, string][] = [
      [principal({ tenant: '620302' }), 'TENANT_OUT_OF_SCOPE'],
      [principal({ roles: ['applicant'], tenant: '' }), 'ROLE_REQUIRED'],
      [principal({ kind: 'service', roles: ['service'] }), 'ROLE_REQUIRED'],
    ];
    for (const [actor, code] of cases) {
      const error = await getItem(draft.id, actor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code });
    }
    expect(denials).toHaveLength(3);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const { getItem } = itemsSetup();
    await expect(getItem(fixtureId(9), principal())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getItem('item-1', principal())).rejects.toBeInstanceOf(ValidationError);
  });
});
