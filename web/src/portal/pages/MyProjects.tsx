import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { MyProject } from '../../api/types';
import { PROJECT_STATE, PROJECT_STATE_COLOR } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { PhoneText, ProgressFigures, projectCaseColumns } from '../../shared/project-progress';
import { useDepartmentNames } from '../../shared/department-names';
import { RequireLogin } from '../../shared/require-login';
import { CompanySelect } from '../common/company-select';
import { EmptyState, ErrorAlert, Loading, MoreButton, Notice, useLoad, usePaged } from '../../shared/states';

type ProjectCase = MyProject['cases'][number];

/** One project's progress: the figures, the 代办员 to call, each case with its status and dates. */
function ProjectCard({ p, departmentName }: { p: MyProject; departmentName: (code: string) => string }) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <h2 style={{ fontSize: 18, fontWeight: 600, margin: 0 }}>{p.name}</h2>
        <Tag color={PROJECT_STATE_COLOR[p.state]}>{PROJECT_STATE[p.state]}</Tag>
      </Space>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="项目代码">{p.projectCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="代办员">{p.agent?.displayName ?? '尚未指定'}</Descriptions.Item>
        {p.agent ? (
          <Descriptions.Item label="代办员电话">
            <PhoneText phone={p.agent.phone} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <ProgressFigures progress={p} />
      <Table<ProjectCase>
        style={{ marginTop: 16 }}
        rowKey="caseId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={p.cases}
        locale={{ emptyText: '项目暂无关联的办件' }}
        columns={projectCaseColumns<ProjectCase>((id) => `/my/cases/${id}`, departmentName)}
      />
    </Card>
  );
}

function ProjectList({ onBehalfOf }: { onBehalfOf: string | undefined }) {
  const paged = usePaged<MyProject>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/projects/mine', {
          params: {
            query: { pageSize: 20, ...(onBehalfOf ? { onBehalfOf } : {}), ...(pageToken ? { pageToken } : {}) },
          },
        }),
      ).then((r) => ({ items: r.projects, total: r.total, nextPageToken: r.nextPageToken })),
    [onBehalfOf],
  );
  const departmentName = useDepartmentNames(paged.items.flatMap((p) => p.cases.map((c) => c.department)));
  if (paged.first.error) return <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} />;
  if (!paged.first.data) return <Loading text="正在读取项目…" />;
  if (paged.items.length === 0) {
    return <EmptyState text="暂无重大项目。政务服务中心为企业登记项目并指定代办员后，项目的办理进度会出现在这里。" />;
  }
  return (
    <>
      <Typography.Paragraph type="secondary">共 {paged.total} 个项目，新登记的在前。</Typography.Paragraph>
      {paged.items.map((p) => (
        <ProjectCard key={p.projectId} p={p} departmentName={departmentName} />
      ))}
      <MoreButton paged={paged} />
    </>
  );
}

function Projects() {
  const profile = useLoad(() => call(api.GET('/api/v1/identity/me', {})), []);
  const [investor, setInvestor] = useState<string>('');
  if (profile.error) return <ErrorAlert error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <Loading />;
  const companies = [...profile.data.heldLegalPersons, ...profile.data.agentFor];
  if (companies.length === 0) {
    return (
      <Notice
        title="暂无可查看的企业"
        text="重大项目以企业（法人或其他组织）为投资主体。请由法定代表人登记企业，或请其授权您为经办人。"
      >
        <Link to="/enterprise">前往“企业与授权”</Link>
      </Notice>
    );
  }
  return (
    <>
      {companies.length > 1 ? (
        <CompanySelect
          id="project-investor"
          label="投资主体"
          none="全部企业"
          companies={companies}
          value={investor}
          onChange={setInvestor}
        />
      ) : null}
      <ProjectList onBehalfOf={investor || undefined} />
    </>
  );
}

/** 我的项目 (J20): the projects of the companies the person holds or acts for, each with its progress. */
export default function MyProjects() {
  return (
    <>
      <PageTitle title="我的项目" extra="企业的重大项目：所关联办件的办理进度、代办员及其联系电话、预计完成日期。" />
      <RequireLogin why="登录后可查看您的企业的重大项目。">
        <Projects />
      </RequireLogin>
    </>
  );
}
