import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';
import { normalizedContent, type ItemContent } from './item-content';
import { validateDraft, type HandlingCategory, type Item, type ItemEvent, type ItemKind } from './item';
import { validateContentShape, validateItem } from './item-validation';

// Versions and lifecycle: draft → submitted → (center review) published → superseded | retired. A rejected
// submission returns to draft with the reviewer's comments. A published edition never changes again except for
// its status: cases filed under it pin it; changes start a new edition as a draft copy.

/** What an administrator replaces in a draft: the identity fields (the tenant stays) and the content. */
export interface DraftUpdate {
  name: string;
  basicCode: string;
  kind: string;
  handlingCategory: string;
  department: string;
  content: ItemContent;
}

export interface ReviewDecision {
  approve: boolean;
  comments: string;
}

type Change = { item: Item; events: ItemEvent[] };

function requireStatus(item: Item, status: Item['status'], code: string, message: string): void {
  if (item.status !== status) throw new PreconditionError(code, message);
}

function bump(item: Item, now: Date): Pick<Item, 'version' | 'updatedAt'> {
  return { version: item.version + 1, updatedAt: now };
}

function throwIfInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

/**
 * Replaces a draft's identity fields and content; anything but a draft is refused (published editions are immutable).
 * The editor joins the edition's authors, who may not review it.
 */
export function updateDraft(item: Item, update: DraftUpdate, now: Date, editor: string): Change {
  requireStatus(
    item,
    'draft',
    'ITEM_NOT_DRAFT',
    item.status === 'submitted'
      ? '该事项已提交审核，审核退回后才能修改'
      : '已发布的事项版本不能修改，如需调整请新建版本',
  );
  const { content, ...identity } = update;
  throwIfInvalid([
    ...validateDraft({ tenant: item.tenant, ...identity }),
    ...basicCodeKeptViolations(item, identity.basicCode),
    ...validateContentShape(content),
  ]);
  const next: Item = {
    ...item,
    name: normalizeText(identity.name),
    basicCode: identity.basicCode,
    kind: identity.kind as ItemKind,
    handlingCategory: identity.handlingCategory as HandlingCategory,
    department: identity.department,
    content: normalizedContent(content),
    editedBy: item.editedBy.includes(editor) ? item.editedBy : [...item.editedBy, editor],
    ...bump(item, now),
  };
  return { item: next, events: [] };
}

/** A later edition keeps its series' basic code: one basic code is one item of the tenant, changed through editions. */
function basicCodeKeptViolations(item: Item, basicCode: string): Violation[] {
  if (item.edition === 1 || basicCode === item.basicCode) return [];
  return [
    {
      path: 'basicCode',
      reason: 'BASIC_CODE_FIXED',
      message: `新版本沿用该事项的基本编码 ${item.basicCode}，不能修改；其他基本编码请新建事项`,
    },
  ];
}

/** Sends a draft to the center review once the whole item passes validation (every violation is reported). */
export function submit(item: Item, submittedBy: string, now: Date): Change {
  requireStatus(item, 'draft', 'ITEM_NOT_DRAFT', '只有草稿状态的事项可以提交审核');
  throwIfInvalid(validateItem(item));
  const next: Item = { ...item, status: 'submitted', submittedAt: now, submittedBy, ...bump(item, now) };
  return { item: next, events: [{ type: 'ItemSubmitted', item: next }] };
}

/** Rejecting needs comments (2-500 characters); approving may add up to 500. */
export function reviewCommentViolations(decision: ReviewDecision): Violation[] {
  const min = decision.approve ? 0 : 2;
  const violations = textViolations('comments', decision.comments, {
    label: '审核意见',
    min,
    max: 500,
    multiline: true,
  });
  return violations.map((v) =>
    v.reason === 'REQUIRED' ? { ...v, message: '退回修改时请填写审核意见（2至500个字符）' } : v,
  );
}

/** Everyone who wrote (created or changed) or submitted the edition: four-eyes review keeps them all out. */
export function authorsOf(item: Item): string[] {
  const authors = [item.createdBy, ...item.editedBy, ...(item.submittedBy ? [item.submittedBy] : [])];
  return [...new Set(authors.filter((a) => a !== ''))];
}

