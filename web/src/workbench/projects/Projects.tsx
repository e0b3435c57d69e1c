import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Tabs, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile, Project, ProjectState } from '../../api/types';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { PROJECT_STATE, PROJECT_STATE_COLOR } from '../../shared/labels';
import { useLoad, usePaged, type Loaded } from '../../shared/states';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { ApiError, messageOf } from '../../shared/problem';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { idempotencyKey } from '../../portal/common/form-problem';
import { CONTENT_FIELDS, NEW_CONTENT, contentBody, type ProjectContentValues } from './project-content';
import { ProjectFields } from './ProjectFields';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;

interface NewProject extends ProjectContentValues {
  investorPersonId?: string;
}
const CREATE_FIELDS = [...CONTENT_FIELDS, 'investorPersonId'];

/** 新建项目 (center_admin): the investor picked among the tenant's registered legal persons. */
function CreateProject({ staff, onCreated }: { staff: Staff; onCreated: (p: Project) => void }) {
  const [form] = Form.useForm<NewProject>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [requestId, setRequestId] = useState(() => idempotencyKey('project'));
  const investors = useLoad(
    () =>
      call(
        api.GET('/api/v1/identity/tenants/{code}/applicants', {
          params: { path: { code: staff.tenant }, query: { pageSize: 100 } },
        }),
      ).then((r) => r.applicants.filter((a) => a.kind === 'legal')),
    [staff.tenant],
  );

  const submit = async (v: NewProject) => {
    setBusy(true);
    setErrors([]);
    try {
      const { project } = await call(
        api.POST('/api/v1/joint-review/projects', {
          body: {
            requestId,
            investorPersonId: v.investorPersonId ?? '',
            ...contentBody(v),
          },
        }),
      );
      form.resetFields();
      setRequestId(idempotencyKey('project'));
      onCreated(project);
    } catch (error) {
      // Refused (4xx): nothing was created, so the corrected project is a new request; after a 5xx or no answer
      // the same request id is sent again and answers the project if it was created after all.
      if (error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) {
        setRequestId(idempotencyKey('project'));
      }
      setErrors(showOnForm(form, error, CREATE_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="新建项目" style={{ marginBottom: 16 }}>
      <Form<NewProject>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={NEW_CONTENT}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 720 }}
      >
        <ProjectFields
          investor={
            <Form.Item
              name="investorPersonId"
              label="投资主体"
              extra={
                investors.error ? `读取已登记的法人失败：${messageOf(investors.error)}` : '在本中心登记的法人或其他组织'
              }
              rules={[{ required: true, message: '请选择投资主体' }]}
            >
              <NativeSelect
                placeholder={investors.data ? '请选择投资主体' : '正在读取…'}
                choices={(investors.data ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.identifier}）` }))}
              />
            </Form.Item>
          }
        />
        <FormMessages messages={errors} />
        <Button type="primary" htmlType="submit" loading={busy}>
          创建项目
        </Button>
      </Form>
    </Card>
  );
}

function ProjectTable({ mine, created }: { mine: boolean; created: number }) {
  const paged = usePaged<Project>(
    (pageToken) =>
      call(api.GET('/api/v1/joint-review/projects', { params: { query: pageQuery({ mine }, pageToken) } })).then(
        (r) => ({ items: r.projects, total: r.total, nextPageToken: r.nextPageToken }),
      ),
    [mine, created],
  );
  return (
    <PagedTable<Project>
      paged={paged}
      loadingText="正在读取项目…"
      emptyText={mine ? '您暂无代办的项目' : '暂无项目'}
      summary={(total) => <>共 {total} 个项目，新建的在前。</>}
      scrollX={900}
      columns={[
        {
          title: '项目名称',
          dataIndex: 'name',
          render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
        },
        { title: '项目代码', dataIndex: 'projectCode', render: (c?: string) => c ?? '—' },
        { title: '投资主体', dataIndex: 'investorName' },
        { title: '代办员', key: 'agent', render: (_v, p) => p.agent?.displayName ?? '未指定' },
        { title: '办件', key: 'cases', render: (_v, p) => `${p.cases.length}件` },
        {
          title: '状态',
          dataIndex: 'state',
          render: (s: ProjectState) => <Tag color={PROJECT_STATE_COLOR[s]}>{PROJECT_STATE[s]}</Tag>,
        },
      ]}
    />
  );
}

function ProjectViews({ staff }: { staff: Staff }) {
  const [params, setParams] = useSearchParams();
  const center = staff.roles.includes('center_admin');
  const [created, setCreated] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [creating, setCreating] = useState(false);
  const view = params.get('view') === 'all' || (center && params.get('view') !== 'mine') ? 'all' : 'mine';
  return (
    <>
      {center && creating ? (
        <CreateProject
          staff={staff}
          onCreated={(p) => {
            setCreated((n) => n + 1);
            setCreating(false);
            setNotice(`已创建项目“${p.name}”。请进入项目指定代办员。`);
          }}
        />
      ) : center ? (
        <Button
          type="primary"
          style={{ marginBottom: 16 }}
          onClick={() => {
            setNotice(undefined);
            setCreating(true);
          }}
        >
          新建项目
        </Button>
      ) : null}
      {notice ? <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={notice} /> : null}
      <Tabs
        activeKey={view}
        onChange={(key) => setParams({ view: key })}
        items={[
          { key: 'mine', label: '我代办的项目', children: <ProjectTable mine created={created} /> },
          { key: 'all', label: '本中心全部项目', children: <ProjectTable mine={false} created={created} /> },
        ]}
      />
    </>
  );
}

/** 项目管理 (J20): the center's projects and the 代办员's own; the center creates them. */
export default function Projects({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="项目管理"
      extra="重大项目的全程代办：项目信息、代办员、所关联的办件及其进度。"
      me={me}
      notStaff="项目管理仅限工作人员。"
    >
      {(staff) => <ProjectViews staff={staff} />}
    </StaffPage>
  );
}
