import { checkText, ID_NUMBER_IN_TEXT, MOBILE_IN_TEXT } from '@govhall/identifiers';
import type { Matter } from '../clocks/matter';

/**
 * One historical case of the S31 import (the service README documents the layout, ADR 0044): a JSON object per line of a JSON Lines
 * file. The applicant comes masked (张*); no ID number or phone number may appear in any field.
 */
export interface HistoricalCaseRow {
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  department: string;
  windowId: string;
  channel: 'online' | 'counter';
  applicantName: string;
  receivedDate: string;
  acceptedDate: string;
  decidedDate: string;
  /** 办结 (or the day the case ended otherwise: not accepted, withdrawn, voided). */
  completedDate: string;
  promisedLimitWorkingDays: number;
  statutoryLimitWorkingDays: number;
  outcome: HistoricalOutcome;
}

export type HistoricalOutcome = 'approved' | 'denied' | 'not_accepted' | 'withdrawn' | 'voided';

const OUTCOMES: readonly HistoricalOutcome[] = ['approved', 'denied', 'not_accepted', 'withdrawn', 'voided'];
const FIELDS: readonly (keyof HistoricalCaseRow)[] = [
  'caseNumber',
  'itemName',
  'itemBasicCode',
  'department',
  'windowId',
  'channel',
  'applicantName',
  'receivedDate',
  'acceptedDate',
  'decidedDate',
  'completedDate',
  'promisedLimitWorkingDays',
  'statutoryLimitWorkingDays',
  'outcome',
];
const LABELS: Record<keyof HistoricalCaseRow, string> = {
  caseNumber: '办件编号',
  itemName: '事项名称',
  itemBasicCode: '事项基本编码',
  department: '办理部门',
  windowId: '受理窗口',
  channel: '申请渠道',
  applicantName: '申请人',
  receivedDate: '收件日期',
  acceptedDate: '受理日期',
  decidedDate: '决定日期',
  completedDate: '办结日期',
  promisedLimitWorkingDays: '承诺时限',
  statutoryLimitWorkingDays: '法定时限',
  outcome: '办理结果',
};

/** A refused row: its line in the file, the field and why, in Chinese. */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

const CASE_NUMBER = /^[A-Za-z0-9-]{6,40}$/;
const BASIC_CODE = /^[A-Za-z0-9]{1,32}$/;
const WINDOW = /^[A-Za-z0-9._-]{1,64}$/;
const DEPARTMENT = /^\d{6}(\d{3}){0,2}-[A-Z0-9]{1,16}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERSONAL = new RegExp(`${ID_NUMBER_IN_TEXT}|${MOBILE_IN_TEXT}`);
const MAX_LIMIT = 400;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Validates one parsed line for `tenant` as of `today`: the row, or every problem found (the row is then stored
 * not at all). Dates are calendar dates not after today, in order (收件 ≤ 受理 ≤ 决定 ≤ 办结); an approved or denied
 * case has its acceptance and decision; the promised limit does not exceed the statutory one.
 */
