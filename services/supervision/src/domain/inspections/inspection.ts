import { ValidationError, type Violation as FieldViolation } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import { evidence, openViolation, type Violation } from '../violations/violation';

/** One item of a window's daily inspection (日检查, S18) and whether the window passed it. */
export interface ChecklistEntry {
  code: string;
  label: string;
  passed: boolean;
  note: string;
}

export interface ChecklistItem {
  code: string;
  label: string;
}

export interface Inspection {
  id: string;
  tenant: string;
  windowId: string;
  /** YYYY-MM-DD (China time), not in the future. */
  date: string;
  inspector: string;
  checklist: ChecklistEntry[];
  photoFileIds: string[];
  person: string;
  violationIds: string[];
  recordedAt: Date;
  requestId: string;
}

/** The checklist a tenant inspects when it has not set its own: 八禁止 (S18, 篇一 L89), uniform, badge, on post. */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { code: 'eight_prohibitions.smoking', label: '禁止在工作时间吸烟' },
  { code: 'eight_prohibitions.eating', label: '禁止在工作时间吃零食' },
  { code: 'eight_prohibitions.lunch_drinking', label: '禁止午间饮酒' },
  { code: 'eight_prohibitions.noise', label: '禁止大声喧哗' },
  { code: 'eight_prohibitions.chatting', label: '禁止串岗聊天' },
  { code: 'eight_prohibitions.games', label: '禁止玩游戏、上网聊天' },
  { code: 'eight_prohibitions.moving_furniture', label: '禁止擅自移动桌椅和电脑' },
  { code: 'eight_prohibitions.arguing', label: '禁止与服务对象争吵' },
  { code: 'uniform', label: '统一着装' },
  { code: 'badge', label: '佩戴工作牌' },
  { code: 'on_post', label: '在岗在位' },
];

export const MAX_PHOTOS = 10;
const WINDOW_ID = /^[A-Za-z0-9_-]{1,64}$/;
const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface RecordInspectionInput {
  tenant: string;
  windowId: string;
  date: string;
  checklist: { code: string; passed: boolean; note: string }[];
  photoFileIds: string[];
  person: string;
  requestId: string;
}

/** The problems of an inspection request against the tenant's checklist; none when it may be recorded. */
export function inspectionProblems(
  input: RecordInspectionInput,
  checklist: readonly ChecklistItem[],
  today: string,
): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (!WINDOW_ID.test(input.windowId))
    problems.push({ path: 'windowId', reason: 'REQUIRED', message: '请选择被检查的窗口' });
  if (!DATE.test(input.date) || Number.isNaN(Date.parse(input.date))) {
    problems.push({ path: 'date', reason: 'PATTERN', message: '检查日期格式应为YYYY-MM-DD' });
  } else if (input.date > today) {
    problems.push({ path: 'date', reason: 'FUTURE', message: '检查日期不能晚于今天' });
  }
  if (input.person && !USERNAME.test(input.person)) {
    problems.push({ path: 'person', reason: 'PATTERN', message: '被检查人员的账号格式不正确' });
  }
  if (!REQUEST_ID.test(input.requestId)) {
    problems.push({ path: 'requestId', reason: 'PATTERN', message: '请求标识应为8至64位字母、数字、下划线或连字符' });
  }
  if (input.checklist.length === 0) {
    problems.push({ path: 'checklist', reason: 'REQUIRED', message: '请至少填写一项检查内容' });
  }
  const known = new Set(checklist.map((c) => c.code));
  const seen = new Set<string>();
  input.checklist.forEach((entry, i) => {
    if (!known.has(entry.code)) {
      problems.push({ path: `checklist.${i}.code`, reason: 'UNKNOWN', message: '检查项不在本地区的日检查清单中' });
    } else if (seen.has(entry.code)) {
      problems.push({ path: `checklist.${i}.code`, reason: 'DUPLICATE', message: '同一检查项只能填写一次' });
    }
    seen.add(entry.code);
    if (entry.note.length > 500)
      problems.push({ path: `checklist.${i}.note`, reason: 'TOO_LONG', message: '备注不能超过500个字' });
    if (!entry.passed && !entry.note.trim()) {
      problems.push({ path: `checklist.${i}.note`, reason: 'REQUIRED', message: '未通过的检查项请写明发现的问题' });
    }
  });
  if (input.photoFileIds.length > MAX_PHOTOS) {
    problems.push({ path: 'photoFileIds', reason: 'TOO_MANY', message: `照片不能超过${MAX_PHOTOS}张` });
  }
  if (new Set(input.photoFileIds).size !== input.photoFileIds.length) {
    problems.push({ path: 'photoFileIds', reason: 'DUPLICATE', message: '同一张照片只能添加一次' });
  }
  return problems;
}

/**
 * The inspection and the violations its failed entries become (one per entry, id `<inspection id>.<code>`, so a
 * retried request yields the same ones). Throws ValidationError with every problem found.
 */
export function recordInspection(
  input: RecordInspectionInput,
  context: { id: string; inspector: string; checklist: readonly ChecklistItem[]; now: Date },
): { inspection: Inspection; violations: Violation[] } {
  const problems = inspectionProblems(input, context.checklist, chinaDate(context.now));
  if (problems.length) throw new ValidationError(problems);
  const labels = new Map(context.checklist.map((c) => [c.code, c.label]));
  const entries = input.checklist.map((e) => ({
    code: e.code,
    label: labels.get(e.code)!,
    passed: e.passed,
    note: e.note.trim(),
  }));
  const photos = input.photoFileIds.map((fileId, i) => evidence(`现场照片${i + 1}`, '', '', fileId));
  const violations = entries
    .filter((e) => !e.passed)
    .map((e) =>
      openViolation(
        {
          id: `${context.id}.${e.code}`,
          tenant: input.tenant,
          kind: 'inspection_finding',
          summary: `${input.date}日检查发现窗口${input.person ? `人员${input.person}` : ''}未做到“${e.label}”：${e.note}`,
          evidence: [
            evidence('检查日期', input.date),
            evidence('检查项', e.label),
            evidence('发现的问题', e.note),
            evidence('检查人', context.inspector),
            ...photos,
          ],
          occurredDate: input.date,
          windowId: input.windowId,
          person: input.person,
          inspectionId: context.id,
        },
        context.inspector,
        context.now,
      ),
    );
  return {
    inspection: {
      id: context.id,
      tenant: input.tenant,
      windowId: input.windowId,
      date: input.date,
      inspector: context.inspector,
      checklist: entries,
      photoFileIds: [...input.photoFileIds],
      person: input.person,
      violationIds: violations.map((v) => v.id),
      recordedAt: context.now,
      requestId: input.requestId,
    },
    violations,
  };
}
