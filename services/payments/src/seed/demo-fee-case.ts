/**
 * The local demo's case with fees: 张三 buys 李四's flat in 永昌县 and applies online for the seed catalogue's
 * 存量房转移登记一件事 (services/catalogue/src/seed/items/property-transfer.ts, led by 620321-ZRZY, with 620321-ZJJ
 * and 620321-SWJ reviewing in parallel). The seed drives it, each act by the person whose act it is, to the point
 * where the applicant has a 缴款通知书 to pay at the bank stand-in: the window accepts it, the two co-departments'
 * window leads agree in the joint review, 自然资源局's approver concludes the review and approves, and the two owning
 * departments assess their lines (登记费, a fixed line of ZRZY; 契税, a formula line of SWJ).
 *
 * Data here; the walk in drive-fee-case.ts.
 */

export const FEE_CASE_TENANT = '620321';
export const FEE_CASE_BASIC_CODE = '000109901000';
/** OpenCase's idempotency key: a re-run finds the same case. */
export const FEE_CASE_KEY = 'demo-620321-property-transfer-fees';

const ZRZY = '620321-ZRZY';
const SWJ = '620321-SWJ';

/** The seller and the buyer: identity's demo applicants (services/identity/src/seed/demo-people.seed.ts). */
export const FEE_CASE_BUYER = { name: '张三', idNumber: '62032119900307123X', phone: '13909350001' } as const;
const SELLER = { name: '李四', idNumber: '620321198506122049', phone: '13909350002' } as const;

/** A 96.5 m² home for 368 000 yuan: 契税 1% = 3 680 yuan, 登记费 80 yuan (住宅), 3 760 yuan in all. */
export const FEE_CASE_FORM = {
  seller: SELLER,
  buyer: FEE_CASE_BUYER,
  property: {
    certificateNo: '甘（2019）永昌县不动产权第0001234号',
    address: '永昌县城关镇北海子路18号3单元402室',
    area: 96.5,
    use: '住宅',
    price: 368000,
  },
  contract: { netSignNo: 'YCCL2026001234' },
};

/** The materials uploaded online (the optional ones — co-owners' consent, power of attorney — do not apply). */
export const FEE_CASE_MATERIALS = ['application-form', 'parties-id', 'title-certificate', 'sale-contract'] as const;

/** The lead department's approver (concludes the joint review, decides); made by the seed through identity. */
export const FEE_CASE_APPROVER = {
  tenant: FEE_CASE_TENANT,
  department: ZRZY,
  username: 'ycx-zrzy-approver',
  displayName: '永昌县自然资源局审批人员',
  phone: '13909352113',
  roles: ['approver'],
  /** The center administrator who creates the login. */
  admin: 'yc-admin',
} as const;

/**
 * Who assesses each owning department's lines: the departments' window clerks the joint-review seed made (A posts
 * of windows C05 and C04), with the quantity of each fixed line (0: not charged in this case).
 */
export const FEE_CASE_ASSESSMENTS: readonly { department: string; by: string; quantities: Record<string, number> }[] = [
  { department: ZRZY, by: 'ycx-zrzy-clerk', quantities: { 'BDCDJ-ZZ': 1, 'BDCDJ-FZZ': 0, 'BDCQZS-GBF': 0 } },
  { department: SWJ, by: 'ycx-swj-clerk', quantities: {} },
];

/** What the applicant then owes, in fen (the test of the walk and the printed sheet check it). */
export const FEE_CASE_TOTAL_FEN = 376_000;
