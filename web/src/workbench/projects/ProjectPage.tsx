import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Input, Space, Table, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile, Project } from '../../api/types';
import { allStaff } from '../../admin/org/directory';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { PROJECT_AUTHORISATION, PROJECT_KIND, PROJECT_STATE, PROJECT_STATE_COLOR } from '../../shared/labels';
import { ProgressFigures, projectCaseColumns } from '../../shared/project-progress';
import { agentText } from '../../shared/project-text';
import { useDepartmentNames } from '../../shared/department-names';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { projectActs, wanText } from './project-format';
import { ActForm } from './ActForm';
import { CloseProject, DetachCase, EditProject } from './ProjectActs';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;
type ProjectCase = Project['cases'][number];

/** The project's cases; the 代办员 or the center may detach one (移出, with the reason). */
function CaseTable({ project, detach, onDone }: { project: Project; detach: boolean; onDone: Done }) {
  const departmentName = useDepartmentNames(project.cases.map((c) => c.department));
  const columns = projectCaseColumns<ProjectCase>((id) => `/cases/${id}`, departmentName);
  return (
    <Table<ProjectCase>
      rowKey="caseId"
      size="middle"
      pagination={false}
      scroll={{ x: 1040 }}
      dataSource={project.cases}
      locale={{ emptyText: '尚未关联办件' }}
      columns={
        detach
          ? [
              ...columns,
              {
                title: '操作',
                key: 'act',
                render: (_v: unknown, c: ProjectCase) => <DetachCase project={project} c={c} onDone={onDone} />,
              },
            ]
          : columns
      }
    />
  );
}

type Done = (p: Project, done: string) => void;

function ProjectView({ staff, id }: { staff: Staff; id: string }) {
  const [said, setSaid] = useState<string>();
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
  const acts = projectActs(staff, p);
  const version = p.version;
  const onDone: Done = (_p, done) => {
    setSaid(done);
    project.reload();
  };

  return (
    <>
      {said ? <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={said} /> : null}
      <Card
        style={{ marginBottom: 16 }}
        title="项目信息"
        extra={
          acts.edit || acts.close ? (
            <Space wrap>
              {acts.edit ? <EditProject project={p} onDone={onDone} /> : null}
              {acts.close ? <CloseProject project={p} onDone={onDone} /> : null}
            </Space>
          ) : null
        }
      >
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
          <Descriptions.Item label="代办员">{agentText(p.agent)}</Descriptions.Item>
          {p.description ? <Descriptions.Item label="项目概况">{p.description}</Descriptions.Item> : null}
          {p.closedReason ? (
            <Descriptions.Item label={p.state === 'closed' ? '关闭原因' : '结束说明'}>
              {p.closedReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title="办理进度" style={{ marginBottom: 16 }}>
        {progress.error ? (
          <ErrorAlert error={progress.error} onRetry={progress.reload} />
        ) : progress.data ? (
          <ProgressFigures progress={progress.data} />
        ) : (
          <Loading text="正在读取办理进度…" />
        )}
      </Card>
      <Card title="关联的办件" style={{ marginBottom: 16 }}>
        <CaseTable project={p} detach={acts.cases} onDone={onDone} />
      </Card>
      {acts.assign ? (
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
      {acts.cases ? (
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

/**
 * One project (项目管理): its content, progress and cases. The center assigns the 代办员 and ends the project; the
 * 代办员 (or the center) edits it and attaches and detaches the cases.
 */
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
