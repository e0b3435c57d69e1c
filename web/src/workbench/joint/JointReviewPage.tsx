import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type {
  Department,
  JointAttachment,
  JointDossier,
  JointReview,
  JointTask,
  OpinionKind,
  Profile,
} from '../../api/types';
import { departmentName, departmentsOf } from '../../admin/org/directory';
import { chinaToday } from '../../admin/org/calendar-grid';
import { chosen } from '../case/ActModal';
import { colleaguesOf, departmentWindowLead, windowResponsible, type Colleague } from './joint-directory';
import { isActiveReview, isLead, leadsDepartment, personName } from './joint-duty';
import { TaskDueDate } from './TaskDueDate';
import { AddDepartment, ReassignTask, ReopenTask } from './ReviewActs';
import { AttachmentLinks, AttachmentsField } from './Attachments';
import { useFileViewer } from '../case/FileViewer';
import { SharedCase } from './SharedCase';
import { formFields, type FormField } from '../form-fields';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { dateTime } from '../../shared/format';
import { JOINT_REVIEW_STATE, JOINT_TASK_STATE, JOINT_TASK_STATE_COLOR, OPINION_KIND } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { RequireLogin } from '../../shared/require-login';
import { ErrorAlert, Loading, Panel, useLoad, type Loaded } from '../../shared/states';

/** One item per non-blank line of a text area. */
const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The ids an act names of the files uploaded for it (none: the field is left out). */
const attachmentIds = (attachments: JointAttachment[] | undefined) =>
  attachments?.length ? { attachmentIds: attachments.map((a) => a.id) } : {};

interface OpinionForm {
  kind: OpinionKind;
  text: string;
  reasons?: string;
  conditions?: string;
  attachments?: JointAttachment[];
}

