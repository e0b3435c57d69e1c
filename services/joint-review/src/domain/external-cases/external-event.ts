/**
 * J16: an event of a case a department runs entirely in its own system, in the e-supervision exchange format
 * (exchange.proto), as the joint-review service checks, stores and publishes it for supervision.
 */
export type ExternalEventKind =
  | 'received'
  | 'one_time_notice'
  | 'supplemented'
  | 'accepted'
  | 'not_accepted'
  | 'step_started'
  | 'step_finished'
  | 'suspended'
  | 'resumed'
  | 'extended'
  | 'decided'
  | 'result_issued'
  | 'delivered'
  | 'withdrawn'
  | 'fee_assessed';

export interface ExternalStep {
  index: number;
  name: string;
  budgetWorkingDays: number;
  opinion: string;
}

export interface ExternalEvent {
  eventId: string;
  formatVersion: string;
  tenant: string;
  department: string;
  caseNumber: string;
  itemImplementationCode: string;
  itemBasicCode: string;
  itemName: string;
  /** '' when the report names none (or one this service does not know). */
  kind: ExternalEventKind | '';
  occurredAt?: Date;
  handlerName: string;
  handlerId: string;
  applicantName: string;
  channel: 'online' | 'counter' | '';
  promisedLimitWorkingDays: number;
  statutoryLimitWorkingDays: number;
  step?: ExternalStep;
  procedure: string;
  plannedWorkingDays: number;
  extensionWorkingDays: number;
  outcome: 'approved' | 'denied' | '';
  reasons: string[];
  licenceNumber: string;
  feeFen: number;
  note: string;
}

/** Why one event was refused: the field at fault ('' for the event as a whole), a stable reason, Chinese. */
export interface EventProblem {
  field: string;
  reason: string;
  message: string;
}

export const FORMAT_VERSION = '1';
const MAX_ID = 64;
const MAX_LINE = 500;
const MAX_OPINION = 2000;
const MAX_NAME = 200;
const MAX_EXTENSION = 15;
const EARLIEST = Date.UTC(2000, 0, 1);
/** Clocks of department systems drift: an event up to five minutes ahead is taken. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The supervised matter's id: "<tenant>:<department>:<case number>". */
export const externalCaseId = (e: Pick<ExternalEvent, 'tenant' | 'department' | 'caseNumber'>): string =>
  `${e.tenant}:${e.department}:${e.caseNumber}`;

/** 不予受理, a denial and 撤回 end the case: nothing may follow them. */
export const endsCase = (e: Pick<ExternalEvent, 'kind' | 'outcome'>): boolean =>
  e.kind === 'not_accepted' || e.kind === 'withdrawn' || (e.kind === 'decided' && e.outcome === 'denied');

const problem = (field: string, reason: string, message: string): EventProblem => ({ field, reason, message });

function text(field: string, value: string, max: number, what: string, required = true): EventProblem | null {
  if (required && value.trim() === '') return problem(field, 'REQUIRED', `请填写${what}`);
  if (value.length > max) return problem(field, 'PATTERN', `${what}最多${max}个字符`);
  return null;
}

function itemProblem(e: ExternalEvent): EventProblem | null {
  if (e.itemImplementationCode) {
    return e.itemImplementationCode.length === 31
      ? null
      : problem('itemImplementationCode', 'PATTERN', '实施编码应为31位');
  }
  if (!e.itemBasicCode) return problem('itemImplementationCode', 'REQUIRED', '请填写事项的实施编码或基本编码');
  return e.itemBasicCode.length === 12 ? null : problem('itemBasicCode', 'PATTERN', '基本编码应为12位');
}

function positive(field: string, value: number, what: string): EventProblem | null {
  return Number.isInteger(value) && value > 0 ? null : problem(field, 'REQUIRED', `请填写${what}（正整数）`);
}

