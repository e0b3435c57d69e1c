import { NotFoundError } from '@govhall/errors';
import { draftCommand, draftSetup, principal } from '../in-memory-items.test-double';
import { getItemUseCase } from './get-item.usecase';

describe('get item', () => {
  it('shows a draft to staff of its tenant only', async () => {
    const { items, createDraftItem } = draftSetup();
    const created = await createDraftItem(draftCommand, principal());
    const getItem = getItemUseCase({ items });
    await expect(getItem(created.id, principal({ roles: ['window_clerk'] }))).resolves.toMatchObject({
      id: created.id,
    });
    await expect(getItem(created.id, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getItem(created.id, principal({ roles: ['applicant'] }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
