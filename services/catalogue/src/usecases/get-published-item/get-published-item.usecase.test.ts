import { NotFoundError, ValidationError } from '@govhall/errors';
import { getPublishedItemUseCase } from './get-published-item.usecase';
import { foodBusinessLicence, InMemoryPublishedItems, testId } from './published-item.test-double';

describe('getPublishedItem', () => {
  const published = foodBusinessLicence({ id: testId() });
  const superseded = foodBusinessLicence({ id: testId(), status: 'superseded' });
  const draft = foodBusinessLicence({ id: testId(), status: 'draft', publishedAt: undefined });
  const submitted = foodBusinessLicence({ id: testId(), status: 'submitted' });
  const retired = foodBusinessLicence({ id: testId(), status: 'retired', retiredReason: '职能调整' });
  const getPublishedItem = getPublishedItemUseCase({
    published: new InMemoryPublishedItems(published, superseded, draft, submitted, retired),
  });

  it('returns published and superseded editions to anyone', async () => {
    await expect(getPublishedItem(published.id)).resolves.toEqual(published);
    await expect(getPublishedItem(superseded.id)).resolves.toEqual(superseded);
  });

  it.each([
    ['a draft', draft.id],
    ['a submitted item', submitted.id],
    ['a retired item', retired.id],
    ['an unknown id', testId()],
  ])('answers NOT_FOUND for %s', async (_label, id) => {
    await expect(getPublishedItem(id)).rejects.toEqual(new NotFoundError('ITEM_NOT_FOUND', '未找到该事项'));
  });

  it('rejects an id that is not a UUID', async () => {
    await expect(getPublishedItem('食品经营许可')).rejects.toBeInstanceOf(ValidationError);
  });
});