export function checkHistoricalRow(
  value: unknown,
  line: number,
  at: { tenant: string; today: string },
): { row: HistoricalCaseRow } | { problems: RowProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ line, field: '', message: `第${line}行应为一个JSON对象` }] };
  }
  const raw = value as Record<string, unknown>;
  const problems: RowProblem[] = [];
  const add = (field: string, message: string) => problems.push({ line, field, message: `第${line}行：${message}` });
  for (const key of Object.keys(raw)) {
    if (!(FIELDS as readonly string[]).includes(key)) add(key, `「${key}」不是历史办件导入格式中的字段`);
  }
  const text = (f: keyof HistoricalCaseRow, required: boolean): string => {
    const v = raw[f];
    if (v === undefined || v === null || v === '') {
      if (required) add(f, `请填写${LABELS[f]}`);
      return '';
    }
    if (typeof v !== 'string') {
      add(f, `${LABELS[f]}应为文本`);
      return '';
    }
    if (PERSONAL.test(v)) {
      add(f, `${LABELS[f]}不得包含身份证号码或手机号码，请脱敏后导入`);
      return '';
    }
    return v;
  };
  const whole = (f: 'promisedLimitWorkingDays' | 'statutoryLimitWorkingDays'): number => {
    const v = raw[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_LIMIT) {
      add(f, `${LABELS[f]}应为0至${MAX_LIMIT}的整数（工作日）`);
      return -1;
    }
    return v;
  };
  const caseNumber = text('caseNumber', true);
  if (caseNumber && !CASE_NUMBER.test(caseNumber)) add('caseNumber', '办件编号应为6至40位字母、数字或连字符');
  const itemName = text('itemName', true);
  if (itemName) {
    const checked = checkText(itemName, { label: '事项名称', min: 1, max: 100 });
    if (!checked.ok) add('itemName', checked.violation.message);
  }
  const itemBasicCode = text('itemBasicCode', false);
  if (itemBasicCode && !BASIC_CODE.test(itemBasicCode)) add('itemBasicCode', '事项基本编码格式不正确');
  const department = text('department', true);
  if (department && !DEPARTMENT.test(department)) add('department', '办理部门代码格式不正确');
  else if (department && !department.startsWith(`${at.tenant}-`)) add('department', '办理部门应为本级进驻部门');
  const windowId = text('windowId', false);
  if (windowId && !WINDOW.test(windowId)) add('windowId', '受理窗口标识格式不正确');
  const channel = text('channel', true);
  if (channel && channel !== 'online' && channel !== 'counter')
    add('channel', '申请渠道应为 online（网上）或 counter（窗口）');
  const applicantName = text('applicantName', false);
  if (applicantName && !applicantName.includes('*')) add('applicantName', '申请人应已脱敏（如「张*」）');
  const dates = (['receivedDate', 'acceptedDate', 'decidedDate', 'completedDate'] as const).map((f) => {
    const d = text(f, f === 'receivedDate' || f === 'completedDate');
    if (!d) return '';
    if (!validDate(d)) {
      add(f, `${LABELS[f]}应为有效日期（YYYY-MM-DD）`);
      return '';
    }
    if (d > at.today) {
      add(f, `${LABELS[f]}不能晚于今天`);
      return '';
    }
    return d;
  });
  const [receivedDate, acceptedDate, decidedDate, completedDate] = dates as [string, string, string, string];
  const order: [string, keyof HistoricalCaseRow][] = [
    [receivedDate, 'receivedDate'],
    [acceptedDate, 'acceptedDate'],
    [decidedDate, 'decidedDate'],
    [completedDate, 'completedDate'],
  ];
  let previous: [string, keyof HistoricalCaseRow] | undefined;
  for (const [d, f] of order) {
    if (!d) continue;
    if (previous && d < previous[0]) add(f, `${LABELS[f]}不能早于${LABELS[previous[1]]}`);
    previous = [d, f];
  }
  const outcome = text('outcome', true);
  if (outcome && !(OUTCOMES as readonly string[]).includes(outcome)) {
    add('outcome', '办理结果应为 approved、denied、not_accepted、withdrawn 或 voided');
  }
  if (outcome === 'approved' || outcome === 'denied') {
    if (!raw.acceptedDate) add('acceptedDate', '准予或不予许可的办件应有受理日期');
    if (!raw.decidedDate) add('decidedDate', '准予或不予许可的办件应有决定日期');
  }
  const promised = whole('promisedLimitWorkingDays');
  const statutory = whole('statutoryLimitWorkingDays');
  if (promised >= 0 && statutory >= 0 && promised > statutory) {
    add('promisedLimitWorkingDays', '承诺时限不能超过法定时限');
  }
  if (problems.length) return { problems };
  return {
    row: {
      caseNumber,
      itemName: itemName.normalize('NFC').trim(),
      itemBasicCode,
      department,
      windowId,
      channel: channel as HistoricalCaseRow['channel'],
      applicantName,
      receivedDate,
      acceptedDate,
      decidedDate,
      completedDate,
      promisedLimitWorkingDays: promised,
      statutoryLimitWorkingDays: statutory,
      outcome: outcome as HistoricalOutcome,
    },
  };
}

/** The matter id of an imported case: its own namespace, so it never meets a live case's id. */
export function importedMatterId(tenant: string, caseNumber: string): string {
  return `hist-${tenant}-${caseNumber}`;
}

/**
 * The supervised matter of an imported case (S31): `imported`, ended on its 办结 date, so its clock is stopped and
 * it never gets a live refresh, a signal or a violation.
 */
export function importedCaseMatter(tenant: string, row: HistoricalCaseRow, importedAt: Date): Matter {
  const ended = row.outcome === 'approved' || row.outcome === 'denied' ? 'completed' : row.outcome;
  return {
    matterId: importedMatterId(tenant, row.caseNumber),
    kind: 'case',
    tenant,
    caseNumber: row.caseNumber,
    itemName: row.itemName,
    itemBasicCode: row.itemBasicCode,
    department: row.department,
    windowId: row.windowId,
    responsible: '',
    responsibleRole: '',
    acceptedBy: '',
    applicantName: row.applicantName,
    status: ended,
    channel: row.channel,
    receivedDate: row.receivedDate,
    acceptedDate: row.acceptedDate,
    decidedDate: row.decidedDate,
    endedDate: row.completedDate,
    promisedLimitWorkingDays: row.promisedLimitWorkingDays,
    statutoryLimitWorkingDays: row.statutoryLimitWorkingDays,
    extensionWorkingDays: 0,
    pauses: [],
    steps: [],
    imported: true,
    lastEventId: 'import',
    lastEventAt: importedAt,
    version: 0,
  };
}
