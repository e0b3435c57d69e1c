import { NotFoundError } from '@govhall/errors';
import { InMemoryItems, principal } from '../in-memory-items.test-double';
import { createDraftItemUseCase } from '../create-draft-item/create-draft-item.usecase';
import { getItemUseCase } from './get-item.usecase';

describe('get item', () => {
  it('shows a draft to staff of its tenant only', async () => {
    const items = new InMemoryItems();
    const created = await createDraftItemUseCase({
      items,
      clock: { now: () => new Date() },
      ids: { newId: () => '00000000-0000-4000-8000-000000000001' },
    })(
      {
        idempotencyKey: 'key-00000001',
        tenant: '620321',
        name: '食品经营许可',
        basicCode: '000172028000',
        kind: '01',
        handlingCategory: 'promised',
        department: '620321-SCJG',
      },
      principal(),
    );
    const getItem = getItemUseCase({ items });
    await expect(getItem(created.id, principal({ roles: ['window_clerk'] }))).resolves.toMatchObject({
      id: created.id,
    });
    await expect(getItem(created.id, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getItem(created.id, principal({ roles: ['applicant'] }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