/** The department's answer: 认领 when nobody holds the task, then the opinion with its reasons or conditions. */
function TaskAct({
  task,
  username,
  names,
  onChange,
}: {
  task: JointTask;
  username: string;
  names: ReadonlyMap<string, string>;
  onChange: (said: string) => void;
}) {
  const [form] = Form.useForm<OpinionForm>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const mine = task.assignee === username;
  const claim = async () => {
    setBusy(true);
    setErrors([]);
    try {
      await call(
        api.POST('/api/v1/joint-review/tasks/{id}/claim', {
          params: { path: { id: task.id } },
          body: { expectedVersion: task.version },
        }),
      );
      onChange('已认领该联审任务，请出具本部门意见。');
    } catch (error) {
      setErrors(showOnForm(form, error, []));
    } finally {
      setBusy(false);
    }
  };
  const submit = async (v: OpinionForm) => {
    setBusy(true);
    setErrors([]);
    try {
      await call(
        api.POST('/api/v1/joint-review/tasks/{id}/opinion', {
          params: { path: { id: task.id } },
          body: {
            expectedVersion: task.version,
            kind: v.kind,
            text: v.text.trim(),
            ...(v.kind === 'disagree' ? { reasons: lines(v.reasons) } : {}),
            ...(v.kind === 'agree_with_conditions' ? { conditions: lines(v.conditions) } : {}),
            ...attachmentIds(v.attachments),
          },
        }),
      );
      form.resetFields();
      onChange(`已出具本部门意见：${OPINION_KIND[v.kind]}。`);
    } catch (error) {
      setErrors(showOnForm(form, error, ['kind', 'text', 'reasons', 'conditions']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title="本部门意见">
      {task.note ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`任务说明：${task.note}`} />
      ) : null}
      <FormMessages messages={errors} />
      {!mine ? (
        <Space direction="vertical">
          <Typography.Text>
            该任务{task.assignee ? `当前由 ${personName(names, task.assignee)} 办理` : '尚无人认领'}
            ，认领后由您出具本部门意见。
          </Typography.Text>
          <Button type="primary" loading={busy} onClick={() => void claim()}>
            认领任务
          </Button>
        </Space>
      ) : (
        <Form
          form={form}
          name="opinion"
          layout="vertical"
          requiredMark
          initialValues={{ kind: 'agree' }}
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="kind" label="审查意见" rules={chosen('请选择意见')}>
            <Radio.Group
              options={(Object.keys(OPINION_KIND) as OpinionKind[]).map((k) => ({ value: k, label: OPINION_KIND[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label="意见内容"
            rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          {kind === 'disagree' ? (
            <Form.Item
              name="reasons"
              label="不同意的理由（每行一条）"
              rules={[{ required: true, whitespace: true, message: '不同意时请填写理由' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          {kind === 'agree_with_conditions' ? (
            <Form.Item
              name="conditions"
              label="附加的条件（每行一条）"
              rules={[{ required: true, whitespace: true, message: '附条件同意时请填写条件' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          <AttachmentsField />
          <Button type="primary" htmlType="submit" loading={busy}>
            提交意见
          </Button>
        </Form>
      )}
    </Panel>
  );
}

interface ConclusionForm {
  outcome: 'approved' | 'denied';
  reasons?: string;
  conditions?: string;
  attachments?: JointAttachment[];
}

/** The lead's conclusion (J1): 同意 sends the case on to its decision, 不予许可 ends it with the reasons. */
function Conclude({ review, onChange }: { review: JointReview; onChange: (said: string) => void }) {
  const [form] = Form.useForm<ConclusionForm>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const submit = async (v: ConclusionForm) => {
    setBusy(true);
    setErrors([]);
    try {
      await call(
        api.POST('/api/v1/joint-review/reviews/{id}/conclusion', {
          params: { path: { id: review.id } },
          body: {
            expectedVersion: review.version,
            outcome: v.outcome,
            ...(lines(v.reasons).length ? { reasons: lines(v.reasons) } : {}),
            ...(lines(v.conditions).length ? { conditions: lines(v.conditions) } : {}),
            ...attachmentIds(v.attachments),
          },
        }),
      );
      onChange(
        v.outcome === 'approved' ? '已出具联审结论：同意，办件转入决定环节。' : '已出具联审结论：不予许可，办件办结。',
      );
    } catch (error) {
      setErrors(showOnForm(form, error, ['outcome', 'reasons', 'conditions']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title="牵头部门结论">
      {review.state === 'open' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="各部门意见尚未全部出具：现在只能作出不予许可的结论。"
        />
      ) : null}
      <FormMessages messages={errors} />
      <Form
        form={form}
        name="conclusion"
        layout="vertical"
        requiredMark
        initialValues={{ outcome: review.state === 'open' ? 'denied' : 'approved' }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="outcome" label="联审结论" rules={chosen('请选择结论')}>
          <Radio.Group
            options={[
              { value: 'approved', label: '同意（转入决定环节）', disabled: review.state === 'open' },
              { value: 'denied', label: '不予许可（办件办结）' },
            ]}
          />
        </Form.Item>
        {outcome === 'denied' ? (
          <Form.Item
            name="reasons"
            label="不予许可的理由（每行一条）"
            rules={[{ required: true, whitespace: true, message: '不予许可时请填写理由' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : (
          <Form.Item name="conditions" label="带入决定的条件（每行一条，可不填）">
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        <AttachmentsField />
        <Button type="primary" htmlType="submit" loading={busy} danger={outcome === 'denied'}>
          出具结论
        </Button>
      </Form>
    </Panel>
  );
}

/** Who the signed-in member of staff is on this review: the lead, and whether they lead their own department. */
async function dutiesOn(review: JointReview, staff: Staff) {
  const askLeadWindow =
    staff.department === review.leadDepartment &&
    staff.roles.includes('window_clerk') &&
    !staff.roles.some((r) => r === 'approver' || r === 'department_head');
  const participates = review.tasks.some((t) => t.department === staff.department);
  const askWindowLead =
    participates && staff.roles.includes('window_clerk') && !staff.roles.includes('department_head');
  const [leadWindow, windowLead] = await Promise.all([
    askLeadWindow ? windowResponsible(review.leadWindowId) : Promise.resolve(''),
    askWindowLead && staff.department ? departmentWindowLead(review.tenant, staff.department) : Promise.resolve(''),
  ]);
  return {
    lead: isLead(staff, review, leadWindow),
    leadsOwn: !!staff.department && leadsDepartment(staff, staff.department, windowLead),
  };
}

type Staff = NonNullable<Profile['staff']>;

/** Who reads the shared view (J14): the review's departments' staff and the center; supervisors read the review. */
const SHARED_VIEW_ROLES = ['window_clerk', 'reviewer', 'approver', 'department_head', 'center_admin'];

/** The shared view of the case, or the error that kept it (shown in place; the review page works without it). */
async function sharedViewOf(
  review: JointReview,
  staff: Staff,
): Promise<{ dossier?: JointDossier; fields: FormField[]; error?: unknown }> {
  if (!staff.roles.some((r) => SHARED_VIEW_ROLES.includes(r))) return { fields: [] };
  // The item's form names the fields (without it, a field shows as its path).
  const item = call(api.GET('/api/v1/catalogue/published/{id}', { params: { path: { id: review.itemId } } })).catch(
    () => undefined,
  );
  try {
    const { dossier } = await call(
      api.GET('/api/v1/joint-review/reviews/{id}/shared-view', { params: { path: { id: review.id } } }),
    );
    return { dossier, fields: formFields((await item)?.content?.form?.jsonSchema) };
  } catch (error) {
    return { error, fields: [] };
  }
}

function ReviewView({ id, staff }: { id: string; staff: Staff }) {
  // What the last act did; each act reloads the review (counted: two acts may say the same).
  const [said, setSaidState] = useState<{ text: string; n: number }>();
  const setSaid = (text: string) => setSaidState((p) => ({ text, n: (p?.n ?? 0) + 1 }));
  const data = useLoad(async () => {
    const { review } = await call(api.GET('/api/v1/joint-review/reviews/{id}', { params: { path: { id } } }));
    const [departments, colleagues, duties, shared] = await Promise.all([
      departmentsOf(review.tenant).catch((): Department[] => []),
      colleaguesOf(staff).catch((): Colleague[] => []),
      dutiesOn(review, staff),
      sharedViewOf(review, staff),
    ]);
    return { review, departments, colleagues, duties, shared };
  }, [id, said?.n]);
  const view = useFileViewer();
  if (data.error) return <ErrorAlert error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading text="正在读取联审…" />;
  const { review, departments, colleagues, duties, shared } = data.data;
  const name = (code: string) => departmentName(departments, code);
  // Names of the caller's own department's staff (identity lists no other department's to department staff).
  const names = new Map(colleagues.map((c) => [c.username, c.displayName]));
  const person = (username: string | undefined) => personName(names, username);
  const myTask = review.tasks.find(
    (t) => t.department === staff.department && (t.state === 'open' || t.state === 'claimed'),
  );
  const active = isActiveReview(review);
  const convenes = staff.roles.includes('center_admin');
  const today = chinaToday();
  const mayReassign = (t: JointTask) =>
    active && duties.leadsOwn && t.department === staff.department && (t.state === 'open' || t.state === 'claimed');
  const mayReopen = (t: JointTask) => active && duties.lead && t.kind === 'co_review' && t.state === 'done';
  const acts = review.tasks.some((t) => mayReassign(t) || mayReopen(t));
  return (
    <>
      {said ? <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={said.text} /> : null}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="办件编号">{review.caseNumber}</Descriptions.Item>
        <Descriptions.Item label="事项名称">{review.itemName}</Descriptions.Item>
        <Descriptions.Item label="牵头部门">{name(review.leadDepartment)}</Descriptions.Item>
        <Descriptions.Item label="联审状态">
          <Tag color={active ? 'blue' : 'default'}>{JOINT_REVIEW_STATE[review.state]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="当前阶段">
          {review.currentStage > 0 ? `第${review.currentStage}阶段` : '各阶段均已完成'}
        </Descriptions.Item>
        <Descriptions.Item label="办件承诺办结日">{review.casePromisedDueDate || '—'}</Descriptions.Item>
        {review.meetingIds.length > 0 || (active && convenes) ? (
          <Descriptions.Item label="联审会议" span={2}>
            <Space wrap>
              {review.meetingIds.map((m, i) => (
                <Link key={m} to={`/meetings/${m}`}>
                  第{i + 1}次会议
                </Link>
              ))}
              {active && convenes ? <Link to={`/meetings?convene=${review.id}`}>召集联审会议审议此件</Link> : null}
            </Space>
          </Descriptions.Item>
        ) : null}
        {review.conclusion ? (
          <Descriptions.Item label="联审结论" span={2}>
            {review.conclusion.outcome === 'approved' ? '同意' : '不予许可'}
            {review.conclusion.reasons.length ? `：${review.conclusion.reasons.join('；')}` : ''}（
            {person(review.conclusion.concludedBy)}，{dateTime(review.conclusion.concludedAt)}；
            {review.conclusion.reportedAt ? '办件系统已接收' : '正在报送办件系统'}）
            <AttachmentLinks
              reviewId={review.id}
              attachments={review.conclusion.attachments}
              view={view}
              title="联审结论"
            />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {shared.dossier ? (
        <SharedCase
          reviewId={review.id}
          dossier={shared.dossier}
          fields={shared.fields}
          ownDepartment={staff.department}
          departmentName={name}
        />
      ) : shared.error ? (
        <ErrorAlert error={shared.error} onRetry={data.reload} />
      ) : null}
      <Panel title="各部门审查意见">
        {view.viewer}
        {duties.lead && active ? (
          <div style={{ marginBottom: 12 }}>
            <AddDepartment review={review} departments={departments} onDone={setSaid} />
          </div>
        ) : null}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={review.tasks}
          columns={[
            { title: '阶段', dataIndex: 'stage', width: 80, render: (s: number) => `第${s}阶段` },
            { title: '部门', dataIndex: 'department', width: 160, render: (d: string) => name(d) },
            {
              title: '状态',
              dataIndex: 'state',
              width: 200,
              render: (s: JointTask['state'], t: JointTask) => (
                <>
                  <Tag color={JOINT_TASK_STATE_COLOR[s]}>{JOINT_TASK_STATE[s]}</Tag>
                  {t.note ? (
                    <div>
                      <Typography.Text type="secondary">说明：{t.note}</Typography.Text>
                    </div>
                  ) : null}
                </>
              ),
            },
            { title: '办理人', dataIndex: 'assignee', width: 140, render: (a?: string) => person(a) },
            {
              title: '到期日',
              key: 'due',
              width: 130,
              render: (_v, t: JointTask) => <TaskDueDate task={t} today={today} />,
            },
            {
              title: '意见',
              key: 'opinion',
              render: (_v, t: JointTask) =>
                t.opinion ? (
                  <>
                    <div>
                      <strong>{OPINION_KIND[t.opinion.kind]}</strong>：{t.opinion.text}
                    </div>
                    {t.opinion.reasons.map((r, i) => (
                      <div key={`r${i}`}>理由：{r}</div>
                    ))}
                    {t.opinion.conditions.map((c, i) => (
                      <div key={`c${i}`}>条件：{c}</div>
                    ))}
                    <AttachmentLinks
                      reviewId={review.id}
                      attachments={t.opinion.attachments}
                      view={view}
                      title={`${name(t.department)}意见`}
                    />
                    <Typography.Text type="secondary">
                      {t.opinion.handlerName ?? person(t.opinion.givenBy)}
                      {t.opinion.givenAt ? `，${dateTime(t.opinion.givenAt)}` : ''}
                    </Typography.Text>
                    {t.opinion.source === 'meeting' ? (
                      <div>
                        <Tag color="purple">联审会议意见</Tag>
                        {t.opinion.meetingId ? (
                          // Underlined: a link beside text must not be told by its colour alone (axe).
                          <Link to={`/meetings/${t.opinion.meetingId}`} style={{ textDecoration: 'underline' }}>
                            查看会议
                          </Link>
                        ) : null}
                      </div>
                    ) : null}
                  </>
                ) : (
                  '—'
                ),
            },
            ...(acts
              ? [
                  {
                    title: '操作',
                    key: 'acts',
                    width: 100,
                    render: (_v: unknown, t: JointTask) => (
                      <Space wrap>
                        {mayReassign(t) ? <ReassignTask task={t} colleagues={colleagues} onDone={setSaid} /> : null}
                        {mayReopen(t) ? (
                          <ReopenTask review={review} task={t} departmentName={name(t.department)} onDone={setSaid} />
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Panel>
      {myTask && active ? <TaskAct task={myTask} username={staff.username} names={names} onChange={setSaid} /> : null}
      {duties.lead && active ? (
        // Drawn anew when the review changes: its outcome's default follows the review's state.
        <Conclude key={review.version} review={review} onChange={setSaid} />
      ) : null}
    </>
  );
}

/** 联审: one joint review of a case, for its lead department and the departments that answer in it. */
export default function JointReviewPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <>
      <PageTitle title="联审办理" extra="并联审批：各部门在时限内出具意见，牵头部门汇总后出具联审结论。" />
      <RequireLogin why="请使用工作人员账号登录工作台。">
        {me.error ? (
          <ErrorAlert error={me.error} onRetry={me.reload} />
        ) : !me.data?.staff ? (
          me.data ? (
            <Alert type="info" showIcon message="联审办理仅限工作人员。" />
          ) : (
            <Loading />
          )
        ) : (
          <ReviewView id={id} staff={me.data.staff} />
        )}
      </RequireLogin>
    </>
  );
}
