import type { CaseStatus, DeliveryMethod, HandlingCategory, Outcome } from '../domain/case';
import {
  DEMO_CAST,
  DEMO_FORMS,
  companyFilerFor,
  personFor,
  type DemoCast,
  type DemoForm,
  type DemoPerson,
} from './demo-forms';

/**
 * Which demo cases the seed leaves in a tenant, and in which state: every state of the case state machine that the
 * tenant's published items and staff allow. Pure data from what the seed found (the tenant's published items and
 * its windows), so the plan is unit-tested without a stack.
 */

/** Every state, in the order of the state machine (case.proto). */
export const ALL_STATES: readonly CaseStatus[] = [
  'draft',
  'returned',
  'pre_review',
  'supplement',
  'pre_review_passed',
  'awaiting_paper',
  'processing',
  'suspended',
  'joint_review',
  'escalated',
  'approved',
  'completed',
  'delivered',
  'archived',
  'not_accepted',
  'voided',
  'withdrawn',
];

/** A published item of the tenant as the seed sees it. */
export interface SeedableItem {
  itemId: string;
  basicCode: string;
  name: string;
  handlingCategory: HandlingCategory;
  department: string;
  /** A window of the tenant serves the item's department (submissions reach a window, ADR 0023). */
  served: boolean;
  /**
   * The tenant's seeded staff can work it: its department is a window's own department, where identity's seed
   * seats the clerks, reviewer, approver and head (department-scoped roles act only there).
   */
  staffed: boolean;
  /** The edition needs a visit: an online case waits for paper originals (A24, ADR 0024). */
  visits: number;
  deliveryOptions: DeliveryMethod[];
}

/** One demo case: opened (or registered) with a fixed idempotency key and driven to `target`. */
export interface DemoCase {
  /** Idempotency key of OpenCase / RegisterWalkIn: a re-run finds the same case. */
  key: string;
  tenant: string;
  itemId: string;
  itemName: string;
  basicCode: string;
  department: string;
  target: CaseStatus;
  /** How it gets there, in Chinese (printed). */
  story: string;
  channel: 'online' | 'counter';
  /** Who applies (logs in with the ID number); for a company, the person filing for it. */
  filer: DemoPerson;
  /** Files for the demo company (its credit code), not as the natural person. */
  forCompany: boolean;
  /** Faulty form and a missing material: the automatic pre-review returns it. */
  faulty?: boolean;
  /** Voided as a draft by the applicant (no case number). */
  voidDraft?: boolean;
  /** Voided at pre-review by the window as a duplicate. */
  voidAtWindow?: boolean;
  /** Withdrawn by the applicant from this state. */
  withdrawFrom?: CaseStatus;
  outcome?: Outcome;
  delivery?: DeliveryMethod;
}

/** A state no demo case reaches in a tenant, with the reason (printed). */
export interface MissingState {
  state: CaseStatus;
  reason: string;
}

export interface TenantPlan {
  tenant: string;
  cases: DemoCase[];
  missing: MissingState[];
}

const pick = (items: readonly SeedableItem[], category: HandlingCategory) =>
  items.find((i) => i.handlingCategory === category && i.staffed);

/**
 * The demo cases of one tenant from its published items: those with a demo form (by basic code) that a window
 * serves. Window and handling acts need an item the seeded staff can work (`staffed`).
 */
