import type { FeeItemInput } from '../domain/fee-items/fee-item';

/**
 * The local demo's fee register of 永昌县 (620321): the register entries behind the fee lines of the seed catalogue's
 * 存量房转移登记一件事 (services/catalogue/src/seed/items/property-transfer.ts, whose lines name these codes), owned
 * by the departments identity's seed seats there (620321-ZRZY 永昌县自然资源局, 620321-SWJ 国家税务总局永昌县税务局).
 *
 * The 执收单位编码 and the 收入项目编码 (政府收支分类科目) are DEMO VALUES, as the payments tests use them: 10119 is
 * 契税 under 101 税收收入; the non-tax code of the registration fees has not been checked against the current
 * 政府收支分类科目 and must be before a real tenant's register is entered.
 */
export const DEMO_REGISTER_TENANT = '620321';
/** The realm file's center administrator of 620321, who keeps its register (PutFeeItem: center_admin). */
export const DEMO_REGISTER_ADMIN = 'yc-admin';
const TENANT = DEMO_REGISTER_TENANT;
const ZRZY = '620321-ZRZY';
const SWJ = '620321-SWJ';
const ZRZY_COLLECTING_UNIT = '620321001'; // demo value
const SWJ_COLLECTING_UNIT = '620321090'; // demo value
const REGISTRATION_FEE_REVENUE = '103040101'; // demo value (非税收入 / 行政事业性收费收入)
const DEED_TAX_REVENUE = '10119'; // 契税 (101 税收收入)

const REGISTRATION_FEE_BASIS =
  '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';

/**
 * The catalogue seed's 契税 line, in yuan over the case's form data (the same text as its FeeLine formula): 1% of the
 * price for a home of at most 140 m², 1.5% above, 3% for a non-residential property.
 */
export const DEED_TAX_FORMULA =
  'property.use == "住宅" ? (property.area <= 140 ? property.price * 0.01 : property.price * 0.015) : property.price * 0.03';

export const DEMO_FEE_ITEMS: readonly FeeItemInput[] = [
  {
    tenant: TENANT,
    code: 'BDCDJ-ZZ',
    name: '不动产登记费（住宅类）',
    legalBasis: REGISTRATION_FEE_BASIS,
    category: 'administrative',
    department: ZRZY,
    collectingUnitCode: ZRZY_COLLECTING_UNIT,
    revenueCode: REGISTRATION_FEE_REVENUE,
    standardFen: 8000,
    unit: '件',
    formula: '',
    active: true,
  },
  {
    tenant: TENANT,
    code: 'BDCDJ-FZZ',
    name: '不动产登记费（非住宅类）',
    legalBasis: REGISTRATION_FEE_BASIS,
    category: 'administrative',
    department: ZRZY,
    collectingUnitCode: ZRZY_COLLECTING_UNIT,
    revenueCode: REGISTRATION_FEE_REVENUE,
    standardFen: 55000,
    unit: '件',
    formula: '',
    active: true,
  },
  {
    tenant: TENANT,
    code: 'BDCQZS-GBF',
    name: '不动产权证书工本费',
    legalBasis: REGISTRATION_FEE_BASIS,
    category: 'administrative',
    department: ZRZY,
    collectingUnitCode: ZRZY_COLLECTING_UNIT,
    revenueCode: REGISTRATION_FEE_REVENUE,
    standardFen: 1000,
    unit: '本',
    formula: '',
    active: true,
  },
  {
    tenant: TENANT,
    code: 'QS',
    name: '契税',
    legalBasis:
      '《中华人民共和国契税法》第三条；《财政部 税务总局 住房城乡建设部关于促进房地产市场平稳健康发展有关税收政策的公告》（2024年第16号）',
    category: 'tax',
    department: SWJ,
    collectingUnitCode: SWJ_COLLECTING_UNIT,
    revenueCode: DEED_TAX_REVENUE,
    standardFen: 0,
    unit: '件',
    formula: DEED_TAX_FORMULA,
    active: true,
  },
];

/** A register entry as the payments service holds it: the input and its version. */
export type RegisterEntry = FeeItemInput & { version: number };

/** What the seed needs of the payments service, as the named login. */
export interface FeeRegisterApi {
  /** The tenant's register, retired entries included. */
  listFeeItems(tenant: string, as: string): Promise<RegisterEntry[]>;
  /** Creates (expected version 0) or replaces an entry. */
  putFeeItem(item: FeeItemInput, expectedVersion: number, as: string): Promise<RegisterEntry>;
}

export type FeeItemOutcome = 'created' | 'updated' | 'unchanged';

const COMPARED: readonly (keyof FeeItemInput)[] = [
  'name',
  'legalBasis',
  'category',
  'department',
  'collectingUnitCode',
  'revenueCode',
  'standardFen',
  'unit',
  'formula',
  'active',
];

/** Whether the stored entry already says what the seed would write. */
export function sameEntry(stored: FeeItemInput, wanted: FeeItemInput): boolean {
  return COMPARED.every((field) => stored[field] === wanted[field]);
}

/**
 * Puts each entry into the tenant's register as `admin` (its center administrator): a missing one is created, one
 * that differs from the seed (a changed standard, a retired entry) is replaced at its current version, one that is
 * the same is left alone, so a repeat of the seed writes nothing. One at a time, in the given order.
 */
export async function ensureFeeRegister(
  api: FeeRegisterApi,
  admin: string,
  items: readonly FeeItemInput[] = DEMO_FEE_ITEMS,
): Promise<{ code: string; outcome: FeeItemOutcome }[]> {
  const tenants = [...new Set(items.map((i) => i.tenant))];
  const stored = new Map<string, RegisterEntry>();
  for (const tenant of tenants) {
    for (const entry of await api.listFeeItems(tenant, admin)) stored.set(`${entry.tenant}:${entry.code}`, entry);
  }
  const outcomes: { code: string; outcome: FeeItemOutcome }[] = [];
  for (const item of items) {
    const current = stored.get(`${item.tenant}:${item.code}`);
    if (current && sameEntry(current, item)) {
      outcomes.push({ code: item.code, outcome: 'unchanged' });
      continue;
    }
    await api.putFeeItem(item, current?.version ?? 0, admin);
    outcomes.push({ code: item.code, outcome: current ? 'updated' : 'created' });
  }
  return outcomes;
}

/** What the seed prints: each code and what became of it. */
export function describeFeeRegister(tenant: string, outcomes: readonly { code: string; outcome: FeeItemOutcome }[]) {
  const words: Record<FeeItemOutcome, string> = { created: 'created', updated: 'updated', unchanged: 'already there' };
  return `payments seed: fee register of ${tenant}: ${outcomes.map((o) => `${o.code} ${words[o.outcome]}`).join(', ')}`;
}
