import type { Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';
import { emptyContent, type ItemContent, type Review } from './item-content';

/** 四件管理: immediate 即办件, promised 承诺件, joint 联办件, escalated 上报件. */
export const HANDLING_CATEGORIES = ['immediate', 'promised', 'joint', 'escalated'] as const;
export type HandlingCategory = (typeof HANDLING_CATEGORIES)[number];

/** Item kinds: 01 许可 02 处罚 03 强制 04 征收 05 给付 06 检查 07 确认 08 奖励 09 裁决 10 其他 20 公共服务. */
export const ITEM_KINDS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export type ItemStatus = 'draft' | 'submitted' | 'published' | 'superseded' | 'retired';

export interface Item {
  id: string;
  /** All editions of one item share it (the first edition's id). */
  seriesId: string;
  /** 1, 2, … one per edition. */
  edition: number;
  /** The edition this draft was copied from ('' for the first). */
  previousId: string;
  tenant: string;
  name: string;
  basicCode: string;
  kind: ItemKind;
  handlingCategory: HandlingCategory;
  department: string;
  status: ItemStatus;
  /** Aggregate version: 1 at creation, +1 on every change (optimistic concurrency). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  /** Usernames of everyone who created or changed this edition, in order, each once (four-eyes review). */
  editedBy: string[];
  content: ItemContent;
  reviews: Review[];
  submittedAt?: Date;
  /** Username of whoever submitted it for review (the center review must be someone else). */
  submittedBy?: string;
  publishedAt?: Date;
  retiredReason?: string;
}

export interface DraftItemInput {
  tenant: string;
  name: string;
  basicCode: string;
  kind: string;
  handlingCategory: string;
  department: string;
}

/** Item events; each carries the item as it is after the change (topic govhall.catalogue.item). */
export type ItemEvent =
  | { type: 'ItemDraftCreated'; item: Item }
  | { type: 'ItemSubmitted'; item: Item }
  | { type: 'ItemRejected'; item: Item }
  | { type: 'ItemPublished'; item: Item }
  | { type: 'ItemSuperseded'; item: Item; supersededBy: string }
  | { type: 'ItemRetired'; item: Item };

const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;
const BASIC_CODE = /^[0-9A-Z]{12}$/;
const DEPARTMENT_CODE = /^\d{6}(\d{3}(\d{3})?)?-[A-Z0-9]{2,16}$/;

/** Checks a draft's identity fields; every problem is reported with its path, in Chinese. */
export function validateDraft(input: DraftItemInput): Violation[] {
  const v: Violation[] = [];
  if (!REGION_CODE.test(input.tenant)) {
    v.push({ path: 'tenant', message: '租户应为6、9或12位行政区划代码', reason: 'PATTERN' });
  }
  v.push(...textViolations('name', input.name, { label: '事项名称', min: 2, max: 100 }));
  if (!BASIC_CODE.test(input.basicCode)) {
    v.push({ path: 'basicCode', message: '基本编码应为12位数字或大写字母', reason: 'PATTERN' });
  }
  if (!(ITEM_KINDS as readonly string[]).includes(input.kind)) {
    v.push({ path: 'kind', message: `事项类型应为以下之一：${ITEM_KINDS.join('、')}`, reason: 'ENUM' });
  }
  if (!(HANDLING_CATEGORIES as readonly string[]).includes(input.handlingCategory)) {
    v.push({ path: 'handlingCategory', message: '办件类型应为即办件、承诺件、联办件或上报件', reason: 'ENUM' });
  }
  if (!DEPARTMENT_CODE.test(input.department)) {
    v.push({
      path: 'department',
      message: '实施部门编码应为“行政区划代码-部门代码”，如 620321-SCJG',
      reason: 'PATTERN',
    });
  } else if (REGION_CODE.test(input.tenant) && !input.department.startsWith(`${input.tenant}-`)) {
    v.push({ path: 'department', message: '实施部门必须属于本级政务服务中心', reason: 'TENANT_MISMATCH' });
  }
  return v;
}

/** Creates a draft from input already validated by validateDraft. */
export function createDraft(
  input: DraftItemInput,
  id: string,
  now: Date,
  createdBy: string,
): { item: Item; events: ItemEvent[] } {
  const item: Item = {
    id,
    tenant: input.tenant,
    name: normalizeText(input.name),
    basicCode: input.basicCode,
    kind: input.kind as ItemKind,
    handlingCategory: input.handlingCategory as HandlingCategory,
    department: input.department,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy,
    editedBy: [createdBy],
    seriesId: id,
    edition: 1,
    previousId: '',
    content: emptyContent(),
    reviews: [],
  };
  return { item, events: [{ type: 'ItemDraftCreated', item }] };
}

/** True when the same draft input would produce the same item (used to honour idempotency keys). */
export function sameDraft(item: Item, input: DraftItemInput): boolean {
  return (
    item.tenant === input.tenant &&
    item.name === normalizeText(input.name) &&
    item.basicCode === input.basicCode &&
    item.kind === input.kind &&
    item.handlingCategory === input.handlingCategory &&
    item.department === input.department
  );
}
