import type { Item } from '../../domain/item';
import { emptyContent, type ItemContent } from '../../domain/item-content';
import type { PublishedItems } from '../public.ports';

// Published items for the public reading side's unit tests (search, guide, PDF, files).

let counter = 0;

export const FOOD_SAFETY_LAW_35 = {
  law: '《中华人民共和国食品安全法》',
  article: '第三十五条',
  text: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可。',
};

/** A UUID-shaped id that sorts in creation order. */
export function testId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

/** 食品经营许可 of 永昌县, published, with the content a guide shows. */
export function foodBusinessLicence(overrides: Partial<Item> = {}, content: Partial<ItemContent> = {}): Item {
  const id = overrides.id ?? testId();
  return {
    id,
    seriesId: id,
    edition: 1,
    previousId: '',
    tenant: '620321',
    name: '食品经营许可',
    basicCode: '000117006000',
    kind: '01',
    handlingCategory: 'promised',
    department: '620321-SCJG',
    status: 'published',
    version: 4,
    createdAt: new Date('2026-01-05T02:00:00Z'),
    updatedAt: new Date('2026-01-09T02:00:00Z'),
    createdBy: 'sub-yc-admin',
    editedBy: ['sub-yc-admin'],
    submittedAt: new Date('2026-01-08T02:00:00Z'),
    publishedAt: new Date('2026-01-09T02:00:00Z'),
    reviews: [],
    ...overrides,
    content: {
      ...emptyContent(),
      implementationCode: '11620321MB1234567X4000117006000',
      level: 4,
      serviceObject: 'enterprise',
      legalBases: [
        FOOD_SAFETY_LAW_35,
        {
          law: '《食品经营许可和备案管理办法》',
          article: '第二条',
          text: '在中华人民共和国境内，从事食品销售和餐饮服务活动，应当依法取得食品经营许可。',
        },
      ],
      acceptanceConditions: ['申请人已取得营业执照等合法主体资格', '具有与经营的食品品种、数量相适应的经营场所'],
      materials: [
        {
          id: 'application',
          name: '食品经营许可申请书',
          required: true,
          condition: '',
          form: 'original',
          originalCount: 1,
          copyCount: 0,
          formats: ['pdf'],
          maxSizeKb: 2048,
          blankFormFileId: '',
          sampleFileId: '',
          notes: '',
          satisfiedByLicenceType: '',
        },
        {
          id: 'premises-plan',
          name: '经营场所平面布局图',
          required: true,
          condition: '',
          form: 'copy',
          originalCount: 0,
          copyCount: 1,
          formats: ['pdf', 'jpg'],
          maxSizeKb: 4096,
          blankFormFileId: '',
          sampleFileId: '',
          notes: '标明设备布局和卫生设施',
          satisfiedByLicenceType: '',
        },
      ],
      statutoryLimit: { days: 10, unit: 'working_day' },
      promisedLimit: { days: 5, unit: 'working_day' },
      visits: 0,
      workflow: [
        {
          name: '受理',
          role: 'window_clerk',
          budgetWorkingDays: 1,
          responsibleName: '张敏',
          responsiblePhone: '0935-7521001',
        },
        {
          name: '审查',
          role: 'reviewer',
          budgetWorkingDays: 3,
          responsibleName: '李强',
          responsiblePhone: '0935-7521002',
        },
        {
          name: '决定',
          role: 'approver',
          budgetWorkingDays: 1,
          responsibleName: '王芳',
          responsiblePhone: '0935-7521003',
        },
      ],
      location: {
        windowLocation: '永昌县政务服务中心一楼B01窗口',
        hours: '周一至周五 9:00-12:00 14:30-18:00',
        consultationPhone: '0935-7521000',
        complaintPhone: '0935-12345',
      },
      onlineDepth: 'fully_online',
      deliveryOptions: ['window_pickup', 'electronic'],
      faq: [{ question: '仅销售预包装食品需要办理许可吗？', answer: '仅销售预包装食品的，办理备案即可，无需许可。' }],
      ...content,
    },
  };
}

/** Items of every status, read as the public reading side's port reads them. */
export class InMemoryPublishedItems implements PublishedItems {
  readonly items = new Map<string, Item>();

  constructor(...items: Item[]) {
    for (const item of items) this.items.set(item.id, item);
  }

  async findPublic(id: string) {
    const item = this.items.get(id);
    return item && (item.status === 'published' || item.status === 'superseded') ? item : null;
  }

  async isFileReferenced(tenant: string, fileId: string) {
    return [...this.items.values()].some(
      (i) =>
        i.tenant === tenant &&
        (i.status === 'published' || i.status === 'superseded') &&
        i.content.materials.some((m) => m.blankFormFileId === fileId || m.sampleFileId === fileId),
    );
  }

  async publishedBasicCodes(tenant: string, basicCodes: readonly string[]) {
    const found = [...this.items.values()]
      .filter((i) => i.tenant === tenant && i.status === 'published' && basicCodes.includes(i.basicCode))
      .map((i) => i.basicCode);
    return [...new Set(found)];
  }
}