export function planTenant(
  tenant: string,
  items: readonly SeedableItem[],
  forms: Readonly<Record<string, DemoForm>> = DEMO_FORMS,
  cast: DemoCast = DEMO_CAST,
): TenantPlan {
  const known = items.filter((i) => i.served && forms[i.basicCode]);
  const promised = pick(known, 'promised');
  const immediate = pick(known, 'immediate');
  const joint = pick(known, 'joint');
  const escalated = pick(known, 'escalated');
  // Without a promised item the seeded staff can work, the applicant's side still shows on any served item.
  const applicantOnly = promised ?? known[0];
  const cases: DemoCase[] = [];

  const add = (item: SeedableItem, slug: string, target: CaseStatus, story: string, extra: Partial<DemoCase> = {}) => {
    const form = forms[item.basicCode]!;
    const forCompany = form.applicant === 'company';
    cases.push({
      key: `demo-${tenant}-${slug}`,
      tenant,
      itemId: item.itemId,
      itemName: item.name,
      basicCode: item.basicCode,
      department: item.department,
      target,
      story,
      channel: 'online',
      filer: forCompany ? companyFilerFor(tenant, cast) : personFor(tenant, cast),
      forCompany,
      ...extra,
    });
  };

  if (applicantOnly) {
    const i = applicantOnly;
    add(i, 'draft', 'draft', '网上申报草稿，已上传部分材料');
    add(i, 'draft-voided', 'voided', '申请人作废草稿', { voidDraft: true });
    add(i, 'returned', 'returned', '提交后自动预审未通过（身份证号码校验、缺少材料），退回修改', { faulty: true });
    add(i, 'pre-review', 'pre_review', '提交后自动预审通过，在窗口待预审');
    add(i, 'withdrawn-early', 'withdrawn', '在窗口待预审时申请人撤回', { withdrawFrom: 'pre_review' });
  }
  if (promised) {
    const p = promised;
    const offers = (m: DeliveryMethod) => p.deliveryOptions.length === 0 || p.deliveryOptions.includes(m);
    add(p, 'supplement', 'supplement', '窗口出具一次性告知书，待申请人补正');
    add(p, 'pre-review-passed', 'pre_review_passed', '窗口预审通过，尚未报送受理');
    if (p.visits > 0) add(p, 'awaiting-paper', 'awaiting_paper', '预审通过并报送受理，待递交纸质材料原件');
    add(p, 'processing', 'processing', '已受理，在审查环节办理中');
    add(p, 'suspended', 'suspended', '已受理，因检测进入特别程序，中止计时');
    add(p, 'withdrawn', 'withdrawn', '已受理后申请人在决定前撤回', { withdrawFrom: 'processing' });
    add(p, 'approved', 'approved', '审查通过，作出准予许可决定，待制证', { outcome: 'approved' });
    add(p, 'completed-approved', 'completed', '准予许可并已制证（办结），待窗口领取', {
      outcome: 'approved',
      delivery: offers('window_pickup') ? 'window_pickup' : p.deliveryOptions[0]!,
    });
    add(p, 'completed-denied', 'completed', '作出不予许可决定（办结），告知复议和诉讼途径', { outcome: 'denied' });
    for (const [slug, method, words] of [
      ['delivered-pickup', 'window_pickup', '凭取件码窗口领取'],
      ['delivered-post', 'post', '邮寄送达'],
      ['delivered-electronic', 'electronic', '电子送达'],
    ] as const) {
      if (offers(method)) {
        add(p, slug, 'delivered', `准予许可、制证并${words}`, { outcome: 'approved', delivery: method });
      }
    }
    add(p, 'archived', 'archived', '电子送达后归档', { outcome: 'approved', delivery: 'electronic' });
    add(p, 'not-accepted', 'not_accepted', '窗口作出不予受理决定，告知理由和救济途径');
    add(p, 'voided-duplicate', 'voided', '窗口以重复申报作废', { voidAtWindow: true });
  }
  if (immediate) {
    add(immediate, 'on-the-spot', 'completed', '即办件：窗口登记、当场更正并当场办结', {
      channel: 'counter',
      outcome: 'approved',
    });
  }
  if (joint) add(joint, 'joint-review', 'joint_review', '联办件：牵头窗口受理后转联合审查');
  if (escalated) add(escalated, 'escalated', 'escalated', '上报件：窗口受理后报上级中心');

  const covered = new Set(cases.map((c) => c.target));
  const missing = ALL_STATES.filter((s) => !covered.has(s)).map((state) => ({
    state,
    reason: whyMissing(state, items),
  }));
  return { tenant, cases, missing };
}

function whyMissing(state: CaseStatus, items: readonly SeedableItem[]): string {
  const staffedItems = items.filter((i) => i.staffed);
  if (items.length === 0) return '本区划没有已发布的事项';
  if (state === 'joint_review' || state === 'escalated') {
    const category = state === 'joint_review' ? 'joint' : 'escalated';
    const words = state === 'joint_review' ? '联办件' : '上报件';
    const any = items.filter((i) => i.handlingCategory === category);
    if (any.length === 0) return `本区划没有已发布的${words}事项`;
    return `本区划的${words}事项（${any.map((i) => i.name).join('、')}）不属于窗口所在部门，演示工作人员无法受理`;
  }
  if (state === 'awaiting_paper') return '承诺件无需到现场递交纸质材料';
  if (staffedItems.length === 0) {
    return `本区划已发布的事项（${items.map((i) => i.name).join('、')}）不属于窗口所在部门，演示工作人员无法办理窗口及审批环节`;
  }
  return '本区划没有可由演示工作人员办理的承诺件';
}
