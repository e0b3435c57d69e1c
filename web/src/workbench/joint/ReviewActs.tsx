import { Checkbox, Form, Input, InputNumber } from 'antd';
import { api, call } from '../../shared/api';
import type { Department, JointReview, JointTask } from '../../api/types';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { ActModal } from '../case/ActModal';
import type { Colleague } from './joint-directory';
import { addableStages } from './joint-duty';

/** The acts below answer the review as it is after them (a reassignment answers the task: the page reloads). */
type Done = (done: string) => void;

const budgetRules = [{ required: true, message: '请填写办理时限' }];
const reasonRules = (message: string) => [{ required: true, whitespace: true, message }];

function BudgetField({ name, label, promised }: { name: string; label: string; promised: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={budgetRules}
      extra={`以工作日计，1至60个工作日；须在办件承诺办结日${promised ? `（${promised}）` : ''}前完成。`}
    >
      <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
}

interface AssignForm {
  assignee: string;
  note?: string;
}

/** 转派: the department's head or window lead hands the task to another member of the department (the time limit stays). */
export function ReassignTask({ task, colleagues, onDone }: { task: JointTask; colleagues: Colleague[]; onDone: Done }) {
  const choices = colleagues.filter((c) => c.assignable && c.username !== task.assignee);
  return (
    <ActModal<AssignForm, JointTask>
      label="转派"
      title="转派联审任务"
      small
      intro="将本部门的该项联审任务转交本部门其他工作人员办理；办理时限不变。"
      okText="确认转派"
      isField={(n) => n === 'assignee' || n === 'note'}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/tasks/{id}/assign', {
              params: { path: { id: task.id } },
              body: {
                expectedVersion: task.version,
                assignee: v.assignee,
                ...(v.note?.trim() ? { note: v.note.trim() } : {}),
              },
            }),
          )
        ).task
      }
      onDone={(_t, done) => onDone(done)}
      done="已转派该联审任务。"
    >
      {() => (
        <>
          <Form.Item name="assignee" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
            <NativeSelect
              choices={choices.map((c) => ({ value: c.username, label: `${c.displayName}（${c.username}）` }))}
              placeholder="选择本部门工作人员"
            />
          </Form.Item>
          <Form.Item name="note" label="转派说明（可不填）">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </ActModal>
  );
}

interface ReopenForm {
  reason: string;
  budgetWorkingDays: number;
}

/** 重新审查: the lead asks a department that has answered to review again, with a new time limit. */
export function ReopenTask({
  review,
  task,
  departmentName,
  onDone,
}: {
  review: JointReview;
  task: JointTask;
  departmentName: string;
  onDone: Done;
}) {
  return (
    <ActModal<ReopenForm, JointReview>
      label="重新审查"
      title={`请${departmentName}重新审查`}
      small
      intro="该部门已出具的意见将被撤回，任务重新交由该部门窗口负责人办理，按新的时限重新计时。"
      okText="确认重新审查"
      initialValues={{ budgetWorkingDays: task.budgetWorkingDays }}
      isField={(n) => n === 'reason' || n === 'budgetWorkingDays'}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/tasks/{id}/reopen', {
              params: { path: { id: task.id } },
              body: {
                expectedVersion: review.version,
                reason: v.reason.trim(),
                budgetWorkingDays: v.budgetWorkingDays,
              },
            }),
          )
        ).review
      }
      onDone={(_r, done) => onDone(done)}
      done={`已请${departmentName}重新审查。`}
    >
      {() => (
        <>
          <Form.Item name="reason" label="重新审查的事项" rules={reasonRules('请填写需要重新审查的事项')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <BudgetField name="budgetWorkingDays" label="新的办理时限（工作日）" promised={review.casePromisedDueDate} />
        </>
      )}
    </ActModal>
  );
}

interface AddForm {
  department: string;
  /** The native select's value. */
  stage: string;
  budgetWorkingDays: number;
  required: boolean;
  reason: string;
}

const ADD_FIELDS = ['department', 'stage', 'budgetWorkingDays', 'required', 'reason'];

/** 增加协办部门: the lead adds a department of the center that does not take part yet, in this stage or a later one. */
export function AddDepartment({
  review,
  departments,
  onDone,
}: {
  review: JointReview;
  departments: Department[];
  onDone: Done;
}) {
  const taking = new Set([review.leadDepartment, ...review.tasks.map((t) => t.department)]);
  const choices = departments.filter((d) => !taking.has(d.code));
  const stages = addableStages(review);
  return (
    <ActModal<AddForm, JointReview>
      label="增加协办部门"
      intro="增加的部门在所选阶段出具意见；当前阶段加入的，任务立即交由该部门窗口负责人办理。"
      okText="确认增加"
      initialValues={{ stage: String(stages[0]), budgetWorkingDays: 5, required: true }}
      isField={(n) => ADD_FIELDS.includes(n)}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/reviews/{id}/participants', {
              params: { path: { id: review.id } },
              body: {
                expectedVersion: review.version,
                department: v.department,
                stage: Number(v.stage),
                budgetWorkingDays: v.budgetWorkingDays,
                required: v.required,
                reason: v.reason.trim(),
              },
            }),
          )
        ).review
      }
      onDone={(_r, done) => onDone(done)}
      done="已增加协办部门。"
    >
      {() => (
        <>
          <Form.Item name="department" label="协办部门" rules={[{ required: true, message: '请选择部门' }]}>
            <NativeSelect
              choices={choices.map((d) => ({ value: d.code, label: d.name }))}
              placeholder="选择本中心的部门"
            />
          </Form.Item>
          <Form.Item name="stage" label="审查阶段" rules={[{ required: true, message: '请选择阶段' }]}>
            <NativeSelect
              choices={stages.map((s) => ({
                value: String(s),
                label: s === review.currentStage ? `第${s}阶段（当前阶段）` : `第${s}阶段`,
              }))}
            />
          </Form.Item>
          <BudgetField name="budgetWorkingDays" label="办理时限（工作日）" promised={review.casePromisedDueDate} />
          <Form.Item name="required" valuePropName="checked">
            <Checkbox>必须出具意见（不勾选为征求意见）</Checkbox>
          </Form.Item>
          <Form.Item name="reason" label="增加该部门的原因" rules={reasonRules('请填写增加该部门的原因')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      )}
    </ActModal>
  );
}
