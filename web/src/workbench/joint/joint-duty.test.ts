import {
  addableStages,
  firstWindowOf,
  isLead,
  leadsDepartment,
  personName,
  taskDue,
  taskPath,
  taskStep,
} from './joint-duty';

const review = { tenant: '620321', leadDepartment: '620321-SCJG' };
const staff = (roles: string[], department = '620321-SCJG', username = 'clerk') => ({
  tenant: '620321',
  department,
  username,
  roles,
});

describe('the lead', () => {
  it('is an approver or head of the lead department, or the clerk serving the lead window today', () => {
    expect(isLead(staff(['approver']), review, '')).toBe(true);
    expect(isLead(staff(['department_head']), review, 'other')).toBe(true);
    expect(isLead(staff(['window_clerk']), review, 'clerk')).toBe(true);
    expect(isLead(staff(['window_clerk']), review, 'other')).toBe(false);
    expect(isLead(staff(['window_clerk'], '620321-SCJG', ''), review, '')).toBe(false);
    expect(isLead(staff(['reviewer']), review, 'clerk')).toBe(false);
    expect(isLead(staff(['approver'], '620321-RSJ'), review, '')).toBe(false);
    expect(isLead({ ...staff(['approver']), tenant: '620302' }, review, '')).toBe(false);
  });
});

describe("a department's lead", () => {
  it('is its head or its window lead', () => {
    expect(leadsDepartment(staff(['department_head'], '620321-RSJ'), '620321-RSJ', '')).toBe(true);
    expect(leadsDepartment(staff(['window_clerk'], '620321-RSJ', 'lead'), '620321-RSJ', 'lead')).toBe(true);
    expect(leadsDepartment(staff(['window_clerk'], '620321-RSJ', 'backup'), '620321-RSJ', 'lead')).toBe(false);
    expect(leadsDepartment(staff(['department_head'], '620321-ZRZY'), '620321-RSJ', '')).toBe(false);
    expect(leadsDepartment(staff(['window_clerk'], '620321-RSJ', ''), '620321-RSJ', '')).toBe(false);
  });

  it("stands for the department's first window by id", () => {
    const windows = [
      { id: 'b', department: 'R' },
      { id: 'c', department: 'S' },
      { id: 'a', department: 'R' },
    ];
    expect(firstWindowOf(windows, 'R')?.id).toBe('a');
    expect(firstWindowOf(windows, 'X')).toBeUndefined();
  });
});

describe("a task's due date", () => {
  it('marks a task to be answered past or on its due date', () => {
    expect(taskDue({ state: 'open', dueDate: '2026-12-04' }, '2026-12-05')).toEqual({ color: 'red', text: '已超期' });
    expect(taskDue({ state: 'claimed', dueDate: '2026-12-05' }, '2026-12-05')).toEqual({
      color: 'orange',
      text: '今日到期',
    });
    expect(taskDue({ state: 'claimed', dueDate: '2026-12-06' }, '2026-12-05')).toBeUndefined();
    expect(taskDue({ state: 'done', dueDate: '2026-12-01' }, '2026-12-05')).toBeUndefined();
    expect(taskDue({ state: 'waiting' }, '2026-12-05')).toBeUndefined();
  });
});

describe('the stages a department may join', () => {
  const tasks = [{ stage: 1 }, { stage: 2 }] as never;
  it('are the current one up to the one after the last', () => {
    expect(addableStages({ state: 'open', currentStage: 1, tasks })).toEqual([1, 2, 3]);
    expect(addableStages({ state: 'awaiting_conclusion', currentStage: 0, tasks })).toEqual([2, 3]);
  });
});

describe('a person', () => {
  it('is shown by display name when known', () => {
    const names = new Map([['j-1', '李人社']]);
    expect(personName(names, 'j-1')).toBe('李人社');
    expect(personName(names, 'j-2')).toBe('j-2');
    expect(personName(names, 'service:zrzy')).toBe('部门系统');
    expect(personName(names, undefined)).toBe('—');
  });
});

describe('a task in a list', () => {
  it('opens where it is worked, and names its step', () => {
    expect(taskPath({ kind: 'co_review', reviewId: 'r-1' })).toBe('/joint/r-1');
    expect(taskPath({ kind: 'delegated_decision', reviewId: 'dc-1' })).toBe('/delegated/dc-1');
    expect(taskPath({ kind: 'escalation_decision', reviewId: 'e-1' })).toBe('/escalation/e-1');
    expect(taskStep({ kind: 'co_review', stage: 2 })).toBe('第2阶段');
    expect(taskStep({ kind: 'delegated_decision', stage: 0 })).toBe('代受理件决定');
  });
});
