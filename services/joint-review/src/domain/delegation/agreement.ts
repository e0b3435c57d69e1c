import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import type { Attachment } from '../tasks/task';

/**
 * 委托代办协议 (J7): a department with few items or few applications entrusts the center's comprehensive windows
 * (综合窗口) with accepting its cases for the items the agreement names. An item is covered by at most one ACTIVE
 * agreement at a time; a terminated agreement stops covering from the day after its end.
 */
export type AgreementState = 'active' | 'terminated';

export interface DelegatedItem {
  itemSeriesId: string;
  itemName: string;
  itemBasicCode: string;
}

export interface Agreement {
  id: string;
  tenant: string;
  department: string;
  agreementNumber: string;
  items: DelegatedItem[];
  windowIds: string[];
  /** 0 = the tenant's default. */
  transferWorkingDays: number;
  replyWorkingDays: number;
  signedOn: string;
  validFrom: string;
  /** '' = until terminated. */
  validUntil: string;
  documents: Attachment[];
  state: AgreementState;
  terminatedReason: string;
  terminatedOn: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Idempotency key of CreateAgreement and a digest of what it asked (stored, never shown). */
  requestId: string;
  requestFingerprint: string;
}

/** What the center asks for (CreateAgreement / UpdateAgreement). */
export interface AgreementContent {
  department: string;
  agreementNumber: string;
  itemSeriesIds: string[];
  windowIds: string[];
  transferWorkingDays: number;
  replyWorkingDays: number;
  signedOn: string;
  validFrom: string;
  validUntil: string;
}

/** An item as the catalogue knows it (null: the tenant has no such item series). */
export interface ItemOfSeries {
  department: string;
  name: string;
  basicCode: string;
}

/** A window as identity knows it (null: the tenant has no such window). */
export interface WindowFacts {
  comprehensive: boolean;
  servesDepartments: string[];
}

/** What the use case learnt of the content's department, items and windows. */
export interface AgreementFacts {
  departmentKnown: boolean;
  items: Map<string, ItemOfSeries | null>;
  windows: Map<string, WindowFacts | null>;
}

const MAX_NUMBER = 100;
const MAX_ITEMS = 200;
const MAX_WINDOWS = 50;
const MAX_REASON = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

const isDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

function checkDay(v: Violation[], path: string, day: string, what: string, required: boolean): void {
  if (day === '') {
    if (required) v.push({ path, message: `请填写${what}`, reason: 'REQUIRED' });
  } else if (!isDay(day)) {
    v.push({ path, message: `${what}应为YYYY-MM-DD格式的日期`, reason: 'PATTERN' });
  }
}

function checkBudget(v: Violation[], path: string, days: number, what: string): void {
  if (!Number.isInteger(days) || days < 0 || days > 10) {
    v.push({ path, message: `${what}应为1至10个工作日（0表示采用默认时限）`, reason: 'OUT_OF_RANGE' });
  }
}

function checkItems(v: Violation[], c: AgreementContent, facts: AgreementFacts): void {
  if (c.itemSeriesIds.length === 0) v.push({ path: 'items', message: '请至少选择一个委托事项', reason: 'REQUIRED' });
  if (c.itemSeriesIds.length > MAX_ITEMS) {
    v.push({ path: 'items', message: `委托事项最多${MAX_ITEMS}个`, reason: 'TOO_MANY' });
  }
  const seen = new Set<string>();
  c.itemSeriesIds.forEach((id, i) => {
    const path = `items.${i}.itemSeriesId`;
    const item = facts.items.get(id);
    if (id.trim() === '') v.push({ path, message: '请选择事项', reason: 'REQUIRED' });
    else if (seen.has(id)) v.push({ path, message: '该事项已在委托事项中', reason: 'DUPLICATE' });
    else if (!item || item.department !== c.department) {
      v.push({ path, message: '委托部门在本地区没有该事项', reason: 'UNKNOWN' });
    }
    seen.add(id);
  });
}

function checkWindows(v: Violation[], c: AgreementContent, facts: AgreementFacts): void {
  if (c.windowIds.length > MAX_WINDOWS) {
    v.push({ path: 'windowIds', message: `受理窗口最多${MAX_WINDOWS}个`, reason: 'TOO_MANY' });
  }
  const seen = new Set<string>();
  c.windowIds.forEach((id, i) => {
    const path = `windowIds.${i}`;
    const w = facts.windows.get(id);
    if (seen.has(id)) v.push({ path, message: '该窗口已在受理窗口中', reason: 'DUPLICATE' });
    else if (!w || !w.comprehensive || !w.servesDepartments.includes(c.department)) {
      v.push({ path, message: '该窗口不是为委托部门受理的综合窗口', reason: 'UNKNOWN' });
    }
    seen.add(id);
  });
}

/** Every field's problem of an agreement's content, in Chinese. */
export function validateAgreement(c: AgreementContent, facts: AgreementFacts): Violation[] {
  const v: Violation[] = [];
  if (c.department.trim() === '') v.push({ path: 'department', message: '请选择委托部门', reason: 'REQUIRED' });
  else if (!facts.departmentKnown) v.push({ path: 'department', message: '本地区没有该部门', reason: 'UNKNOWN' });
  if (c.agreementNumber.trim() === '') {
    v.push({ path: 'agreementNumber', message: '请填写协议编号', reason: 'REQUIRED' });
  } else if (c.agreementNumber.length > MAX_NUMBER) {
    v.push({ path: 'agreementNumber', message: `协议编号最多${MAX_NUMBER}个字符`, reason: 'TOO_LONG' });
  }
  checkItems(v, c, facts);
  checkWindows(v, c, facts);
  checkBudget(v, 'transferWorkingDays', c.transferWorkingDays, '转办时限');
  checkBudget(v, 'replyWorkingDays', c.replyWorkingDays, '回复时限');
  checkDay(v, 'signedOn', c.signedOn, '签订日期', true);
  checkDay(v, 'validFrom', c.validFrom, '生效日期', true);
  checkDay(v, 'validUntil', c.validUntil, '截止日期', false);
  if (isDay(c.signedOn) && isDay(c.validFrom) && c.validFrom < c.signedOn) {
    v.push({ path: 'validFrom', message: '生效日期不能早于签订日期', reason: 'OUT_OF_RANGE' });
  }
  if (isDay(c.validFrom) && isDay(c.validUntil) && c.validUntil < c.validFrom) {
    v.push({ path: 'validUntil', message: '截止日期不能早于生效日期', reason: 'OUT_OF_RANGE' });
  }
  return v;
}

