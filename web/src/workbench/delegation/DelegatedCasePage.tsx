import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Form, Input, Table, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import { chinaToday } from '../../admin/org/calendar-grid';
import { dateTime } from '../../shared/format';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { IN_TEXT_LINK } from '../../portal/common/form-problem';
import { ActCard } from '../escalations/ActCard';
import { StaffPage } from '../staff-page';
import { codesOnly, namesOf } from './delegation-directory';
import {
  DELEGATED_STATE,
  DELEGATED_STATE_COLOR,
  legKindText,
  dueText,
  legStateText,
  mayTransfer,
  nextStep,
  type DelegatedCase,
  type DelegatedLeg,
} from './delegation-format';

type Staff = NonNullable<Profile['staff']>;
const OUTCOME = { approved: '准予许可', denied: '不予许可' } as const;
const TASK_STATE: Readonly<Record<string, string>> = {
  open: '待办理',
  claimed: '办理中',
  done: '已完成',
  cancelled: '已撤销',
};

function Legs({ d, today }: { d: DelegatedCase; today: string }) {
  return (
    <Card title="办理环节与时限" style={{ marginBottom: 16 }}>
      <Table<DelegatedLeg>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={d.legs}
        locale={{ emptyText: '尚无环节' }}
        columns={[
          { title: '环节', dataIndex: 'kind', render: (k: DelegatedLeg['kind']) => legKindText(k) },
          { title: '状态', key: 'state', render: (_v, l) => legStateText(l) },
          { title: '责任人', dataIndex: 'responsible', render: (r?: string) => r ?? '—' },
          { title: '时限', dataIndex: 'budgetWorkingDays', render: (n: number) => `${n}个工作日` },
          { title: '开始日期', dataIndex: 'startDate' },
          { title: '到期日', dataIndex: 'dueDate' },
          {
            title: '剩余时间',
            key: 'left',
            render: (_v, l) => {
              const due = l.state === 'running' ? dueText(l.dueDate, today) : undefined;
              return due ? (
                <Tag color={due.color}>{due.text}</Tag>
              ) : l.finishedAt ? (
                `完成于 ${dateTime(l.finishedAt)}`
              ) : (
                '—'
              );
            },
          },
        ]}
      />
    </Card>
  );
}

function TransferAct({ d, onChanged }: { d: DelegatedCase; onChanged: () => void }) {
  return (
    <ActCard<{ preReviewOpinion: string }>
      title="转办委托部门"
      fields={['preReviewOpinion']}
      button="转办"
      done="已转办，委托部门的办理时限开始计算。"
      act={async (v) => {
        await call(
          api.POST('/api/v1/joint-review/delegation/cases/{id}/transfer', {
            params: { path: { id: d.id } },
            body: { expectedVersion: d.version, preReviewOpinion: v.preReviewOpinion },
          }),
        );
        onChanged();
      }}
    >
      <Form.Item
        name="preReviewOpinion"
        label="预审意见"
        extra="写明材料审查情况，随办件转交委托部门作出决定。"
        rules={[{ required: true, message: '请填写预审意见' }]}
      >
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
    </ActCard>
  );
}

function DelegatedView({ staff, id }: { staff: Staff; id: string }) {
  const record = useLoad(
    () =>
      call(api.GET('/api/v1/joint-review/delegation/cases/{id}', { params: { path: { id } } })).then(
        (r) => r.delegatedCase,
      ),
    [id],
  );
  const names = useLoad(() => namesOf(staff.tenant), [staff.tenant]);
  if (record.error) return <ErrorAlert error={record.error} onRetry={record.reload} />;
  const d = record.data;
  if (!d) return <Loading text="正在读取代受理件…" />;
  const n = names.data ?? codesOnly;
  const today = chinaToday();
  const departmentTurn = d.state === 'at_department';
  return (
    <>
      <Alert
        type={departmentTurn || d.state === 'at_center' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={nextStep(d)}
        description={
          departmentTurn ? (
            <>
              决定事项：{d.itemName}（办件 {d.caseNumber}）。
              {d.task?.dueDate ? `部门办理到期日 ${d.task.dueDate}。` : ''}
              <Link to={`/cases/${d.caseId}`} style={IN_TEXT_LINK}>
                打开办件作出决定
              </Link>
            </>
          ) : undefined
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="办件编号">
            <Link to={`/cases/${d.caseId}`}>{d.caseNumber}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="事项名称">{d.itemName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={DELEGATED_STATE_COLOR[d.state]}>{DELEGATED_STATE[d.state]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="委托部门">{n.department(d.department)}</Descriptions.Item>
          <Descriptions.Item label="受理窗口">{n.window(d.windowId)}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{dateTime(d.acceptedAt)}</Descriptions.Item>
          {d.preReviewOpinion ? (
            <Descriptions.Item label="预审意见" span={2}>
              {d.preReviewOpinion}
            </Descriptions.Item>
          ) : null}
          {d.transferredAt ? (
            <Descriptions.Item label="转办">
              {d.transferredBy ?? '—'}，{dateTime(d.transferredAt)}
            </Descriptions.Item>
          ) : null}
          {d.task ? (
            <Descriptions.Item label="部门决定任务">
              {TASK_STATE[d.task.state] ?? d.task.state}
              {d.task.dueDate ? `，到期日 ${d.task.dueDate}` : ''}
            </Descriptions.Item>
          ) : null}
          {d.decision ? (
            <Descriptions.Item label="部门决定">
              {OUTCOME[d.decision.outcome]}（{d.decision.decidedBy}，{dateTime(d.decision.decidedAt)}）
              {d.decision.reasons.length > 0 ? `：${d.decision.reasons.join('；')}` : ''}
            </Descriptions.Item>
          ) : null}
          {d.repliedAt ? <Descriptions.Item label="回复时间">{dateTime(d.repliedAt)}</Descriptions.Item> : null}
          {d.cancelledReason ? <Descriptions.Item label="撤销原因">{d.cancelledReason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Legs d={d} today={today} />
      {mayTransfer(staff, d) ? <TransferAct d={d} onChanged={record.reload} /> : null}
    </>
  );
}

/** One delegated case (代受理件): the case, its legs and their clocks, and 转办 with the pre-review opinion. */
export default function DelegatedCasePage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage
      title="代受理件详情"
      extra={<Link to="/delegated">返回代受理件</Link>}
      me={me}
      notStaff="代受理件仅限工作人员。"
    >
      {(staff) => <DelegatedView staff={staff} id={id} />}
    </StaffPage>
  );
}