/** What each kind must carry. */
function kindProblem(e: ExternalEvent): EventProblem | null {
  switch (e.kind) {
    case 'received':
      return (
        text('applicantName', e.applicantName, MAX_NAME, '申请人名称') ??
        (e.channel ? null : problem('channel', 'REQUIRED', '请填写申报渠道：网上申报或窗口受理')) ??
        positive('promisedLimitWorkingDays', e.promisedLimitWorkingDays, '承诺时限') ??
        positive('statutoryLimitWorkingDays', e.statutoryLimitWorkingDays, '法定时限')
      );
    case 'step_started':
    case 'step_finished':
      if (!e.step) return problem('step', 'REQUIRED', '请填写环节');
      return (
        positive('step.index', e.step.index, '环节序号') ??
        text('step.name', e.step.name, MAX_NAME, '环节名称') ??
        text('step.opinion', e.step.opinion, MAX_OPINION, '环节意见', false)
      );
    case 'suspended':
      return (
        text('procedure', e.procedure, MAX_NAME, '特别程序') ??
        positive('plannedWorkingDays', e.plannedWorkingDays, '特别程序计划时长')
      );
    case 'extended':
      return Number.isInteger(e.extensionWorkingDays) &&
        e.extensionWorkingDays >= 1 &&
        e.extensionWorkingDays <= MAX_EXTENSION
        ? null
        : problem('extensionWorkingDays', 'OUT_OF_RANGE', `延长时限应为1至${MAX_EXTENSION}个工作日`);
    case 'decided':
      if (!e.outcome) return problem('outcome', 'REQUIRED', '请填写决定结果：准予或不予');
      return e.outcome === 'denied' && e.reasons.length === 0
        ? problem('reasons', 'REQUIRED', '不予许可的，应当说明理由')
        : null;
    case 'not_accepted':
      return e.reasons.length === 0 ? problem('reasons', 'REQUIRED', '不予受理的，应当说明理由') : null;
    case 'fee_assessed':
      return Number.isSafeInteger(e.feeFen) && e.feeFen > 0
        ? null
        : problem('feeFen', 'OUT_OF_RANGE', '收费金额应为正整数（分）');
    default:
      return null;
  }
}

/**
 * The first problem of an event on its own (format, item, when, who, what its kind must carry), or null. Whether
 * it fits its case (NOT_RECEIVED, ENDED) is `progressProblem`'s to say.
 */
export function validateExternalEvent(e: ExternalEvent, now: Date): EventProblem | null {
  const occurred = e.occurredAt?.getTime();
  return (
    text('eventId', e.eventId, MAX_ID, '事件编号') ??
    (e.formatVersion === ''
      ? problem('formatVersion', 'REQUIRED', '请填写格式版本')
      : e.formatVersion !== FORMAT_VERSION
        ? problem('formatVersion', 'UNSUPPORTED_VERSION', `不支持的格式版本，应为“${FORMAT_VERSION}”`)
        : null) ??
    (e.tenant ? null : problem('tenant', 'REQUIRED', '请填写地区代码')) ??
    (e.department ? null : problem('department', 'REQUIRED', '请填写部门')) ??
    text('caseNumber', e.caseNumber, MAX_ID, '办件编号') ??
    itemProblem(e) ??
    text('itemName', e.itemName, MAX_NAME, '事项名称') ??
    (e.kind ? null : problem('kind', 'REQUIRED', '请填写事件类型')) ??
    (occurred === undefined
      ? problem('occurredAt', 'REQUIRED', '请填写发生时间')
      : occurred < EARLIEST || occurred > now.getTime() + CLOCK_SKEW_MS
        ? problem('occurredAt', 'OUT_OF_RANGE', '发生时间不能早于2000年，也不能晚于当前时间')
        : null) ??
    text('handlerName', e.handlerName, MAX_NAME, '经办人') ??
    e.reasons.reduce<EventProblem | null>(
      (found, r, i) => found ?? text(`reasons.${i}`, r, MAX_LINE, '理由'),
      e.reasons.length > 20 ? problem('reasons', 'PATTERN', '理由最多20条') : null,
    ) ??
    text('note', e.note, MAX_LINE, '备注', false) ??
    kindProblem(e)
  );
}

/** What is known of an external case so far. */
export interface CaseProgress {
  received: boolean;
  ended: boolean;
}

/** Whether the event fits its case: RECEIVED first (NOT_RECEIVED otherwise), nothing after its end (ENDED). */
export function progressProblem(e: ExternalEvent, progress: CaseProgress): EventProblem | null {
  if (progress.ended) return problem('', 'ENDED', '该办件已办结（不予受理、不予许可或撤回），不能再报告事件');
  if (!progress.received && e.kind !== 'received') {
    return problem('', 'NOT_RECEIVED', '该办件尚未报告收件事件，请先报告收件');
  }
  return null;
}

/** The case after the event. */
export const advance = (e: Pick<ExternalEvent, 'kind' | 'outcome'>, progress: CaseProgress): CaseProgress => ({
  received: progress.received || e.kind === 'received',
  ended: progress.ended || endsCase(e),
});
