import type { Item } from '../../domain/item';
import {
  FOOD_SAFETY_LAW_35,
  foodBusinessLicence,
  testId,
} from '../../usecases/get-published-item/published-item.test-double';
import { ItemSearchIndex } from './item-search-index';

const PAGE = { offset: 0, limit: 20 };

function item(
  name: string,
  basicCode: string,
  overrides: Partial<Item> = {},
  texts: { legal?: string; faq?: string } = {},
) {
  return foodBusinessLicence(
    { id: testId(), name, basicCode, ...overrides },
    {
      implementationCode: `11620321MB1234567X4${basicCode}`,
      legalBases: texts.legal ? [{ law: texts.legal, article: '第一条', text: '' }] : [],
      materials: [],
      acceptanceConditions: [],
      faq: texts.faq ? [{ question: texts.faq, answer: '' }] : [],
    },
  );
}

const foodBusiness = foodBusinessLicence({ id: testId() });
const foodProduction = foodBusinessLicence(
  { id: testId(), name: '食品生产许可', basicCode: '000117005000' },
  {
    implementationCode: '11620321MB1234567X4000117005000',
    legalBases: [
      FOOD_SAFETY_LAW_35,
      {
        law: '《食品生产许可管理办法》',
        article: '第二条',
        text: '在中华人民共和国境内，从事食品生产活动，应当依法取得食品生产许可。',
      },
    ],
    materials: [
      { ...foodBusiness.content.materials[0]!, id: 'application', name: '食品生产许可申请书' },
      { ...foodBusiness.content.materials[1]!, id: 'site-plan', name: '食品生产加工场所及其周围环境平面图', notes: '' },
    ],
    faq: [{ question: '食品生产许可证有效期是多久？', answer: '有效期为5年。' }],
  },
);
// Mentions 食品 many times, but only outside its name.
const smallCatering = item(
  '小餐饮经营许可',
  '000117099000',
  {},
  { faq: '小餐饮店销售的食品、食品添加剂和食品包装需要另办食品许可吗？' },
);
const prepackaged = item('仅销售预包装食品备案', '000117006100', { kind: '10', handlingCategory: 'immediate' });
const drugRetail = item(
  '药品零售企业许可',
  '000117011000',
  { department: '620321-SCJG' },
  { legal: '《中华人民共和国药品管理法》' },
);
const publicPlaces = item(
  '公共场所卫生许可',
  '000117035000',
  { department: '620321-WJW' },
  { legal: '《公共场所卫生管理条例》' },
);
const cityFood = foodBusinessLicence({ id: testId(), tenant: '620300', department: '620300-SCJG' });

function indexOf(...items: Item[]): ItemSearchIndex {
  const index = new ItemSearchIndex();
  for (const i of items) index.upsert(i);
  return index;
}

const names = (index: ItemSearchIndex, keyword: string, extra: object = {}) =>
  index.search({ keyword, ...PAGE, ...extra }).items.map((i) => i.name);

