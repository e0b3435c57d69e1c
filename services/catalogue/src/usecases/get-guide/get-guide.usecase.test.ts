import { NotFoundError } from '@govhall/errors';
import type { DirectoryNames } from '../public.ports';
import { foodBusinessLicence, InMemoryPublishedItems, testId } from '../get-published-item/published-item.test-double';
import { getGuideUseCase } from './get-guide.usecase';

const CENTER = {
  windowLocation: '永昌县政务服务中心（甘肃省金昌市永昌县城关镇北海子路）',
  hours: '周一至周五',
  consultationPhone: '0935-12345',
  complaintPhone: '0935-12345',
};

const names: DirectoryNames = {
  departmentName: async (code) =>
    ({ '620321-SCJG': '永昌县市场监督管理局', '620321-ZRZY': '永昌县自然资源局' })[code] ?? code,
  tenantName: async (code) => (code === '620321' ? '永昌县' : code),
  serviceCenter: async (tenant) => (tenant === '620321' ? CENTER : undefined),
};

describe('getGuide', () => {
  const item = foodBusinessLicence(
    { id: testId(), handlingCategory: 'joint' },
    { coDepartments: ['620321-ZRZY', '620321-JTYS'] },
  );
  const elsewhere = foodBusinessLicence({ id: testId(), tenant: '629999', department: '629999-SCJG' });
  const draft = foodBusinessLicence({ id: testId(), status: 'draft' });
  const getGuide = getGuideUseCase({ published: new InMemoryPublishedItems(item, elsewhere, draft), names });

  it('joins the item with its department, tenant and service center', async () => {
    const { submittedBy: _s, ...publicPart } = item;
    await expect(getGuide(item.id)).resolves.toEqual({
      item: { ...publicPart, createdBy: '', editedBy: [], reviews: [] },
      departmentName: '永昌县市场监督管理局',
      tenantName: '永昌县',
      center: CENTER,
      coDepartmentNames: ['永昌县自然资源局', '620321-JTYS'],
    });
  });

  it('falls back to the codes and the item location when the directory does not know the tenant', async () => {
    await expect(getGuide(elsewhere.id)).resolves.toMatchObject({
      departmentName: '629999-SCJG',
      tenantName: '629999',
      center: elsewhere.content.location,
    });
  });

  it('has no guide for a draft', async () => {
    await expect(getGuide(draft.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
