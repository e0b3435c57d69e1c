import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, List, Table, Tag, Timeline } from 'antd';
import { api, call } from '../../shared/api';
import type { Escalation, Profile } from '../../api/types';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import {
  ESCALATION_STATE,
  ESCALATION_STATE_COLOR,
  ESCALATION_UPDATE_KIND,
  legDueDate,
  transferErrorText,
} from './escalation-format';
import { ReceiverActs } from './ReceiverActs';
import { SenderActs } from './SenderActs';

type Staff = NonNullable<Profile['staff']>;
type EscalationFile = Escalation['files'][number];

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const OUTCOME = { approved: '准予许可', denied: '不予许可' } as const;

/** The form data as label/value pairs (flat values only; nested ones as JSON text). */
function formEntries(json: string): [string, string][] {
  try {
    const data = JSON.parse(json) as unknown;
    if (!data || typeof data !== 'object') return [];
    return Object.entries(data).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  } catch {
    return [];
  }
}

function CaseCard({ e }: { e: Escalation }) {
  const c = e.case;
  const a = c.applicant;
  const receiver = e.side === 'receiver';
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="办件编号">{c.caseNumber}</Descriptions.Item>
        <Descriptions.Item label="事项名称">{c.itemName}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={ESCALATION_STATE_COLOR[e.state]}>{ESCALATION_STATE[e.state]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={receiver ? '报送中心' : '上级办理部门'}>
          {receiver ? c.sourceCenterName : e.targetDepartment || '报送时确定'}
        </Descriptions.Item>
        <Descriptions.Item label="承诺办结日期">{c.promisedDueDate || '—'}</Descriptions.Item>
        <Descriptions.Item label={receiver ? '办理到期日' : '报送到期日'}>{legDueDate(e) ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="报送轮次">{e.round}</Descriptions.Item>
        <Descriptions.Item label="报送时间">{when(e.forwardedAt)}</Descriptions.Item>
        {e.note ? <Descriptions.Item label="本级报送说明">{e.note}</Descriptions.Item> : null}
        {!receiver && e.followUpBy ? <Descriptions.Item label="跟踪人">{e.followUpBy}</Descriptions.Item> : null}
      </Descriptions>
      {a ? (
        <Descriptions title="申请人" column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 16 }}>
          <Descriptions.Item label="名称">{a.name}</Descriptions.Item>
          {receiver ? <Descriptions.Item label="证件号码">{a.idCode}</Descriptions.Item> : null}
          {a.legalRepresentative ? (
            <Descriptions.Item label="法定代表人">{a.legalRepresentative}</Descriptions.Item>
          ) : null}
          {a.agentName ? <Descriptions.Item label="代理人">{a.agentName}</Descriptions.Item> : null}
          {receiver && a.mobile ? <Descriptions.Item label="联系电话">{a.mobile}</Descriptions.Item> : null}
          {receiver && a.address ? <Descriptions.Item label="地址">{a.address}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      {receiver && formEntries(c.formData).length > 0 ? (
        <Descriptions title="申请表" column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 16 }}>
          {formEntries(c.formData).map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </Card>
  );
}

function Files({ e }: { e: Escalation }) {
  return (
    <Card title="材料" style={{ marginBottom: 16 }}>
      <Table<EscalationFile>
        rowKey={(f) => `${f.id}:${f.round}`}
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={e.files}
        locale={{ emptyText: '没有材料文件' }}
        columns={[
          { title: '材料', dataIndex: 'materialName' },
          { title: '文件', dataIndex: 'fileName' },
          { title: '轮次', dataIndex: 'round', render: (r: number) => (r === 1 ? '首次报送' : `第${r - 1}次补充`) },
          {
            title: e.side === 'receiver' ? '已收到' : '上级已收到',
            dataIndex: 'transferred',
            render: (t: boolean) => (t ? '是' : '传送中'),
          },
        ]}
      />
    </Card>
  );
}

function Updates({ e }: { e: Escalation }) {
  return (
    <Card title={e.side === 'receiver' ? '办理进展' : '上级办理进展'} style={{ marginBottom: 16 }}>
      {e.updates.length === 0 ? (
        <p style={{ margin: 0 }}>上级中心尚无进展。</p>
      ) : (
        <Timeline
          items={e.updates.map((u) => ({
            key: u.sequence,
            children: (
              <>
                <strong>{ESCALATION_UPDATE_KIND[u.kind]}</strong>（{when(u.at)}）{u.text ? <div>{u.text}</div> : null}
                {u.procedure ? (
                  <div>
                    特别程序：{u.procedure}
                    {u.plannedWorkingDays ? `，计划${u.plannedWorkingDays}个工作日` : ''}
                  </div>
                ) : null}
                {u.reasons.length > 0 ? (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {u.reasons.map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                ) : null}
                {u.decision ? (
                  <div>
                    决定：{OUTCOME[u.decision.outcome]}
                    {u.decision.documentNumber ? `（${u.decision.documentNumber}）` : ''}
                  </div>
                ) : null}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function FollowUpList({ e }: { e: Escalation }) {
  return (
    <Card title="跟踪记录" style={{ marginBottom: 16 }}>
      {e.followUps.length === 0 ? (
        <p style={{ margin: 0 }}>尚无跟踪记录。</p>
      ) : (
        <List
          size="small"
          dataSource={e.followUps}
          renderItem={(f) => (
            <List.Item>
              {when(f.at)} {f.by}：{f.text}
              {f.contact ? `（联系：${f.contact}）` : ''}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function EscalationView({ staff, id }: { staff: Staff; id: string }) {
  const record = useLoad(
    () =>
      call(api.GET('/api/v1/joint-review/escalations/{id}', { params: { path: { id } } })).then((r) => r.escalation),
    [id],
  );
  if (record.error) return <ErrorAlert error={record.error} onRetry={record.reload} />;
  const e = record.data;
  if (!e) return <Loading text="正在读取上报件…" />;
  return (
    <>
      {e.transferError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`报送未完成：${transferErrorText(e.transferError)}`}
        />
      ) : null}
      {e.decision ? (
        <Alert
          type={e.decision.outcome === 'approved' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={`上级决定：${OUTCOME[e.decision.outcome]}${e.decision.documentNumber ? `（${e.decision.documentNumber}）` : ''}`}
          description={e.decision.reasons.length > 0 ? e.decision.reasons.join('；') : undefined}
        />
      ) : null}
      <CaseCard e={e} />
      <Files e={e} />
      <Updates e={e} />
      {e.side === 'sender' ? (
        <>
          <FollowUpList e={e} />
          <SenderActs e={e} onChanged={record.reload} />
        </>
      ) : (
        <ReceiverActs e={e} staff={staff} onChanged={record.reload} />
      )}
    </>
  );
}

/** One escalation (上报件): the lower center's follow-up record or the parent's handling record, and its acts. */
export default function EscalationPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage
      title="上报件详情"
      extra={
        <span style={{ display: 'inline-flex', gap: 16 }}>
          <Link to="/escalations">返回上报件跟踪</Link>
          <Link to="/received-escalations">返回上级办理</Link>
        </span>
      }
      me={me}
      notStaff="上报件仅限工作人员。"
    >
      {(staff) => <EscalationView staff={staff} id={id} />}
    </StaffPage>
  );
}