describe('ItemSearchIndex', () => {
  const all = [publicPlaces, drugRetail, smallCatering, prepackaged, foodProduction, foodBusiness];

  it('ranks 食品经营许可 first for 食品: name prefix, then name contains, then other fields only', () => {
    const index = indexOf(publicPlaces, drugRetail, smallCatering, prepackaged, foodBusiness);
    expect(names(index, '食品', { tenant: '620321' })).toEqual([
      '食品经营许可',
      '仅销售预包装食品备案',
      '小餐饮经营许可',
    ]);
    const [first] = index.search({ keyword: '食品', tenant: '620321', ...PAGE }).items;
    expect(first).toMatchObject({ id: foodBusiness.id, tenant: '620321', edition: 1, onlineDepth: 'fully_online' });
    expect(first!.score).toBeGreaterThan(0);
  });

  it('puts both items named 食品… before the rest, in the order of their scores', () => {
    const page = indexOf(...all).search({ keyword: '食品', ...PAGE });
    expect(
      page.items
        .slice(0, 2)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['食品生产许可', '食品经营许可']);
    expect(page.items[0]!.score).toBeGreaterThanOrEqual(page.items[1]!.score);
    expect(page.items.slice(2).map((i) => i.name)).toEqual(['仅销售预包装食品备案', '小餐饮经营许可']);
  });

  it('within one match tier puts the item handled closest to the applicant first (county before city)', () => {
    const cityProduction: Item = {
      ...foodProduction,
      id: testId(),
      tenant: '620300',
      department: '620300-SCJG',
      content: { ...foodProduction.content, level: 3 },
    };
    const page = indexOf(cityProduction, foodBusiness).search({ keyword: '食品', ...PAGE });
    expect(page.items.map((i) => [i.name, i.tenant])).toEqual([
      ['食品经营许可', '620321'],
      ['食品生产许可', '620300'],
    ]);
  });

  it('gives the same order whatever the insertion order', () => {
    const forward = names(indexOf(...all), '食品');
    const backward = names(indexOf(...[...all].reverse()), '食品');
    expect(backward).toEqual(forward);
  });

  it('puts an exact name before a longer name that starts with it', () => {
    const index = indexOf(item('食品经营许可（变更）', '000117006001'), foodBusiness);
    expect(names(index, '食品经营许可')).toEqual(['食品经营许可', '食品经营许可（变更）']);
  });

  it('breaks equal scores by name length, then by basic code', () => {
    const b = item('乙类许可事项', '000200000002');
    const a = item('乙类许可事项', '000200000001');
    const shorter = item('乙类许可', '000200000009');
    expect(
      indexOf(b, a, shorter)
        .search({ keyword: '乙类', ...PAGE })
        .items.map((i) => i.basicCode),
    ).toEqual(['000200000009', '000200000001', '000200000002']);
  });

  it('finds a 2-character word inside a longer name and in other fields, and a single character', () => {
    const index = indexOf(...all);
    expect(names(index, '许可')).toHaveLength(5); // not 仅销售预包装食品备案
    expect(names(index, '药品')).toEqual(['药品零售企业许可']);
    expect(names(index, '卫生管理条例')).toEqual(['公共场所卫生许可']);
    expect(names(index, '药')).toEqual(['药品零售企业许可']);
  });

  it('requires every word of a multi-word query, and falls back to any word when none holds all', () => {
    const index = indexOf(...all);
    // 食品经营许可 holds 生产 only in its legal basis: after the item named with both words.
    expect(names(index, '食品 生产')).toEqual(['食品生产许可', '食品经营许可']);
    expect(names(index, '餐饮服务活动')).toEqual(['食品经营许可']);
    // No item holds 可证: any-word matches, the item holding more of the words first.
    const fallback = names(index, '药品 许可证');
    expect(fallback[0]).toBe('药品零售企业许可');
    expect(fallback).toHaveLength(5);
  });

  it('finds an item by its basic code, exactly or by prefix, in any case and width', () => {
    const index = indexOf(...all);
    expect(names(index, '000117011000')).toEqual(['药品零售企业许可']);
    expect(names(index, '０００１１７０１１０００')).toEqual(['药品零售企业许可']);
    expect(names(index, '0001170')).toHaveLength(6);
    expect(names(index, '00011700').sort()).toEqual(['仅销售预包装食品备案', '食品生产许可', '食品经营许可']);
    expect(names(index, '0001170350')).toEqual(['公共场所卫生许可']);
  });

  it('finds an item by its 31-character implementation code, exactly or by the credit code prefix', () => {
    const index = indexOf(...all);
    expect(names(index, '11620321MB1234567X4000117005000')).toEqual(['食品生产许可']);
    expect(names(index, '11620321mb1234567x4000117005000')).toEqual(['食品生产许可']);
    expect(names(index, '11620321MB1234567X')).toHaveLength(6);
    expect(names(index, '11620321MB1234567X4000117005000 食品')[0]).toBe('食品生产许可');
  });

  it('filters by tenant, department, kind and handling category', () => {
    const joint = item('公共场所卫生许可（联办）', '000117035001', { handlingCategory: 'joint', kind: '20' });
    const index = indexOf(...all, cityFood, joint);
    expect(index.search({ keyword: '食品经营', ...PAGE }).total).toBe(2);
    expect(index.search({ keyword: '食品经营', tenant: '620300', ...PAGE }).items.map((i) => i.id)).toEqual([
      cityFood.id,
    ]);
    expect(names(index, '许可', { department: '620321-WJW' })).toEqual(['公共场所卫生许可']);
    expect(names(index, '许可', { kind: '20' })).toEqual(['公共场所卫生许可（联办）']);
    expect(names(index, '', { handlingCategory: 'joint' })).toEqual(['公共场所卫生许可（联办）']);
    expect(names(index, '许可', { tenant: '620102' })).toEqual([]);
  });

  it('就近: keeps the items of the applicant’s county and of the tenants above it, the closest first', () => {
    const otherCounty: Item = { ...cityFood, id: testId(), tenant: '620302', department: '620302-SCJG' };
    const province: Item = {
      ...cityFood,
      id: testId(),
      tenant: '620000',
      department: '620000-SCJG',
      content: { ...cityFood.content, level: 2 },
    };
    const index = indexOf(...all, cityFood, otherCounty, province);
    // Without a keyword: the county's own items, then the city's, then the province's; never a sibling county's.
    const listed = index.search({ keyword: '', near: '620321', ...PAGE }).items.map((i) => i.tenant);
    expect(listed).toEqual([...all.map(() => '620321'), '620300', '620000']);
    // With one: the same region, ranked as ever (the county's 食品经营许可 before the city's).
    expect(index.search({ keyword: '食品经营许可', near: '620321', ...PAGE }).items.map((i) => i.tenant)).toEqual([
      '620321',
      '620300',
      '620000',
    ]);
    // A town of the county sees the county's items and those above.
    expect(index.search({ keyword: '食品经营许可', near: '620321100', ...PAGE }).total).toBe(3);
    // The city does not see its counties' items.
    expect(index.search({ keyword: '', near: '620300', ...PAGE }).items.map((i) => i.tenant)).toEqual([
      '620300',
      '620000',
    ]);
  });

  it('lists without a keyword by tenant, department and basic code', () => {
    const index = indexOf(...all, cityFood);
    const listed = index.search({ keyword: '  ', ...PAGE }).items;
    expect(listed.map((i) => `${i.tenant} ${i.department} ${i.basicCode}`)).toEqual([
      '620300 620300-SCJG 000117006000',
      '620321 620321-SCJG 000117005000',
      '620321 620321-SCJG 000117006000',
      '620321 620321-SCJG 000117006100',
      '620321 620321-SCJG 000117011000',
      '620321 620321-SCJG 000117099000',
      '620321 620321-WJW 000117035000',
    ]);
    expect(listed.every((i) => i.score === 0)).toBe(true);
  });

  it('pages through the ranked results with the total of all matches', () => {
    const index = indexOf(...all);
    const whole = names(index, '许可');
    const first = index.search({ keyword: '许可', offset: 0, limit: 2 });
    const second = index.search({ keyword: '许可', offset: 2, limit: 2 });
    const last = index.search({ keyword: '许可', offset: 4, limit: 2 });
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items, ...last.items].map((i) => i.name)).toEqual(whole);
    expect(last.items).toHaveLength(1);
  });

  it('replaces an item by a newer version, ignores an older one, and drops it when it stops being published', () => {
    const index = indexOf(foodBusiness);
    index.upsert({ ...foodBusiness, name: '食品经营许可（含网络经营）', version: 6 });
    index.upsert({ ...foodBusiness, version: 5 });
    expect(names(index, '网络')).toEqual(['食品经营许可（含网络经营）']);
    index.upsert({ ...foodBusiness, status: 'superseded', version: 7 });
    expect(index.search({ keyword: '食品', ...PAGE }).total).toBe(0);
    expect(index.size).toBe(0);
  });

  it('ignores drafts and removes items by id', () => {
    const index = indexOf({ ...drugRetail, status: 'draft' }, foodBusiness);
    expect(names(index, '许可')).toEqual(['食品经营许可']);
    index.remove(foodBusiness.id);
    expect(names(index, '许可')).toEqual([]);
  });

  describe('reconcile (refresh from the database)', () => {
    it('adds, updates and removes to match the snapshot', () => {
      const index = indexOf(foodBusiness, drugRetail);
      const mark = index.beginRefresh();
      const renamed = { ...foodBusiness, name: '食品经营许可证核发', version: 5 };
      index.reconcile(
        mark,
        new Map([
          [renamed.id, 5],
          [publicPlaces.id, publicPlaces.version],
        ]),
        [renamed, publicPlaces],
      );
      expect(index.ids().sort()).toEqual([foodBusiness.id, publicPlaces.id].sort());
      expect(names(index, '核发')).toEqual(['食品经营许可证核发']);
    });

    it('does not undo what this process wrote after the snapshot started', () => {
      const index = indexOf(foodBusiness);
      const mark = index.beginRefresh();
      index.upsert(drugRetail); // published here while the snapshot was read
      index.remove(foodBusiness.id); // retired here while the snapshot was read
      index.reconcile(mark, new Map([[foodBusiness.id, foodBusiness.version]]), [foodBusiness]);
      expect(index.ids()).toEqual([drugRetail.id]);
      // The next refresh sees the database after those writes and applies it in full.
      const next = index.beginRefresh();
      index.reconcile(next, new Map([[foodBusiness.id, foodBusiness.version]]), [foodBusiness]);
      expect(index.ids()).toEqual([foodBusiness.id]);
    });

    it('skips a fetched item whose version differs from the snapshot', () => {
      const index = new ItemSearchIndex();
      index.reconcile(index.beginRefresh(), new Map([[foodBusiness.id, 9]]), [foodBusiness]);
      expect(index.size).toBe(0);
    });
  });
});