/**
 * Center review of a submitted item by someone who neither wrote nor submitted it (four-eyes): approval publishes
 * it, rejection returns it to draft with the comments. Superseding the previous edition is the caller's second
 * step (see supersede).
 */
export function review(item: Item, decision: ReviewDecision, reviewer: string, now: Date): Change {
  throwIfInvalid(reviewCommentViolations(decision));
  requireStatus(item, 'submitted', 'ITEM_NOT_SUBMITTED', '该事项不在待审核状态');
  if (authorsOf(item).includes(reviewer)) {
    throw new PreconditionError(
      'SELF_REVIEW',
      '不能审核本人起草、修改或提交的事项版本，请由未参与编写的其他审核人员审核',
    );
  }
  const reviews = [
    ...item.reviews,
    { approved: decision.approve, comments: normalizeText(decision.comments, true), reviewer, at: now },
  ];
  if (decision.approve) {
    const next: Item = { ...item, status: 'published', publishedAt: now, reviews, ...bump(item, now) };
    return { item: next, events: [{ type: 'ItemPublished', item: next }] };
  }
  const next: Item = {
    ...item,
    status: 'draft',
    submittedAt: undefined,
    submittedBy: undefined,
    reviews,
    ...bump(item, now),
  };
  return { item: next, events: [{ type: 'ItemRejected', item: next }] };
}

/** A published edition gives way to a newer published edition of the same series. */
export function supersede(item: Item, newer: Item, now: Date): Change {
  requireStatus(item, 'published', 'ITEM_NOT_PUBLISHED', '只有已发布的事项版本可以被新版本取代');
  if (
    newer.seriesId !== item.seriesId ||
    newer.id === item.id ||
    newer.status !== 'published' ||
    newer.edition <= item.edition
  ) {
    throw new PreconditionError('NOT_A_NEWER_EDITION', '只能由同一事项已发布的更新版本取代');
  }
  const next: Item = { ...item, status: 'superseded', ...bump(item, now) };
  return { item: next, events: [{ type: 'ItemSuperseded', item: next, supersededBy: newer.id }] };
}

/**
 * A draft may be deleted only while nobody but its authors has seen it: never submitted, never reviewed (a returned
 * draft keeps its review history and stays).
 */
export function ensureDeletable(item: Item): void {
  requireStatus(item, 'draft', 'ITEM_NOT_DRAFT', '只有草稿可以删除；已发布的事项请使用停用');
  if (item.reviews.length > 0 || item.submittedAt) {
    throw new PreconditionError('ITEM_EVER_SUBMITTED', '该草稿提交过审核，留有审核记录，不能删除；可修改后重新提交');
  }
}

export function retireReasonViolations(reason: string): Violation[] {
  return textViolations('reason', reason, { label: '废止原因', min: 2, max: 200 });
}

/** Takes a published item out of service, with the reason (cases filed under it keep it). */
export function retire(item: Item, reason: string, now: Date): Change {
  throwIfInvalid(retireReasonViolations(reason));
  requireStatus(item, 'published', 'ITEM_NOT_PUBLISHED', '只有已发布的事项可以废止');
  const next: Item = { ...item, status: 'retired', retiredReason: normalizeText(reason), ...bump(item, now) };
  return { item: next, events: [{ type: 'ItemRetired', item: next }] };
}

/** Starts the next edition of a published item as a draft copy of it (the content deep-copied). */
export function newEdition(published: Item, id: string, now: Date, createdBy: string): Change {
  requireStatus(published, 'published', 'ITEM_NOT_PUBLISHED', '只有已发布的事项可以新建版本');
  const item: Item = {
    id,
    seriesId: published.seriesId,
    edition: published.edition + 1,
    previousId: published.id,
    tenant: published.tenant,
    name: published.name,
    basicCode: published.basicCode,
    kind: published.kind,
    handlingCategory: published.handlingCategory,
    department: published.department,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy,
    editedBy: [createdBy],
    content: structuredClone(published.content),
    reviews: [],
  };
  return { item, events: [{ type: 'ItemDraftCreated', item }] };
}

/** Editions not yet published or set aside: a series has at most one (the next edition in progress). */
export function isOpen(item: Item): boolean {
  return item.status === 'draft' || item.status === 'submitted';
}
