import { Link, useNavigate } from 'react-router';
import { Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { JointTask, Profile } from '../../api/types';
import { JOINT_TASK_STATE, JOINT_TASK_STATE_COLOR } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { RequireLogin } from '../../shared/require-login';
import { EmptyState, ErrorAlert, Loading, MoreButton, usePaged, type Loaded } from '../../shared/states';

function MyJointTasks({ username }: { username: string }) {
  const paged = usePaged<JointTask>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/tasks/mine', {
          params: { query: { pageSize: 50, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.tasks, total: r.total, nextPageToken: r.nextPageToken })),
    [],
  );
  const navigate = useNavigate();
  const { first, items } = paged;
  if (first.error) return <ErrorAlert error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loading text="正在读取联审任务…" />;
  if (items.length === 0) return <EmptyState text="暂无待办的联审任务" />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        共 {first.data.total} 项：分派给您的，以及本部门尚无人认领的。到期日早的请优先办理。
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={[...items].sort((a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'))}
        onRow={(t) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a')) return;
            void navigate(`/joint/${t.reviewId}`);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '办件编号', dataIndex: 'caseNumber' },
          {
            title: '事项名称',
            dataIndex: 'itemName',
            render: (name: string, t: JointTask) => <Link to={`/joint/${t.reviewId}`}>{name}</Link>,
          },
          { title: '阶段', dataIndex: 'stage', width: 90, render: (s: number) => `第${s}阶段` },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: JointTask['state']) => <Tag color={JOINT_TASK_STATE_COLOR[s]}>{JOINT_TASK_STATE[s]}</Tag>,
          },
          {
            title: '办理人',
            dataIndex: 'assignee',
            render: (a?: string) => (a === username ? '我' : (a ?? '—')),
          },
          { title: '时限', dataIndex: 'budgetWorkingDays', render: (d: number) => `${d}个工作日` },
          { title: '到期日', dataIndex: 'dueDate', render: (d?: string) => d ?? '—' },
        ]}
      />
      <MoreButton paged={paged} />
    </>
  );
}

/** 联审任务: the department tasks of joint reviews (联办件) waiting for the signed-in member of staff. */
export default function JointTasks({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <>
      <PageTitle title="联审任务" extra="并联审批中需要本部门出具意见的任务；点击进入联审查看各部门意见并办理。" />
      <RequireLogin why="请使用工作人员账号登录工作台。">
        {me.error ? (
          <ErrorAlert error={me.error} onRetry={me.reload} />
        ) : !me.data ? (
          <Loading />
        ) : (
          <MyJointTasks username={me.data.staff?.username ?? ''} />
        )}
      </RequireLogin>
    </>
  );
}
