import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Card, Form, Table, Tabs, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { JointTask, JointTaskState, Profile } from '../../api/types';
import { chinaToday } from '../../admin/org/calendar-grid';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { JOINT_TASK_STATE, JOINT_TASK_STATE_COLOR } from '../../shared/labels';
import { EmptyState, ErrorAlert, Loading, MoreButton, useLoad, usePaged, type Loaded } from '../../shared/states';
import { colleaguesOf, leadsOwnDepartment } from './joint-directory';
import { personName, taskDue, taskPath, taskStep } from './joint-duty';
import { DepartmentReviews } from './DepartmentReviews';
import { TaskDueDate } from './TaskDueDate';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;

/** Tasks by due date, earliest first (those without one last); a row opens its review (or its decision's case). */
function TaskTable({ tasks, person }: { tasks: JointTask[]; person: (username: string | undefined) => string }) {
  const navigate = useNavigate();
  const today = chinaToday();
  return (
    <Table
      rowKey="id"
      size="middle"
      pagination={false}
      scroll={{ x: 960 }}
      dataSource={[...tasks].sort((a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'))}
      onRow={(t) => ({
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a')) return;
          void navigate(taskPath(t));
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: '办件编号', dataIndex: 'caseNumber' },
        {
          title: '事项名称',
          dataIndex: 'itemName',
          render: (name: string, t: JointTask) => <Link to={taskPath(t)}>{name}</Link>,
        },
        { title: '阶段', key: 'step', width: 120, render: (_v, t: JointTask) => taskStep(t) },
        {
          title: '状态',
          dataIndex: 'state',
          render: (s: JointTaskState, t: JointTask) => (
            <Tag color={JOINT_TASK_STATE_COLOR[s]}>
              {s === 'done' && t.kind !== 'co_review' ? '已作出决定' : JOINT_TASK_STATE[s]}
            </Tag>
          ),
        },
        { title: '办理人', dataIndex: 'assignee', render: (a?: string) => person(a) },
        { title: '时限', dataIndex: 'budgetWorkingDays', render: (d: number) => `${d}个工作日` },
        {
          title: '到期日',
          key: 'due',
          render: (_v, t: JointTask) => <TaskDueDate task={t} today={today} />,
        },
      ]}
    />
  );
}

type Names = ReadonlyMap<string, string>;

function MyJointTasks({ username, names }: { username: string; names: Names }) {
  const paged = usePaged<JointTask>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/tasks/mine', {
          params: { query: { pageSize: 50, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.tasks, total: r.total, nextPageToken: r.nextPageToken })),
    [],
  );
  const { first, items } = paged;
  if (first.error) return <ErrorAlert error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loading text="正在读取联审任务…" />;
  if (items.length === 0) return <EmptyState text="暂无待办的联审任务" />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        共 {first.data.total} 项：分派给您的，以及本部门尚无人认领的。到期日早的请优先办理。
      </Typography.Paragraph>
      <TaskTable tasks={items} person={(a) => (a === username ? '我' : personName(names, a))} />
      <MoreButton paged={paged} />
    </>
  );
}

const isTaskState = (s: string | null): s is JointTaskState => s !== null && s in JOINT_TASK_STATE;

/** 本部门任务: every task of the department (ListTasks), filtered by state in the address (?view=department&state=). */
function DepartmentTasks({ staff, names }: { staff: Staff; names: Names }) {
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = isTaskState(stateParam) ? stateParam : undefined;
  const wrong = stateParam !== null && !state ? `链接中的任务状态“${stateParam}”不存在，已显示全部状态` : undefined;
  const paged = usePaged<JointTask>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/tasks', {
          params: {
            query: {
              department: staff.department,
              pageSize: 50,
              ...(state ? { state } : {}),
              ...(pageToken ? { pageToken } : {}),
            },
          },
        }),
      ).then((r) => ({ items: r.tasks, total: r.total, nextPageToken: r.nextPageToken })),
    [state],
  );
  const { first, items } = paged;
  const overdue = items.filter((t) => taskDue(t, chinaToday())?.text === '已超期').length;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item
            label="任务状态"
            htmlFor="department-task-state"
            style={{ marginBottom: 0, maxWidth: 320 }}
            {...(wrong ? { validateStatus: 'error' as const, help: wrong } : {})}
          >
            <NativeSelect
              id="department-task-state"
              placeholder="全部状态"
              value={state}
              choices={(Object.keys(JOINT_TASK_STATE) as JointTaskState[])
                .filter((s) => s !== 'waiting')
                .map((s) => ({ value: s, label: JOINT_TASK_STATE[s] }))}
              onChange={(e) =>
                setParams(e.target.value ? { view: 'department', state: e.target.value } : { view: 'department' })
              }
            />
          </Form.Item>
        </Form>
      </Card>
      {first.error ? (
        <ErrorAlert error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <Loading text="正在读取本部门的联审任务…" />
      ) : items.length === 0 ? (
        <EmptyState text="本部门暂无该状态的联审任务" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            共 {first.data.total} 项{overdue > 0 ? `，其中 ${overdue} 项已超期` : ''}
            。可进入联审办理将任务转派本部门其他人员。
          </Typography.Paragraph>
          <TaskTable tasks={items} person={(a) => personName(names, a)} />
          <MoreButton paged={paged} />
        </>
      )}
    </>
  );
}

type View = 'mine' | 'reviews' | 'department';

/** 我的任务 and 本部门联办件 for everyone; 本部门任务 beside them for the department's head and window lead. */
function JointTaskViews({ staff }: { staff: Staff }) {
  const [params, setParams] = useSearchParams();
  const leads = useLoad(() => leadsOwnDepartment(staff), [staff.username]);
  // Names of the department's staff for their usernames (the task lists name people by username).
  const colleagues = useLoad(() => colleaguesOf(staff).catch(() => []), [staff.username]);
  const names: Names = new Map((colleagues.data ?? []).map((c) => [c.username, c.displayName]));
  const asked = params.get('view');
  const view: View = asked === 'department' || asked === 'reviews' ? asked : 'mine';
  if (leads.error) return <ErrorAlert error={leads.error} onRetry={leads.reload} />;
  if (leads.data === undefined) return <Loading />;
  if (view === 'department' && !leads.data) {
    return <Alert type="info" showIcon message="本部门任务仅限部门负责人和部门窗口负责人查看。" />;
  }
  return (
    <Tabs
      activeKey={view}
      onChange={(key) => setParams(key === 'mine' ? {} : { view: key })}
      items={[
        { key: 'mine', label: '我的任务', children: <MyJointTasks username={staff.username} names={names} /> },
        ...(leads.data
          ? [{ key: 'department', label: '本部门任务', children: <DepartmentTasks staff={staff} names={names} /> }]
          : []),
        { key: 'reviews', label: '本部门联办件', children: <DepartmentReviews staff={staff} /> },
      ]}
    />
  );
}

/** 联审任务: the department tasks of joint reviews (联办件) waiting for the signed-in member of staff, and their department's. */
export default function JointTasks({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="联审任务"
      extra="并联审批中需要本部门出具意见的任务，以及代受理件、上报件中需要本部门作出决定的任务；点击进入办理。"
      me={me}
      notStaff="联审任务仅限工作人员。"
    >
      {(staff) => <JointTaskViews staff={staff} />}
    </StaffPage>
  );
}
