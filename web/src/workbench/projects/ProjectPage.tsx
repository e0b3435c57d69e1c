import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Statistic, Table, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile, Project, ProjectProgress } from '../../api/types';
import { allStaff } from '../../admin/org/directory';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { PROJECT_AUTHORISATION, PROJECT_KIND, PROJECT_STATE } from '../../shared/labels';
import { caseDateColumns, caseStatusColumn } from '../../shared/case-dates';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { showOnForm } from '../../shared/form-messages';
import { PROJECT_STATE_COLOR, wanText } from './project-format';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;
type ProjectCase = Project['cases'][number];

/** One act on the project: a one-field form, the service's refusal at the field, the project reloaded after. */
function ActForm({
  title,
  field,
  label,
  button,
  done,
  act,
  children,
}: {
  title: string;
  field: string;
  label: string;
  button: string;
  done: string;
  act: (value: string) => Promise<unknown>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await act(values[field]!.trim());
      form.resetFields();
      setMessage({ ok: true, text: done });
    } catch (error) {
      const messages = showOnForm(form, error, [field]);
      if (messages.length > 0) setMessage({ ok: false, text: messages.join('；') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" requiredMark onFinish={(v) => void submit(v)} style={{ maxWidth: 480 }}>
        <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          {children}
        </Form.Item>
        {message ? (
          <Alert
            type={message.ok ? 'success' : 'error'}
            showIcon
            role={message.ok ? 'status' : 'alert'}
            style={{ marginBottom: 16 }}
            message={message.text}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {button}
        </Button>
      </Form>
    </Card>
  );
}

function CaseTable({ cases }: { cases: ProjectCase[] }) {
  return (
    <Table<ProjectCase>
      rowKey="caseId"
      size="middle"
      pagination={false}
      scroll={{ x: 960 }}
      dataSource={cases}
      locale={{ emptyText: '尚未关联办件' }}
      columns={[
        {
          title: '办件编号',
          dataIndex: 'caseNumber',
          render: (n: string, c) => <Link to={`/cases/${c.caseId}`}>{n}</Link>,
        },
        { title: '事项名称', dataIndex: 'itemName' },
        { title: '部门', dataIndex: 'department' },
        caseStatusColumn,
        { title: '超期', dataIndex: 'overdue', render: (o: boolean) => (o ? <Tag color="red">已超期</Tag> : '否') },
        ...caseDateColumns,
      ]}
    />
  );
}

function ProgressFigures({ progress }: { progress: ProjectProgress }) {
  const figures = [
    { title: '办件总数', value: progress.casesTotal },
    { title: '已办结', value: progress.casesCompleted },
    { title: '在办', value: progress.casesInProgress },
    { title: '已超期', value: progress.casesOverdue },
  ];
  return (
    <Card title="办理进度" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.title} xs={12} sm={6}>
            <Statistic title={f.title} value={f.value} suffix="件" />
          </Col>
        ))}
      </Row>
      <p style={{ margin: '16px 0 0' }}>
        预计完成日期：{progress.expectedCompletionDate ?? (progress.casesInProgress > 0 ? '尚未计时' : '—')}
      </p>
    </Card>
  );
}

function ProjectView({ staff, id }: { staff: Staff; id: string }) {
  const project = useLoad(
    () => call(api.GET('/api/v1/joint-review/projects/{id}', { params: { path: { id } } })).then((r) => r.project),
    [id],
  );
  const progress = useLoad(
    () =>
      call(api.GET('/api/v1/joint-review/projects/{id}/progress', { params: { path: { id } } })).then(
        (r) => r.progress,
      ),
    [id, project.data?.version],
  );
  const center = staff.roles.includes('center_admin');
  const staffList = useLoad(() => (center ? allStaff(staff.tenant) : Promise.resolve([])), [center, staff.tenant]);
  if (project.error) return <ErrorAlert error={project.error} onRetry={project.reload} />;
  const p = project.data;
  if (!p) return <Loading text="正在读取项目…" />;
  const active = p.state === 'active';
  const isAgent = p.agent?.username === staff.username;
  const version = p.version;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="项目名称">{p.name}</Descriptions.Item>
          <Descriptions.Item label="项目代码">{p.projectCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="项目类型">{PROJECT_KIND[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="审批方式">{PROJECT_AUTHORISATION[p.authorisation]}</Descriptions.Item>
          <Descriptions.Item label="投资主体">
            {p.investorName}（{p.investorCreditCode}）
          </Descriptions.Item>
          <Descriptions.Item label="总投资">{wanText(p.totalInvestmentFen)}</Descriptions.Item>
          <Descriptions.Item label="建设地点">{p.location || '—'}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={PROJECT_STATE_COLOR[p.state]}>{PROJECT_STATE[p.state]}</Tag>
            {p.classified ? <Tag>涉密</Tag> : p.publicProgress ? <Tag>公开查询</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="代办员">
            {p.agent ? `${p.agent.displayName}（${p.agent.phone || '未登记电话'}）` : '未指定'}
          </Descriptions.Item>
          {p.description ? <Descriptions.Item label="项目概况">{p.description}</Descriptions.Item> : null}
          {p.closedReason ? <Descriptions.Item label="关闭原因">{p.closedReason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {progress.error ? (
        <ErrorAlert error={progress.error} onRetry={progress.reload} />
      ) : progress.data ? (
        <ProgressFigures progress={progress.data} />
      ) : (
        <Loading text="正在读取办理进度…" />
      )}
      <Card title="关联的办件" style={{ marginBottom: 16 }}>
        <CaseTable cases={p.cases} />
      </Card>
      {active && center ? (
        <ActForm
          title={p.agent ? '更换代办员' : '指定代办员'}
          field="username"
          label="代办员"
          button="保存代办员"
          done="已指定代办员。"
          act={async (username) => {
            await call(
              api.POST('/api/v1/joint-review/projects/{id}/agent', {
                params: { path: { id } },
                body: { expectedVersion: version, username },
              }),
            );
            project.reload();
          }}
        >
          <NativeSelect
            placeholder={staffList.data ? '请选择本中心工作人员' : '正在读取工作人员…'}
            choices={(staffList.data ?? [])
              .filter((s) => s.status === 'active')
              .map((s) => ({ value: s.username, label: `${s.displayName}（${s.username}）` }))}
          />
        </ActForm>
      ) : null}
      {active && (center || isAgent) ? (
        <ActForm
          title="关联办件"
          field="caseId"
          label="办件标识"
          button="关联"
          done="已关联办件。"
          act={async (caseId) => {
            await call(
              api.POST('/api/v1/joint-review/projects/{id}/cases', {
                params: { path: { id } },
                body: { expectedVersion: version, caseId },
              }),
            );
            project.reload();
          }}
        >
          <Input autoComplete="off" placeholder="办件详情页网址末尾的标识，如 0f8c3a52-6d1e-4b7a-9c2d-5e4f3a2b1c0d" />
        </ActForm>
      ) : null}
    </>
  );
}

/** One project (项目管理): its content, progress and cases; the center assigns the 代办员, who attaches the cases. */
export default function ProjectPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage
      title="项目详情"
      extra={<Link to="/projects">返回项目管理</Link>}
      me={me}
      notStaff="项目管理仅限工作人员。"
    >
      {(staff) => <ProjectView staff={staff} id={id} />}
    </StaffPage>
  );
}