/** The last day an agreement covers ('' = open-ended). */
export function lastDay(a: Pick<Agreement, 'state' | 'validUntil' | 'terminatedOn'>): string {
  if (a.state === 'terminated') return a.validUntil && a.validUntil < a.terminatedOn ? a.validUntil : a.terminatedOn;
  return a.validUntil;
}

/** Whether two periods [from, until] ('' until = open-ended) share a day. */
export function overlaps(a: { from: string; until: string }, b: { from: string; until: string }): boolean {
  const aEndsBefore = a.until !== '' && a.until < b.from;
  const bEndsBefore = b.until !== '' && b.until < a.from;
  return !aEndsBefore && !bEndsBefore;
}

/** Whether the agreement delegates a case of the item series accepted at the window on the day. */
export function covers(a: Agreement, itemSeriesId: string, windowId: string, day: string): boolean {
  const last = lastDay(a);
  return (
    a.items.some((i) => i.itemSeriesId === itemSeriesId) &&
    (a.windowIds.length === 0 || a.windowIds.includes(windowId)) &&
    a.validFrom <= day &&
    (last === '' || day <= last)
  );
}

/** The content as stored: trimmed, items with the catalogue's name and code. */
function applyContent(c: AgreementContent, facts: AgreementFacts) {
  return {
    department: c.department.trim(),
    agreementNumber: c.agreementNumber.trim(),
    items: c.itemSeriesIds.map((id) => ({
      itemSeriesId: id,
      itemName: facts.items.get(id)?.name ?? '',
      itemBasicCode: facts.items.get(id)?.basicCode ?? '',
    })),
    windowIds: [...c.windowIds],
    transferWorkingDays: c.transferWorkingDays,
    replyWorkingDays: c.replyWorkingDays,
    signedOn: c.signedOn,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
  };
}

export interface RecordAgreementInput {
  id: string;
  tenant: string;
  requestId: string;
  content: AgreementContent;
  facts: AgreementFacts;
  documents: Attachment[];
  by: string;
  at: Date;
}

/** The center records a signed agreement (ACTIVE). */
export function recordAgreement(input: RecordAgreementInput): Agreement {
  const v = validateAgreement(input.content, input.facts);
  if (!REQUEST_ID.test(input.requestId)) {
    v.unshift({ path: 'requestId', message: '请求编号应为8至64位字母、数字、下划线或连字符', reason: 'PATTERN' });
  }
  if (v.length > 0) throw new ValidationError(v);
  return {
    id: input.id,
    tenant: input.tenant,
    ...applyContent(input.content, input.facts),
    documents: input.documents,
    state: 'active',
    terminatedReason: '',
    terminatedOn: '',
    createdBy: input.by,
    createdAt: input.at,
    updatedAt: input.at,
    version: 1,
    requestId: input.requestId,
    requestFingerprint: '',
  };
}

function wrongState(a: Agreement): PreconditionError {
  return new PreconditionError('WRONG_STATE', '该委托代办协议已终止，不能再修改', { currentState: a.state });
}

/** Replaces an ACTIVE agreement's content (the department stays the agreement's own). */
export function updateAgreement(
  a: Agreement,
  content: AgreementContent,
  facts: AgreementFacts,
  documents: Attachment[],
  at: Date,
): Agreement {
  if (a.state !== 'active') throw wrongState(a);
  const v = validateAgreement(content, facts);
  if (content.department !== a.department) {
    v.push({ path: 'department', message: '不能更改协议的委托部门，请终止后另签', reason: 'IMMUTABLE' });
  }
  if (v.length > 0) throw new ValidationError(v);
  return { ...a, ...applyContent(content, facts), documents: [...a.documents, ...documents], updatedAt: at };
}

/** Ends an ACTIVE agreement from `terminatedOn` (today or later; '' = today). */
export function terminateAgreement(
  a: Agreement,
  reason: string,
  terminatedOn: string,
  today: string,
  at: Date,
): Agreement {
  if (a.state !== 'active') throw wrongState(a);
  const v: Violation[] = [];
  if (reason.trim() === '') v.push({ path: 'reason', message: '请填写终止原因', reason: 'REQUIRED' });
  else if (reason.length > MAX_REASON) {
    v.push({ path: 'reason', message: `终止原因最多${MAX_REASON}个字符`, reason: 'TOO_LONG' });
  }
  const day = terminatedOn || today;
  if (terminatedOn !== '' && !isDay(terminatedOn)) {
    v.push({ path: 'terminatedOn', message: '终止日期应为YYYY-MM-DD格式的日期', reason: 'PATTERN' });
  } else if (day < today) {
    v.push({ path: 'terminatedOn', message: '终止日期不能早于今天', reason: 'OUT_OF_RANGE' });
  }
  if (v.length > 0) throw new ValidationError(v);
  return { ...a, state: 'terminated', terminatedReason: reason.trim(), terminatedOn: day, updatedAt: at };
}
