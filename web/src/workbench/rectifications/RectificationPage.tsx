import { Link, useParams } from 'react-router';
import { Descriptions, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import type { paths } from '../../api/schema';
import { chinaToday, dateTime } from '../../shared/format';
import { RATING_CHANNELS } from '../../shared/rating-levels';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { allStaff } from '../../admin/org/directory';
import { ActCard } from '../escalations/ActCard';
import { StaffPage } from '../staff-page';
import {
  actsFor,
  deadlineState,
  isAppealOutcome,
  OUTCOMES,
  outcomeName,
  RECTIFICATION_STATUS,
  RECTIFICATION_STATUS_COLOR,
  type OutcomeValue,
} from './rectification-format';

type Rectification =
  paths['/api/v1/rectifications/{id}']['get']['responses'][200]['content']['application/json']['rectification'];
type Staff = NonNullable<Profile['staff']>;

const path = (id: string) => ({ params: { path: { id } } });

/** The rating and where the rectification stands. */
function Summary({ r }: { r: Rectification }) {
  const deadline = deadlineState(r.deadline, chinaToday(), r.status === 'closed');
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="评价对象">
        {r.subject === 'visit' ? (
          `窗口服务${r.itemName ? `（${r.itemName}）` : ''}`
        ) : (
          <Link to={`/cases/${r.caseId}`}>
            {r.itemName}（{r.caseNumber}）
          </Link>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="评价">
        <Tag color="red">{r.levelName}</Tag>
        {RATING_CHANNELS[r.channel] ?? r.channel}，{r.realName ? `实名（${r.raterName}）` : '匿名'}
      </Descriptions.Item>
      <Descriptions.Item label="差评理由" span={2}>
        {r.reason || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="差评时间">{dateTime(r.ratedAt)}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={RECTIFICATION_STATUS_COLOR[r.status]}>{RECTIFICATION_STATUS[r.status]}</Tag>
        {r.overdue && r.status !== 'closed' ? <Tag color="red">已超期</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label="处理人">{r.handlerName || r.handler || '未指派（由部门负责人办理）'}</Descriptions.Item>
      <Descriptions.Item label="整改期限">
        {deadline.late ? <Typography.Text type="danger">{deadline.text}</Typography.Text> : deadline.text}
      </Descriptions.Item>
      {r.outcome ? (
        <Descriptions.Item label={isAppealOutcome(r.outcome) ? '申诉' : '办结方式'} span={2}>
          <Space direction="vertical" size={0}>
            <span>
              {outcomeName(r.outcome)}
              {r.fixBy ? `，${r.fixBy}前完成` : ''}
              {r.concludedAt ? `（${dateTime(r.concludedAt)}）` : ''}
            </span>
            <span>{r.outcomeText}</span>
          </Space>
        </Descriptions.Item>
      ) : null}
      {r.appealDecision ? (
        <Descriptions.Item label="申诉审核" span={2}>
          {r.appealDecision.upheld ? '申诉成立，该差评不计入满意度' : '申诉不成立，退回整改'}：{r.appealDecision.notes}
          （{r.appealDecision.decidedBy}，{dateTime(r.appealDecision.decidedAt)}）
        </Descriptions.Item>
      ) : null}
      {r.raterToldAt ? <Descriptions.Item label="已告知评价人">{dateTime(r.raterToldAt)}</Descriptions.Item> : null}
    </Descriptions>
  );
}

function CallBacks({ r }: { r: Rectification }) {
  return (
    <List
      size="small"
      header={<Typography.Text strong>回访记录</Typography.Text>}
      bordered
      style={{ marginBottom: 16 }}
      locale={{
        // antd's own empty text is too faint to read (contrast); the secondary text colour is not.
        emptyText: (
          <Typography.Text type="secondary">
            {r.realName ? '尚未回访：实名差评须回访到评价人后方可办结' : '尚未回访'}
          </Typography.Text>
        ),
      }}
      dataSource={r.callBacks}
      renderItem={(c) => (
        <List.Item>
          {dateTime(c.at)} {c.by}：{c.reached ? '已联系到评价人' : '未联系上'}。{c.notes}
        </List.Item>
      )}
    />
  );
}

/** 指派处理人: a member of the rated department (the list the head may read). */
function AssignCard({ r, tenant, onDone }: { r: Rectification; tenant: string; onDone: () => void }) {
  const staff = useLoad(() => allStaff(tenant, r.department), [tenant, r.department]);
  return (
    <ActCard<{ handler: string }>
      title="指派整改处理人"
      fields={['handler']}
      button="指派"
      done="已指派"
      act={async (v) => {
        await call(
          api.POST('/api/v1/rectifications/{id}/assignment', {
            ...path(r.id),
            body: { expectedVersion: r.version, handler: v.handler ?? '' },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="handler" label="处理人" extra="被评价部门在岗的工作人员">
        <Select
          showSearch
          optionFilterProp="label"
          loading={!staff.data && !staff.error}
          placeholder="选择处理人"
          options={(staff.data ?? [])
            .filter((s) => s.status === 'active')
            .map((s) => ({ value: s.username, label: `${s.displayName}（${s.username}）` }))}
        />
      </Form.Item>
    </ActCard>
  );
}

function CallBackCard({ r, onDone }: { r: Rectification; onDone: () => void }) {
  return (
    <ActCard<{ reached: boolean; notes: string }>
      title="记录回访"
      fields={['notes', 'reached']}
      button="保存回访记录"
      done="已记录回访"
      initialValues={{ reached: true }}
      act={async (v) => {
        await call(
          api.POST('/api/v1/rectifications/{id}/call-backs', {
            ...path(r.id),
            body: { expectedVersion: r.version, reached: v.reached, notes: (v.notes ?? '').trim() },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="reached" label="是否联系到评价人">
        <Radio.Group
          options={[
            { value: true, label: '已联系到' },
            { value: false, label: '未联系上' },
          ]}
        />
      </Form.Item>
      <Form.Item name="notes" label="回访情况">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} placeholder="沟通内容，或未联系上的原因" />
      </Form.Item>
    </ActCard>
  );
}

function ConcludeCard({ r, onDone }: { r: Rectification; onDone: () => void }) {
  return (
    <ActCard<{ outcome: OutcomeValue; text: string; fixBy?: string }>
      title="办结整改"
      fields={['outcome', 'text', 'fixBy']}
      button="提交"
      done="已提交"
      act={async (v) => {
        await call(
          api.POST('/api/v1/rectifications/{id}/conclusion', {
            ...path(r.id),
            body: {
              expectedVersion: r.version,
              outcome: v.outcome,
              text: (v.text ?? '').trim(),
              ...(v.outcome === 'fix_by_date' && v.fixBy ? { fixBy: v.fixBy } : {}),
            },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="outcome" label="办结方式" extra="申诉（误评、恶意差评）交效能监督部门审核">
        <Radio.Group options={OUTCOMES.map((o) => ({ value: o.value, label: o.label }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
        {({ getFieldValue }) => (
          <>
            {getFieldValue('outcome') === 'fix_by_date' ? (
              <Form.Item name="fixBy" label="整改完成日期">
                <Input type="date" style={{ width: 200 }} />
              </Form.Item>
            ) : null}
            <Form.Item
              name="text"
              label={isAppealOutcome(getFieldValue('outcome')) ? '申诉理由和证据' : '整改情况（将告知评价人）'}
            >
              <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} />
            </Form.Item>
          </>
        )}
      </Form.Item>
    </ActCard>
  );
}

function AppealDecisionCard({ r, onDone }: { r: Rectification; onDone: () => void }) {
  return (
    <ActCard<{ upheld: boolean; notes: string }>
      title="审核申诉（效能监督）"
      fields={['upheld', 'notes']}
      button="提交审核意见"
      done="已审核"
      act={async (v) => {
        await call(
          api.POST('/api/v1/rectifications/{id}/appeal-decision', {
            ...path(r.id),
            body: { expectedVersion: r.version, upheld: v.upheld, notes: (v.notes ?? '').trim() },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="upheld" label="审核结论">
        <Radio.Group
          options={[
            { value: true, label: '申诉成立（不计入满意度）' },
            { value: false, label: '申诉不成立（退回整改）' },
          ]}
        />
      </Form.Item>
      <Form.Item name="notes" label="审核意见">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </ActCard>
  );
}

function RectificationView({ id, staff }: { id: string; staff: Staff }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/rectifications/{id}', path(id))), [id]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取差评整改…" />;
  const r = loaded.data.rectification;
  const acts = actsFor(staff, r);
  return (
    <>
      <Summary r={r} />
      <CallBacks r={r} />
      {acts.assign ? <AssignCard r={r} tenant={staff.tenant} onDone={loaded.reload} /> : null}
      {acts.work ? <CallBackCard r={r} onDone={loaded.reload} /> : null}
      {acts.work ? <ConcludeCard r={r} onDone={loaded.reload} /> : null}
      {acts.decide ? <AppealDecisionCard r={r} onDone={loaded.reload} /> : null}
    </>
  );
}

/** One rectification: the rating, the call-backs, and the acts the member of staff may take in its state. */
export default function RectificationPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage title="差评整改" me={me} extra={<Link to="/rectifications">返回列表</Link>}>
      {(staff) => <RectificationView id={id} staff={staff} />}
    </StaffPage>
  );
}
