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

  it('returns published and superseded editions to anyone, as the public view', async () => {
    const { submittedBy: _s, ...publicPart } = published;
    await expect(getPublishedItem(published.id)).resolves.toEqual({
      ...publicPart,
      createdBy: '',
      editedBy: [],
      reviews: [],
    });
    await expect(getPublishedItem(superseded.id)).resolves.toMatchObject({ id: superseded.id, status: 'superseded' });
  });

  it('leaves out who drafted, edited, submitted and reviewed the edition, and what reviewers wrote', async () => {
    const reviewed = foodBusinessLicence({
      id: testId(),
      createdBy: 'yc-admin',
      editedBy: ['yc-admin', 'yc-admin-2'],
      submittedBy: 'yc-admin-2',
      reviews: [{ approved: true, comments: '同意发布（审核人张三）', reviewer: 'yc-reviewer', at: new Date(0) }],
    });
    const item = await getPublishedItemUseCase({ published: new InMemoryPublishedItems(reviewed) })(reviewed.id);
    expect(item).toMatchObject({ createdBy: '', editedBy: [], reviews: [] });
    expect(item).not.toHaveProperty('submittedBy');
    expect(JSON.stringify(item)).not.toMatch(/yc-admin|yc-reviewer|张三/);
    expect(item.content).toEqual(reviewed.content);
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
