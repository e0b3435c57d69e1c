import { NotFoundError } from '@govhall/errors';
import type { DirectoryNames, Guide, GuidePdfRenderer } from '../public.ports';
import { foodBusinessLicence, InMemoryPublishedItems, testId } from '../get-published-item/published-item.test-double';
import { getGuidePdfUseCase } from './get-guide-pdf.usecase';

const names: DirectoryNames = {
  departmentName: async () => '永昌县市场监督管理局',
  tenantName: async () => '永昌县',
  serviceCenter: async () => undefined,
};

/** Renders the guide's item name and version as the "PDF", counting renderings; can fail once. */
class FakeRenderer implements GuidePdfRenderer {
  renders = 0;
  failNext = false;
  async render(guide: Guide) {
    this.renders += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('font missing');
    }
    return Buffer.from(`${guide.item.name} v${guide.item.version} ${guide.departmentName}`);
  }
}

describe('getGuidePdf', () => {
  let items: InMemoryPublishedItems;
  let renderer: FakeRenderer;
  let getGuidePdf: ReturnType<typeof getGuidePdfUseCase>;

  beforeEach(() => {
    items = new InMemoryPublishedItems();
    renderer = new FakeRenderer();
    getGuidePdf = getGuidePdfUseCase({ published: items, names, pdf: renderer });
  });

  it('renders the guide with a file name of the item and edition', async () => {
    const item = foodBusinessLicence({ id: testId(), edition: 2 });
    items.items.set(item.id, item);
    const result = await getGuidePdf(item.id);
    expect(result.pdf.toString()).toBe('食品经营许可 v4 永昌县市场监督管理局');
    expect(result.fileName).toBe('食品经营许可（第2版）办事指南.pdf');
  });

  it('keeps characters a file name cannot hold out of the file name', async () => {
    const item = foodBusinessLicence({ id: testId(), name: '建设工程规划许可证核发/变更' });
    items.items.set(item.id, item);
    expect((await getGuidePdf(item.id)).fileName).toBe('建设工程规划许可证核发_变更（第1版）办事指南.pdf');
  });

  it('renders a version once, and again when the item has changed (superseded)', async () => {
    const item = foodBusinessLicence({ id: testId() });
    items.items.set(item.id, item);
    await Promise.all([getGuidePdf(item.id), getGuidePdf(item.id)]);
    await getGuidePdf(item.id);
    expect(renderer.renders).toBe(1);
    items.items.set(item.id, { ...item, status: 'superseded', version: item.version + 1 });
    expect((await getGuidePdf(item.id)).pdf.toString()).toContain('v5');
    expect(renderer.renders).toBe(2);
  });

  it('does not keep a failed rendering', async () => {
    const item = foodBusinessLicence({ id: testId() });
    items.items.set(item.id, item);
    renderer.failNext = true;
    await expect(getGuidePdf(item.id)).rejects.toThrow('font missing');
    await expect(getGuidePdf(item.id)).resolves.toMatchObject({ fileName: expect.any(String) });
    expect(renderer.renders).toBe(2);
  });

  it('has no PDF for a draft', async () => {
    const draft = foodBusinessLicence({ id: testId(), status: 'draft' });
    items.items.set(draft.id, draft);
    await expect(getGuidePdf(draft.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(renderer.renders).toBe(0);
  });
});
